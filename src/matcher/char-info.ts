/**
 * What each character is to the matcher, and what it folds to.
 *
 * Folding = Unicode compatibility decomposition (NFKD: ligatures such as ﬁ,
 * full-width forms), combining marks dropped (Soleimaní = Soleimani,
 * Türkiye = Turkiye), a few letters NFKD leaves alone (ß, ø, ł, đ, æ, …)
 * spelled out, then lower case. The "cased" fold is the same without the
 * lower-casing; case-sensitive aliases are compared on it.
 *
 * Two views of the same decisions live here: `charInfo` (slow, exact, cached
 * per code point) and `ENC`, a 64K-entry table the tokenizer's hot loop reads
 * once per UTF-16 unit. ENC starts with ASCII filled in and every other unit
 * marked special; the slow path writes a unit back as "simple" once it has
 * classified it, so the second é on a page is as cheap as an e.
 */

/** Kinds of character. */
export const WORD = 1; // letter or digit (and &): part of a token
export const MARK = 2; // combining mark, soft hyphen, joiners: invisible inside a token
export const SPACE = 3;
export const DASH = 4; // hyphens, dashes, minus: a space as far as names go
export const APOS = 5; // apostrophes and single quotes
export const DOT = 6;
export const TERM = 7; // ! ? … and other sentence terminators
export const SOFT = 8; // currency signs and %: do not break a name or a number phrase
export const PUNCT = 9; // everything else: breaks names apart

export type CharKind = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * Gap flags: what the characters between two tokens contained. Stored per
 * token for the gap before it.
 */
export const GAP_SPACE = 1;
export const GAP_DASH = 2;
export const GAP_PUNCT = 4;
export const GAP_DOT = 8;
export const GAP_TERM = 16;
export const GAP_SOFT = 32;
/** A terminator (. ! ? …) followed later in the same gap by white space. */
export const GAP_TERM_SPACE = 64;
/** The gap starts with a '.' right after the previous token ("Dr. X"). */
export const GAP_DOT_FIRST = 128;

export interface CharInfo {
  kind: CharKind;
  /** Folded lower-case text (WORD only; may be 2+ units: ﬁ → fi, ß → ss). */
  fold: string;
  /** Folded text keeping case (WORD only). */
  cased: string;
}

const APOSTROPHES = new Set([
  0x27, 0x60, 0xb4, 0x2018, 0x2019, 0x201b, 0x2032, 0x2035, 0x02b9, 0x02bb, 0x02bc, 0x02bd, 0x02be,
  0x02bf, 0xff07,
]);
const TERMINATORS = new Set([
  0x21, 0x3f, 0x2026, 0x203c, 0x2047, 0x2048, 0x2049, 0x3002, 0xff01, 0xff1f, 0x061f, 0x06d4, 0x0589, 0xff61,
]);
const DOTS = new Set([0x2e, 0xfe52, 0xff0e]);
/** Invisible format characters that may sit inside a word. */
const IGNORABLE = new Set([0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff, 0x200e, 0x200f, 0x0640, 0x034f]);
const SPACES = new Set([0x200b, 0x180e]);

/** Letters that NFKD does not decompose but readers treat as their base letter. */
const SPELLED: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  ł: 'l', Ł: 'L', ħ: 'h', Ħ: 'H', ı: 'i', þ: 'th', Þ: 'TH', ŧ: 't', Ŧ: 'T', ς: 'σ', ĸ: 'k', ŉ: 'n',
};

const RE_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const RE_MARK = /[\p{M}\p{Cf}]/u;
const RE_MARKS_G = /\p{M}/gu;
const RE_NOT_ALNUM_G = /[^\p{L}\p{N}]/gu;
const RE_SPACE = /[\s\p{Z}]/u;
const RE_DASH = /\p{Pd}/u;
const RE_CURRENCY = /\p{Sc}/u;

function spell(s: string): string {
  let out = '';
  for (const ch of s) out += SPELLED[ch] ?? ch;
  return out;
}

function foldCased(ch: string): string {
  return spell(ch.normalize('NFKD').replace(RE_MARKS_G, '')).replace(RE_NOT_ALNUM_G, '');
}

function foldLower(cased: string): string {
  // Lower-casing can reintroduce marks (İ → i + dot above): strip again.
  return cased.toLowerCase().normalize('NFKD').replace(RE_MARKS_G, '').replace(RE_NOT_ALNUM_G, '');
}

function classify(cp: number): CharInfo {
  const none = (kind: CharKind): CharInfo => ({ kind, fold: '', cased: '' });
  if (cp === 0x26) return { kind: WORD, fold: '&', cased: '&' };
  if (APOSTROPHES.has(cp)) return none(APOS);
  if (DOTS.has(cp)) return none(DOT);
  if (TERMINATORS.has(cp)) return none(TERM);
  if (SPACES.has(cp)) return none(SPACE);
  if (IGNORABLE.has(cp)) return none(MARK);
  if (cp === 0x2212 || cp === 0x2043) return none(DASH);
  if (cp === 0x25 || cp === 0x2030 || cp === 0x2031) return none(SOFT);
  // Lone surrogates are not characters: they break tokens like punctuation.
  if (cp >= 0xd800 && cp <= 0xdfff) return none(PUNCT);
  const ch = String.fromCodePoint(cp);
  if (RE_LETTER_OR_DIGIT.test(ch)) {
    const cased = foldCased(ch);
    if (cased === '') return none(MARK);
    const fold = foldLower(cased);
    if (fold === '') return none(MARK);
    return { kind: WORD, fold, cased };
  }
  if (RE_MARK.test(ch)) return none(MARK);
  if (RE_SPACE.test(ch)) return none(SPACE);
  if (RE_DASH.test(ch)) return none(DASH);
  if (RE_CURRENCY.test(ch)) return none(SOFT);
  return none(PUNCT);
}

const cache = new Map<number, CharInfo>();

/** Kind and folds of one code point (slow path; cached). */
export function charInfo(cp: number): CharInfo {
  let info = cache.get(cp);
  if (info === undefined) {
    info = classify(cp);
    cache.set(cp, info);
  }
  return info;
}

/** Gap flag a separator kind contributes. */
export function gapFlagOf(kind: CharKind): number {
  switch (kind) {
    case SPACE:
      return GAP_SPACE;
    case DASH:
      return GAP_DASH;
    case DOT:
      return GAP_DOT;
    case TERM:
      return GAP_TERM;
    case SOFT:
      return GAP_SOFT;
    case WORD:
    case MARK:
      return 0;
    default:
      return GAP_PUNCT;
  }
}

/*
 * ENC layout (Int32 per UTF-16 unit):
 *   bits 0-15  folded unit (word units with a one-unit fold)
 *   bit 16     1 = word unit
 *   bit 31     special: take the slow path (not yet classified, apostrophe,
 *              dot, mark, multi-unit fold, surrogate, line feed)
 * Every other separator is 0: what separated two tokens is looked at later,
 * per gap (boundaries.ts), not per character.
 */
export const ENC_SPECIAL = 1 << 31;
export const ENC_WORD = 1 << 16;
export const ENC = new Int32Array(65536);

function simpleEncoding(info: CharInfo): number {
  if (info.kind === WORD) return info.fold.length === 1 ? info.fold.charCodeAt(0) | ENC_WORD : ENC_SPECIAL;
  if (info.kind === MARK || info.kind === APOS || info.kind === DOT) return ENC_SPECIAL;
  return 0;
}

for (let u = 0; u < 65536; u++) ENC[u] = ENC_SPECIAL;
for (let u = 0; u < 128; u++) ENC[u] = simpleEncoding(charInfo(u));
// A line feed is a plain separator, but the tokenizer takes it aside: in
// page text it usually starts a run of indentation, which it skips in a
// loop of its own (tokenize.ts).
ENC[10] = ENC_SPECIAL;

/** Called by the slow path once it has classified a BMP unit. */
export function learnUnit(unit: number, info: CharInfo): void {
  // ASCII is filled in above, on purpose (the line feed stays special).
  if (unit < 128 || (unit >= 0xd800 && unit <= 0xdfff)) return;
  ENC[unit] = simpleEncoding(info);
}

/**
 * The UTF-16 unit of a page text at i (NaN past the end), read through
 * String.prototype.charCodeAt rather than text.charCodeAt. Looked up on the
 * text, the method depends on what the call site has seen, and page blocks
 * come as several kinds of V8 string (flat, joined from text nodes, one or
 * two bytes per unit, internalised); past a few kinds V8 stops inlining the
 * call (the tokenizer's loop ran 3 times slower so). Every read of page text
 * on the scan's paths goes through here or does the same locally
 * (tokenize.ts reads units its own way, for the same reason).
 */
export function unitAt(text: string, i: number): number {
  return String.prototype.charCodeAt.call(text, i);
}

/** Whether a UTF-16 unit is an ASCII letter (for dotted acronyms: U.S., e.g.). */
export function isAsciiLetter(unit: number): boolean {
  return (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
}

/** A lower-case letter, in any script. */
export const LOWER_CASE_LETTER = /\p{Ll}/u;
