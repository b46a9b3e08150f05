/**
 * Between two tokens: does a sentence end here, and may a name run across?
 *
 * A sentence ends at . ! ? or … followed by white space (closing quotes and
 * brackets may come between), unless
 * - the dot belongs to an abbreviation: a title or month written with a dot
 *   (Dr., Gen., Sept.), a single-letter initial (Joe R. Biden), or a dotted
 *   acronym (U.S., whose final dot is part of the token), or
 * - the next word starts with a lower-case letter or a digit.
 * Decimals (3.5) never end one: there is no space after their dot.
 * The cost: "in the U.S. The next day" stays one sentence.
 *
 * A name (alias, multi-word cue term) may run across white space, hyphens
 * and dashes, currency signs, and the dot of an abbreviation (Dr. Smith);
 * any other punctuation (commas, quotes, brackets, sentence ends) breaks it.
 */
import {
  APOS,
  DASH,
  GAP_DOT,
  GAP_DOT_FIRST,
  GAP_PUNCT,
  GAP_SPACE,
  GAP_TERM,
  GAP_TERM_SPACE,
  MARK,
  SPACE,
  WORD,
  charInfo,
  gapFlagOf,
  unitAt,
} from './char-info.ts';
import { hashFolded } from './hash.ts';
import { TOKEN_DOTTED, type Tokens } from './tokenize.ts';

/** Gap flags of each ASCII character. */
const ASCII_GAP = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const kind = charInfo(c).kind;
  ASCII_GAP[c] = kind === WORD ? GAP_PUNCT : gapFlagOf(kind);
}

/** An apostrophe and s right after a token, the whole possessive (the tokenizer dropped it). */
function isPossessiveAt(text: string, i: number, to: number): boolean {
  const c1 = unitAt(text, i + 1);
  if (!(c1 === 115 || c1 === 83) || i + 2 > to) return false;
  return charInfo(text.codePointAt(i)!).kind === APOS;
}

/** Is the gap before token j (j >= 1) a possessive 's ("York's Times")? */
export function isPossessiveGap(tokens: Tokens, j: number): boolean {
  return isPossessiveAt(tokens.text, tokens.bound[2 * j - 1]!, tokens.bound[2 * j]!);
}

/**
 * What the text between two tokens contains (char-info.ts GAP_* flags).
 * A possessive 's right after the first token adds nothing ("Iran's
 * parliament" is one name); any other letter here counts as punctuation.
 */
export function gapFlags(text: string, from: number, to: number): number {
  let g = 0;
  for (let i = from; i < to; i++) {
    const c = unitAt(text, i);
    if (i === from && isPossessiveAt(text, i, to)) {
      i++; // the 's of "Iran's parliament": a name runs across it
      continue;
    }
    let f: number;
    if (c < 128) f = ASCII_GAP[c]!;
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const kind = charInfo(cp).kind;
      f = kind === WORD ? GAP_PUNCT : kind === MARK ? 0 : gapFlagOf(kind);
    }
    if ((f & GAP_SPACE) !== 0 && (g & (GAP_DOT | GAP_TERM)) !== 0) g |= GAP_TERM_SPACE;
    if (i === from && c === 0x2e) g |= GAP_DOT_FIRST;
    g |= f;
  }
  return g;
}

/** Per-token boundary bits. */
export const STARTS_SENTENCE = 1;
export const JOINS_PREVIOUS = 2;

const ABBREVIATIONS = [
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'cmdr', 'brig',
  'sen', 'rep', 'gov', 'pres', 'amb', 'rev', 'hon', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'approx', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'vol', 'pp',
];
const ABBREVIATION_HASHES = new Set(ABBREVIATIONS.map(hashFolded));

/** Finished hash of the folded token: is it a title or month abbreviation? */
export function isAbbreviationHash(hash: number): boolean {
  return ABBREVIATION_HASHES.has(hash);
}

/** Does the token starting at `start` begin with a lower-case letter or a digit? */
export function startsLowerOrDigit(text: string, start: number): boolean {
  const c = unitAt(text, start);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  const info = charInfo(text.codePointAt(start)!);
  if (info.kind !== WORD) return false;
  if (/\p{N}/u.test(info.cased)) return true;
  return info.cased !== info.cased.toUpperCase();
}

/**
 * Boundary bits for the token starting at `start`, given the gap flags
 * before it and facts about the previous token: its finished hash, flags
 * and range. Callers skip this for gaps of plain spaces (JOINS_PREVIOUS).
 */
export function boundaryBits(
  gap: number,
  text: string,
  start: number,
  prevHash: number,
  prevFlags: number,
  prevStart: number,
  prevEnd: number,
): number {
  if ((gap & (GAP_PUNCT | GAP_DOT | GAP_TERM)) === 0) return JOINS_PREVIOUS;
  if ((gap & GAP_TERM_SPACE) === 0) return 0;
  const abbreviation =
    (gap & GAP_TERM) === 0 &&
    (gap & GAP_DOT_FIRST) !== 0 &&
    ((prevFlags & TOKEN_DOTTED) !== 0 || isInitial(text, prevStart, prevEnd) || isAbbreviationHash(prevHash));
  if (abbreviation) return (gap & GAP_PUNCT) === 0 ? JOINS_PREVIOUS : 0;
  return startsLowerOrDigit(text, start) ? 0 : STARTS_SENTENCE;
}

/** A one-letter token: an initial such as the R. of Joe R. Biden. */
function isInitial(text: string, start: number, end: number): boolean {
  if (end - start === 1) {
    const c = unitAt(text, start);
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && charInfo(c).kind === WORD);
  }
  if (end - start === 2) {
    const cp = text.codePointAt(start)!;
    return cp > 0xffff && charInfo(cp).kind === WORD;
  }
  return false;
}

/** Boundary bits of token j of `tokens` (STARTS_SENTENCE for the first). */
export function tokenBoundary(tokens: Tokens, j: number): number {
  if (j === 0) return STARTS_SENTENCE;
  const b = tokens.bound;
  const text = tokens.text;
  const prevEnd = b[2 * j - 1]!;
  const start = b[2 * j]!;
  if (start === prevEnd + 1 && unitAt(text, prevEnd) === 32) return JOINS_PREVIOUS;
  const gap = gapFlags(text, prevEnd, start);
  return boundaryBits(gap, text, start, tokens.hash[j - 1]!, tokens.flags[j - 1]!, b[2 * j - 2]!, prevEnd);
}

/**
 * The punctuation of the gap before token j, for names written with
 * punctuation in them ("Washington, D.C.", "9/11", "War in Iraq (2013–2017)",
 * "Antiwar.com"): "" when the gap joins (spaces, dashes, a possessive, an
 * abbreviation's dot), otherwise its characters without spaces and dashes,
 * with every apostrophe written ' and every double quote written ".
 * A pattern matches only where each gap's signature equals its own.
 */
export function gapSignature(tokens: Tokens, j: number, bits: number): string {
  if ((bits & JOINS_PREVIOUS) !== 0) return '';
  const text = tokens.text;
  const from = tokens.bound[2 * j - 1]!;
  const to = tokens.bound[2 * j]!;
  let out = '';
  for (let i = from; i < to; i++) {
    if (i === from && isPossessiveAt(text, i, to)) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const kind = charInfo(cp).kind;
    if (kind === SPACE || kind === DASH || kind === MARK) continue;
    if (kind === APOS) out += "'";
    else if (cp === 0x22 || cp === 0x201c || cp === 0x201d || cp === 0x201e || cp === 0xab || cp === 0xbb) out += '"';
    else out += String.fromCodePoint(cp);
  }
  return out;
}
