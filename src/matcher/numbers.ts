/**
 * Claim cues compare numbers by value and units by meaning. Before cue terms
 * are matched, the tokens of a sentence become "items":
 *
 * - a number phrase becomes one NUM item holding its value:
 *   16 = sixteen; 900 = nine hundred; 1,000 = 1000 (commas between groups of
 *   three digits); 3.5 is a decimal; 100bn = 100 billion; 1.5 million;
 *   $5m and $5k (m, k and b count as million, thousand, billion only after a
 *   currency sign); one hundred and twenty = 120; a dozen = 12.
 *   Ordinals (16th) and other digit-letter words (9mm, 2010s) stay words.
 * - units become one canonical word: % = percent = per cent = pct;
 *   $ = dollar = dollars = USD; £ = pound(s) = GBP; € = euro(s) = EUR. A
 *   currency sign before a number is read after it: "$100 billion" and
 *   "100bn dollars" are both [100000000000, dollar].
 * - qualifiers are ordinary words: "at least 900 troops" contains the items
 *   of "900 troops", so a cue "900 troops" finds it, and a cue that wants the
 *   qualifier says "at least 900 troops".
 * - every other token is a WORD item.
 *
 * Cue terms go through this same code at compile time, so both sides agree.
 */
import { JOINS_PREVIOUS, STARTS_SENTENCE } from './boundaries.ts';
import type { Tokens } from './tokenize.ts';

export const ITEM_WORD = 0;
export const ITEM_NUM = 1;
/** A canonical unit word (percent, dollar, …) made from a sign or a synonym. */
export const ITEM_UNIT = 2;

/** What a number-related word does. */
export const NW_UNIT = 1; // zero … nineteen
export const NW_TENS = 2; // twenty … ninety
export const NW_SCALE = 3; // hundred, thousand, million, …, dozen
export const NW_AND = 4; // "and" inside "one hundred and twenty"
export const NW_PERCENT = 5; // percent, pct
export const NW_PER = 6; // "per" of "per cent"
export const NW_CENT = 7;
export const NW_CURRENCY = 8;

export interface NumberWord {
  word: string;
  kind: number;
  value: number;
  /** For NW_CURRENCY: which canonical unit (index into UNIT_WORDS). */
  unit?: number;
}

/** Canonical unit words, as they appear in items. */
export const UNIT_WORDS = ['percent', 'dollar', 'pound', 'euro'] as const;
export const UNIT_PERCENT = 0;
const UNIT_DOLLAR = 1;
const UNIT_POUND = 2;
const UNIT_EURO = 3;

const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The fixed list; the index refers to entries by position + 1. */
export const NUMBER_WORDS: readonly NumberWord[] = [
  ...UNITS.map((word, value) => ({ word, kind: NW_UNIT, value })),
  ...TENS.map((word, i) => ({ word, kind: NW_TENS, value: (i + 2) * 10 })),
  { word: 'hundred', kind: NW_SCALE, value: 100 },
  { word: 'thousand', kind: NW_SCALE, value: 1e3 },
  { word: 'million', kind: NW_SCALE, value: 1e6 },
  { word: 'billion', kind: NW_SCALE, value: 1e9 },
  { word: 'trillion', kind: NW_SCALE, value: 1e12 },
  { word: 'bn', kind: NW_SCALE, value: 1e9 },
  { word: 'mn', kind: NW_SCALE, value: 1e6 },
  { word: 'mln', kind: NW_SCALE, value: 1e6 },
  { word: 'tn', kind: NW_SCALE, value: 1e12 },
  { word: 'dozen', kind: NW_SCALE, value: 12 },
  { word: 'and', kind: NW_AND, value: 0 },
  { word: 'percent', kind: NW_PERCENT, value: 0 },
  { word: 'pct', kind: NW_PERCENT, value: 0 },
  { word: 'per', kind: NW_PER, value: 0 },
  { word: 'cent', kind: NW_CENT, value: 0 },
  { word: 'dollar', kind: NW_CURRENCY, value: 0, unit: UNIT_DOLLAR },
  { word: 'dollars', kind: NW_CURRENCY, value: 0, unit: UNIT_DOLLAR },
  { word: 'usd', kind: NW_CURRENCY, value: 0, unit: UNIT_DOLLAR },
  { word: 'pound', kind: NW_CURRENCY, value: 0, unit: UNIT_POUND },
  { word: 'pounds', kind: NW_CURRENCY, value: 0, unit: UNIT_POUND },
  { word: 'gbp', kind: NW_CURRENCY, value: 0, unit: UNIT_POUND },
  { word: 'euro', kind: NW_CURRENCY, value: 0, unit: UNIT_EURO },
  { word: 'euros', kind: NW_CURRENCY, value: 0, unit: UNIT_EURO },
  { word: 'eur', kind: NW_CURRENCY, value: 0, unit: UNIT_EURO },
];

const SUFFIX_SCALE: Record<string, number> = { bn: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12 };
const CURRENCY_SUFFIX_SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
const CURRENCY_SIGNS: Record<string, number> = { $: UNIT_DOLLAR, '£': UNIT_POUND, '€': UNIT_EURO };

/** Items of one block (or one cue term). Arrays grow as needed. */
export class Items {
  count = 0;
  sym = new Int32Array(64);
  kind = new Uint8Array(64);
  /** First and last token of the item. */
  tokFirst = new Int32Array(64);
  tokLast = new Int32Array(64);
  /** Original UTF-16 span (includes a currency sign or % it absorbed). */
  charStart = new Int32Array(64);
  charEnd = new Int32Array(64);
  /** STARTS_SENTENCE / JOINS_PREVIOUS, taken from the first token. */
  bits = new Uint8Array(64);
  value = new Float64Array(64);

  reset(): void {
    this.count = 0;
  }

  push(kind: number, sym: number, tokFirst: number, tokLast: number, charStart: number, charEnd: number, bits: number, value: number): void {
    const i = this.count;
    if (i === this.sym.length) this.grow();
    this.kind[i] = kind;
    this.sym[i] = sym;
    this.tokFirst[i] = tokFirst;
    this.tokLast[i] = tokLast;
    this.charStart[i] = charStart;
    this.charEnd[i] = charEnd;
    this.bits[i] = bits;
    this.value[i] = value;
    this.count = i + 1;
  }

  private grow(): void {
    const n = this.sym.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const grow8 = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.sym = grow32(this.sym);
    this.tokFirst = grow32(this.tokFirst);
    this.tokLast = grow32(this.tokLast);
    this.charStart = grow32(this.charStart);
    this.charEnd = grow32(this.charEnd);
    this.kind = grow8(this.kind);
    this.bits = grow8(this.bits);
    const v = new Float64Array(n);
    v.set(this.value);
    this.value = v;
  }
}

/** What buildItems needs to know about the tokens. */
export interface ItemContext {
  tokens: Tokens;
  /** Tokens at or after this index are not read (end of the sentence). */
  end: number;
  /** Symbol per token, -1 if unknown. */
  syms: Int32Array;
  /** Boundary bits per token. */
  bits: Uint8Array;
  /** NUMBER_WORDS index of token j (verified), or -1. */
  numberWord(j: number): number;
  /** Symbol of each UNIT_WORDS entry, -1 if the index has none. */
  unitSyms: Int32Array;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Digits then lower-case letters; the digits' value and the suffix. */
function splitDigits(text: string, start: number, end: number): { digits: string; suffix: string } | null {
  let i = start;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i === start) return null;
  const suffix = text.slice(i, end).toLowerCase();
  if (!/^[a-z]*$/.test(suffix)) return null;
  return { digits: text.slice(start, i), suffix };
}

/**
 * A digit number starting at token j. Returns the value and the last token
 * used, or null if token j is a word such as 16th.
 */
function readDigits(ctx: ItemContext, j: number, currency: boolean): { value: number; last: number } | null {
  const { tokens } = ctx;
  const text = tokens.text;
  const b = tokens.bound;
  const first = splitDigits(text, b[2 * j]!, b[2 * j + 1]!);
  if (first === null) return null;
  let digits = first.digits;
  let suffix = first.suffix;
  let last = j;
  // Thousands groups: 1,000,000 — only right after a short first group.
  if (suffix === '' && digits.length <= 3) {
    while (last + 1 < ctx.end) {
      const end = b[2 * last + 1]!;
      const next = b[2 * last + 2]!;
      if (next !== end + 1 || text.charCodeAt(end) !== 44) break;
      const group = splitDigits(text, next, b[2 * last + 3]!);
      if (group === null || group.digits.length !== 3) break;
      digits += group.digits;
      suffix = group.suffix;
      last += 1;
      if (suffix !== '') break;
    }
  }
  let value = Number(digits);
  // Decimals: 3.5, 1.5bn.
  if (suffix === '' && last + 1 < ctx.end) {
    const end = b[2 * last + 1]!;
    const next = b[2 * last + 2]!;
    if (next === end + 1 && text.charCodeAt(end) === 46) {
      const frac = splitDigits(text, next, b[2 * last + 3]!);
      if (frac !== null) {
        value = Number(`${digits}.${frac.digits}`);
        suffix = frac.suffix;
        last += 1;
      }
    }
  }
  if (suffix !== '') {
    const scale = SUFFIX_SCALE[suffix] ?? (currency ? CURRENCY_SUFFIX_SCALE[suffix] : undefined);
    if (scale === undefined) return null;
    value *= scale;
  }
  return { value, last };
}

/** Scale words after a number: 100 billion, 1.5 million, nine hundred thousand. */
function readScales(ctx: ItemContext, value: number, last: number): { value: number; last: number } {
  while (last + 1 < ctx.end && (ctx.bits[last + 1]! & JOINS_PREVIOUS) !== 0) {
    const w = ctx.numberWord(last + 1);
    if (w < 0 || NUMBER_WORDS[w]!.kind !== NW_SCALE) break;
    value *= NUMBER_WORDS[w]!.value;
    last += 1;
  }
  return { value, last };
}

/** An English number phrase starting at token j (a number word). */
function readWords(ctx: ItemContext, j: number): { value: number; last: number } | null {
  let total = 0;
  let current = 0;
  let last = -1;
  let seen = false;
  for (let t = j; t < ctx.end; t++) {
    if (t > j && (ctx.bits[t]! & JOINS_PREVIOUS) === 0) break;
    const w = ctx.numberWord(t);
    if (w < 0) break;
    const nw = NUMBER_WORDS[w]!;
    if (nw.kind === NW_UNIT || nw.kind === NW_TENS) {
      // "twenty five" continues; "five twenty" does not.
      if (seen && current % 100 !== 0 && !(current % 10 === 0 && current % 100 >= 20 && nw.kind === NW_UNIT)) break;
      current += nw.value;
    } else if (nw.kind === NW_SCALE) {
      if (nw.value === 100) current = (current || 1) * 100;
      else if (nw.value === 12) current = (current || 1) * 12;
      else {
        total += (current || 1) * nw.value;
        current = 0;
      }
    } else if (nw.kind === NW_AND) {
      // Only inside a phrase and only before another number word.
      if (!seen || t + 1 >= ctx.end) break;
      const after = ctx.numberWord(t + 1);
      if (after < 0 || NUMBER_WORDS[after]!.kind > NW_SCALE) break;
      continue;
    } else {
      break;
    }
    seen = true;
    last = t;
  }
  if (!seen) return null;
  return { value: total + current, last };
}

/** The unit written right after a number: %, percent, per cent, dollars… */
function unitAfter(
  ctx: ItemContext,
  last: number,
): { unit: number; last: number; charStart: number; charEnd: number } | null {
  const { tokens } = ctx;
  const text = tokens.text;
  const end = tokens.bound[2 * last + 1]!;
  // "90%" or "90 %"
  const c = text.charCodeAt(end);
  if (c === 37) return { unit: UNIT_PERCENT, last, charStart: end, charEnd: end + 1 };
  if (c === 32 && text.charCodeAt(end + 1) === 37) return { unit: UNIT_PERCENT, last, charStart: end + 1, charEnd: end + 2 };
  const next = last + 1;
  if (next >= ctx.end || (ctx.bits[next]! & JOINS_PREVIOUS) === 0) return null;
  const w = ctx.numberWord(next);
  if (w < 0) return null;
  const nw = NUMBER_WORDS[w]!;
  const charStart = tokens.bound[2 * next]!;
  if (nw.kind === NW_PERCENT) return { unit: UNIT_PERCENT, last: next, charStart, charEnd: tokens.bound[2 * next + 1]! };
  if (nw.kind === NW_CURRENCY) return { unit: nw.unit!, last: next, charStart, charEnd: tokens.bound[2 * next + 1]! };
  if (nw.kind === NW_PER && next + 1 < ctx.end && (ctx.bits[next + 1]! & JOINS_PREVIOUS) !== 0) {
    const w2 = ctx.numberWord(next + 1);
    if (w2 >= 0 && NUMBER_WORDS[w2]!.kind === NW_CENT) {
      return { unit: UNIT_PERCENT, last: next + 1, charStart, charEnd: tokens.bound[2 * next + 3]! };
    }
  }
  return null;
}

/** Turn tokens [from, ctx.end) into items (appended to `out`). */
export function buildItems(ctx: ItemContext, out: Items, from: number): void {
  const { tokens, syms, bits, unitSyms } = ctx;
  const text = tokens.text;
  const b = tokens.bound;
  const n = ctx.end;
  for (let j = from; j < n; j++) {
    const start = b[2 * j]!;
    const tokenBits = bits[j]!;
    const c = text.charCodeAt(start);
    let number: { value: number; last: number } | null = null;
    let sign = -1;
    if (isDigit(c)) {
      const before = CURRENCY_SIGNS[text[start - 1] ?? ''];
      if (before !== undefined) sign = before;
      number = readDigits(ctx, j, sign >= 0);
      if (number !== null) number = readScales(ctx, number.value, number.last);
    } else if (syms[j]! >= 0) {
      const w = ctx.numberWord(j);
      if (w >= 0) {
        const kind = NUMBER_WORDS[w]!.kind;
        if (kind <= NW_SCALE) number = readWords(ctx, j);
        else if (kind === NW_PERCENT || kind === NW_CURRENCY) {
          const unit = kind === NW_PERCENT ? UNIT_PERCENT : NUMBER_WORDS[w]!.unit!;
          out.push(ITEM_UNIT, unitSyms[unit]!, j, j, start, b[2 * j + 1]!, tokenBits, 0);
          continue;
        } else if (kind === NW_PER && j + 1 < n && (bits[j + 1]! & JOINS_PREVIOUS) !== 0) {
          const w2 = ctx.numberWord(j + 1);
          if (w2 >= 0 && NUMBER_WORDS[w2]!.kind === NW_CENT) {
            out.push(ITEM_UNIT, unitSyms[UNIT_PERCENT]!, j, j + 1, start, b[2 * j + 3]!, tokenBits, 0);
            j += 1;
            continue;
          }
        }
      }
    }
    if (number === null) {
      out.push(ITEM_WORD, syms[j]!, j, j, start, b[2 * j + 1]!, tokenBits, 0);
      continue;
    }
    const charStart = sign >= 0 ? start - 1 : start;
    const last = number.last;
    const numberEnd = b[2 * last + 1]!;
    out.push(ITEM_NUM, -1, j, last, charStart, numberEnd, tokenBits, number.value);
    const unit = unitAfter(ctx, last);
    if (sign >= 0) {
      // A sign's unit is read after the number ($100 billion = 100 billion
      // dollars); it spans the number so a phrase ending on it ends there.
      out.push(ITEM_UNIT, unitSyms[sign]!, j, last, charStart, numberEnd, JOINS_PREVIOUS, 0);
      if (unit !== null && unit.unit === sign) {
        j = unit.last; // "$5 dollars": one unit, not two
        continue;
      }
    }
    if (unit !== null) {
      const firstToken = unit.last > last ? last + 1 : last;
      out.push(ITEM_UNIT, unitSyms[unit.unit]!, firstToken, unit.last, unit.charStart, unit.charEnd, JOINS_PREVIOUS, 0);
      j = unit.last;
    } else {
      j = last;
    }
  }
}

/** Value keys: numbers compared by value, rounded to avoid 0.1 + 0.2 trouble. */
export function numberKey(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export { STARTS_SENTENCE };
