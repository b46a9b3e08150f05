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
 * - units become one canonical word: % = percent = per cent = pct (and
 *   90pc = 90pct = 90 percent, as the British press writes it);
 *   $ = dollar = dollars = USD; £ = pound(s) = GBP; € = euro(s) = EUR. A
 *   currency sign before a number is read after it: "$100 billion" and
 *   "100bn dollars" are both [100000000000, dollar]. So is a currency code
 *   written before it with one space: "USD 100 billion".
 * - qualifiers are ordinary words: "at least 900 troops" contains the items
 *   of "900 troops", so a cue "900 troops" finds it, and a cue that wants the
 *   qualifier says "at least 900 troops".
 * - every other token is a WORD item.
 *
 * Cue terms go through this same code at compile time, so both sides agree.
 */
import { JOINS_PREVIOUS, STARTS_SENTENCE } from './boundaries.ts';
import { unitAt } from './char-info.ts';
import { MAX_NUMBER_TOKENS } from './limits.ts';
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
/** Units written as a suffix of the digits: 90pc, 3.5pct. */
const SUFFIX_UNIT: Record<string, number> = { pc: UNIT_PERCENT, pct: UNIT_PERCENT };
const CURRENCY_SUFFIX_SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

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

/*
 * The readers below report through this one scratch record instead of
 * returning objects: they run for every number of every sentence the claim
 * walk reads, and for every number the block pass checks as a cue anchor.
 */
const read = { value: 0, last: 0, unit: 0, charStart: 0, charEnd: 0, suffixUnit: -1 };

/** Where the digits starting at `start` stop (== start when there are none). */
/** A comma, or a space as some languages group thousands with (plain, no-break, narrow no-break, thin). */
export function isGroupSeparator(c: number): boolean {
  return c === 44 || c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function digitsEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isDigit(unitAt(text, i))) i++;
  return i;
}

/**
 * The letters after the digits, lower case, or null when they are not all
 * letters a-z ("16th" → "th", "100bn" → "bn"). ASCII is read directly; any
 * other unit takes the general path (toLowerCase can map a non-ASCII letter
 * into a-z, as the Kelvin sign K does).
 */
function digitSuffix(text: string, from: number, end: number): string | null {
  if (from === end) return '';
  for (let i = from; i < end; i++) {
    const c = unitAt(text, i);
    if (c >= 128) {
      const suffix = text.slice(from, end).toLowerCase();
      return /^[a-z]*$/.test(suffix) ? suffix : null;
    }
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (lower < 97 || lower > 122) return null;
  }
  return text.slice(from, end).toLowerCase();
}

/** The value of digits [from, to): integers up to 15 digits directly, anything longer through Number(). */
function digitsValue(text: string, from: number, to: number): number {
  if (to - from > 15) return Number(text.slice(from, to));
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (unitAt(text, i) - 48);
  return v;
}

/**
 * A digit number starting at token j: true with read.value and read.last
 * (the last token used), false if token j is a word such as 16th.
 */
function readDigits(ctx: ItemContext, j: number, currency: boolean): boolean {
  const { tokens } = ctx;
  const limit = Math.min(ctx.end, j + MAX_NUMBER_TOKENS);
  const text = tokens.text;
  const b = tokens.bound;
  const start = b[2 * j]!;
  const digitsTo = digitsEnd(text, start, b[2 * j + 1]!);
  if (digitsTo === start) return false;
  let suffix = digitSuffix(text, digitsTo, b[2 * j + 1]!);
  if (suffix === null) return false;
  let last = j;
  // Thousands groups: 1,000,000, or with spaces as French and others
  // write them (1 200, 12 000, also no-break and thin spaces) — only right
  // after a short first group, three digits each, one separator throughout.
  let grouped: string | null = null;
  if (suffix === '' && digitsTo - start <= 3) {
    let separator = -1;
    while (last + 1 < limit) {
      const end = b[2 * last + 1]!;
      const next = b[2 * last + 2]!;
      const c = unitAt(text, end);
      if (next !== end + 1 || !isGroupSeparator(c) || (separator !== -1 && c !== separator)) break;
      separator = c;
      const groupEnd = b[2 * last + 3]!;
      const groupDigits = digitsEnd(text, next, groupEnd);
      if (groupDigits - next !== 3) break;
      const groupSuffix = digitSuffix(text, groupDigits, groupEnd);
      if (groupSuffix === null) break;
      grouped = (grouped ?? text.slice(start, digitsTo)) + text.slice(next, groupDigits);
      suffix = groupSuffix;
      last += 1;
      if (suffix !== '') break;
    }
  }
  let value = grouped !== null ? Number(grouped) : digitsValue(text, start, digitsTo);
  // Decimals: 3.5, 1.5bn.
  if (suffix === '' && last + 1 < limit) {
    const end = b[2 * last + 1]!;
    const next = b[2 * last + 2]!;
    if (next === end + 1 && unitAt(text, end) === 46) {
      const fracEnd = b[2 * last + 3]!;
      const fracDigits = digitsEnd(text, next, fracEnd);
      const fracSuffix = fracDigits === next ? null : digitSuffix(text, fracDigits, fracEnd);
      if (fracSuffix !== null) {
        value = Number(`${grouped ?? text.slice(start, digitsTo)}.${text.slice(next, fracDigits)}`);
        suffix = fracSuffix;
        last += 1;
      }
    }
  }
  read.suffixUnit = -1;
  if (suffix !== '') {
    const unit = currency ? undefined : SUFFIX_UNIT[suffix];
    if (unit !== undefined) read.suffixUnit = unit;
    else {
      const scale = SUFFIX_SCALE[suffix] ?? (currency ? CURRENCY_SUFFIX_SCALE[suffix] : undefined);
      if (scale === undefined) return false;
      value *= scale;
    }
  }
  read.value = value;
  read.last = last;
  return true;
}

/** Scale words after the number starting at token j (100 billion, 1.5 million): updates read.value and read.last. */
function readScales(ctx: ItemContext, j: number): void {
  if (read.suffixUnit >= 0) return; // 90pc: a unit, not a scale, ends the number
  const limit = Math.min(ctx.end, j + MAX_NUMBER_TOKENS);
  let value = read.value;
  let last = read.last;
  while (last + 1 < limit && (ctx.bits[last + 1]! & JOINS_PREVIOUS) !== 0) {
    const w = ctx.numberWord(last + 1);
    if (w < 0 || NUMBER_WORDS[w]!.kind !== NW_SCALE) break;
    value *= NUMBER_WORDS[w]!.value;
    last += 1;
  }
  read.value = value;
  read.last = last;
}

/** An English number phrase starting at token j (a number word): true with read.value and read.last. */
function readWords(ctx: ItemContext, j: number): boolean {
  read.suffixUnit = -1;
  let total = 0;
  let current = 0;
  let last = -1;
  let seen = false;
  const limit = Math.min(ctx.end, j + MAX_NUMBER_TOKENS);
  for (let t = j; t < limit; t++) {
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
      if (!seen || t + 1 >= limit) break;
      const after = ctx.numberWord(t + 1);
      if (after < 0 || NUMBER_WORDS[after]!.kind > NW_SCALE) break;
      continue;
    } else {
      break;
    }
    seen = true;
    last = t;
  }
  if (!seen) return false;
  read.value = total + current;
  read.last = last;
  return true;
}

function readUnit(unit: number, last: number, charStart: number, charEnd: number): boolean {
  read.unit = unit;
  read.last = last;
  read.charStart = charStart;
  read.charEnd = charEnd;
  return true;
}

/**
 * The unit written right after a number (%, percent, per cent, dollars…):
 * true with read.unit, read.last, read.charStart and read.charEnd.
 */
function unitAfter(ctx: ItemContext, last: number): boolean {
  const { tokens } = ctx;
  const text = tokens.text;
  const end = tokens.bound[2 * last + 1]!;
  // "90%" or "90 %"
  const c = unitAt(text, end);
  if (c === 37) return readUnit(UNIT_PERCENT, last, end, end + 1);
  if (c === 32 && unitAt(text, end + 1) === 37) return readUnit(UNIT_PERCENT, last, end + 1, end + 2);
  const next = last + 1;
  if (next >= ctx.end || (ctx.bits[next]! & JOINS_PREVIOUS) === 0) return false;
  const w = ctx.numberWord(next);
  if (w < 0) return false;
  const nw = NUMBER_WORDS[w]!;
  const charStart = tokens.bound[2 * next]!;
  if (nw.kind === NW_PERCENT) return readUnit(UNIT_PERCENT, next, charStart, tokens.bound[2 * next + 1]!);
  if (nw.kind === NW_CURRENCY) return readUnit(nw.unit!, next, charStart, tokens.bound[2 * next + 1]!);
  if (nw.kind === NW_PER && next + 1 < ctx.end && (ctx.bits[next + 1]! & JOINS_PREVIOUS) !== 0) {
    const w2 = ctx.numberWord(next + 1);
    if (w2 >= 0 && NUMBER_WORDS[w2]!.kind === NW_CENT) return readUnit(UNIT_PERCENT, next + 1, charStart, tokens.bound[2 * next + 3]!);
  }
  return false;
}

/** The currency sign written right before position `start` (a UNIT_WORDS index), or -1. */
export function currencyBefore(text: string, start: number): number {
  if (start === 0) return -1;
  const c = unitAt(text, start - 1);
  return c === 36 ? UNIT_DOLLAR : c === 0xa3 ? UNIT_POUND : c === 0x20ac ? UNIT_EURO : -1;
}

/** A currency code of three ASCII letters, any case (USD, GBP, EUR): its UNIT_WORDS index, or -1. */
function currencyCode(text: string, start: number): number {
  const a = unitAt(text, start) | 0x20;
  const b = unitAt(text, start + 1) | 0x20;
  const c = unitAt(text, start + 2) | 0x20;
  if (a === 117 && b === 115 && c === 100) return UNIT_DOLLAR; // usd
  if (a === 103 && b === 98 && c === 112) return UNIT_POUND; // gbp
  if (a === 101 && b === 117 && c === 114) return UNIT_EURO; // eur
  return -1;
}

/**
 * The currency written before the number at token j (a UNIT_WORDS index),
 * or -1: a sign right before it ("$100"), or a currency code and one space
 * ("USD 100"), which buildItems reads as the sign.
 */
export function currencyOf(tokens: Tokens, j: number): number {
  const text = tokens.text;
  const start = tokens.bound[2 * j]!;
  const sign = currencyBefore(text, start);
  if (sign >= 0 || j === 0) return sign;
  const prevStart = tokens.bound[2 * j - 2]!;
  const prevEnd = tokens.bound[2 * j - 1]!;
  if (prevEnd - prevStart !== 3 || start - prevEnd !== 1) return -1;
  const gap = unitAt(text, prevEnd);
  return gap === 32 || gap === 0xa0 ? currencyCode(text, prevStart) : -1;
}

/** Is a % sign written right after position `end` ("90%", "90 %")? (unitAfter reads it so.) */
export function percentSignAfter(text: string, end: number): boolean {
  const c = unitAt(text, end);
  return c === 37 || (c === 32 && unitAt(text, end + 1) === 37);
}

/**
 * The number item buildItems would make if one started at token j: its
 * value in `out.value` and, in `out.unit`, the unit of the item right after
 * it (a UNIT_WORDS index: the currency sign before it, else the unit written
 * after it; -1 when none). False when no number item can start there (not
 * a digit or a number word; a word such as 16th). Every number item starts
 * at such a token and gets exactly these, which makes this a safe test for
 * number anchors (block-pass.ts): a sentence in which no token passes it has
 * no number a cue could use.
 */
export function numberStartingAt(ctx: ItemContext, j: number, out: { value: number; unit: number }): boolean {
  const text = ctx.tokens.text;
  const start = ctx.tokens.bound[2 * j]!;
  let sign = -1;
  if (isDigit(unitAt(text, start))) {
    sign = currencyOf(ctx.tokens, j);
    if (!readDigits(ctx, j, sign >= 0)) return false;
    readScales(ctx, j);
  } else {
    const w = ctx.numberWord(j);
    if (w < 0 || NUMBER_WORDS[w]!.kind > NW_SCALE || !readWords(ctx, j)) return false;
  }
  out.value = read.value;
  out.unit = sign >= 0 ? sign : read.suffixUnit >= 0 ? read.suffixUnit : unitAfter(ctx, read.last) ? read.unit : -1;
  return true;
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
    const c = unitAt(text, start);
    let number = false;
    let sign = -1;
    if (isDigit(c)) {
      sign = currencyOf(tokens, j);
      number = readDigits(ctx, j, sign >= 0);
      if (number) readScales(ctx, j);
    } else if (syms[j]! >= 0) {
      const w = ctx.numberWord(j);
      if (w >= 0) {
        const kind = NUMBER_WORDS[w]!.kind;
        if (kind <= NW_SCALE) number = readWords(ctx, j);
        else if (kind === NW_PERCENT || kind === NW_CURRENCY) {
          // A currency code before a number is read as its sign (currencyOf).
          if (j + 1 < n && isDigit(unitAt(text, b[2 * j + 2]!)) && currencyBefore(text, b[2 * j + 2]!) < 0 && currencyOf(tokens, j + 1) >= 0) continue;
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
    if (!number) {
      out.push(ITEM_WORD, syms[j]!, j, j, start, b[2 * j + 1]!, tokenBits, 0);
      continue;
    }
    const charStart = sign < 0 ? start : currencyBefore(text, start) >= 0 ? start - 1 : b[2 * j - 2]!;
    const last = read.last;
    const numberEnd = b[2 * last + 1]!;
    out.push(ITEM_NUM, -1, j, last, charStart, numberEnd, tokenBits, read.value);
    if (read.suffixUnit >= 0) {
      // 90pc: the unit is written in the number's own token.
      out.push(ITEM_UNIT, unitSyms[read.suffixUnit]!, last, last, charStart, numberEnd, JOINS_PREVIOUS, 0);
      j = last;
      continue;
    }
    const hasUnit = unitAfter(ctx, last);
    if (sign >= 0) {
      // A sign's unit is read after the number ($100 billion = 100 billion
      // dollars); it spans the number so a phrase ending on it ends there.
      out.push(ITEM_UNIT, unitSyms[sign]!, j, last, charStart, numberEnd, JOINS_PREVIOUS, 0);
      if (hasUnit && read.unit === sign) {
        j = read.last; // "$5 dollars": one unit, not two
        continue;
      }
    }
    if (hasUnit) {
      const firstToken = read.last > last ? last + 1 : last;
      out.push(ITEM_UNIT, unitSyms[read.unit]!, firstToken, read.last, read.charStart, read.charEnd, JOINS_PREVIOUS, 0);
      j = read.last;
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
