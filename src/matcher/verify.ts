/**
 * Candidate checks against the real text. The automaton works on token
 * hashes, so every candidate is confirmed here before it counts: its folded
 * tokens must equal the pattern's stored text (and, for case rules, the
 * case-kept fold must equal the case-kept pattern). Candidates are rare, so
 * this slow-but-exact path costs little; it never allocates for ASCII.
 */
import { ENC, WORD, charInfo, unitAt } from './char-info.ts';
import { JOINS_PREVIOUS, gapSignature, isPossessiveGap } from './boundaries.ts';
import type { Tokens } from './tokenize.ts';

/**
 * Compares the folded text of token range [start, end) with pool[p, limit),
 * from pool position p. Returns the pool position after the token, or -1 on
 * a mismatch. With `prefix`, running out of pool is a success (returns limit).
 */
function compareToken(
  text: string,
  start: number,
  end: number,
  pool: Uint16Array,
  p: number,
  limit: number,
  lower: boolean,
  prefix: boolean,
): number {
  const read = String.prototype.charCodeAt; // char-info.ts unitAt, held locally
  for (let i = start; i < end; i++) {
    const c = read.call(text, i);
    if (c < 128) {
      const e = ENC[c]!;
      if (e < 0 || ((e >>> 16) & 1) === 0) continue; // apostrophe or acronym dot
      if (p >= limit) return prefix ? limit : -1;
      if (pool[p] !== (lower ? e & 0xffff : c)) return -1;
      p++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const info = charInfo(cp);
    if (info.kind !== WORD) continue;
    const f = lower ? info.fold : info.cased;
    for (let q = 0; q < f.length; q++) {
      if (p >= limit) return prefix ? limit : -1;
      if (pool[p] !== f.charCodeAt(q)) return -1;
      p++;
    }
  }
  return p;
}

/**
 * Do tokens first..last, folded and joined by single spaces, equal
 * pool[offset, offset + length)?
 */
export function tokensEqual(
  tokens: Tokens,
  first: number,
  last: number,
  pool: Uint16Array,
  offset: number,
  length: number,
  lower: boolean,
): boolean {
  const limit = offset + length;
  const b = tokens.bound;
  let p = offset;
  for (let j = first; j <= last; j++) {
    if (j > first) {
      if (p >= limit || pool[p] !== 32) return false;
      p++;
    }
    p = compareToken(tokens.text, b[2 * j]!, b[2 * j + 1]!, pool, p, limit, lower, false);
    if (p < 0) return false;
  }
  return p === limit;
}

/** Does token j, folded, start with pool[offset, offset + length)? */
export function tokenStartsWith(
  tokens: Tokens,
  j: number,
  pool: Uint16Array,
  offset: number,
  length: number,
  lower: boolean,
): boolean {
  const b = tokens.bound;
  const limit = offset + length;
  const p = compareToken(tokens.text, b[2 * j]!, b[2 * j + 1]!, pool, offset, limit, lower, true);
  return p === limit;
}

/** Is the first letter of token j a capital (as a name is written)? */
export function startsWithCapital(tokens: Tokens, j: number): boolean {
  const c = tokens.first[2 * j]!;
  if (c < 128) return c >= 65 && c <= 90;
  const info = charInfo(tokens.text.codePointAt(tokens.bound[2 * j]!)!);
  return info.cased !== info.fold;
}

/** Is token j, folded, exactly `word` (ASCII lower case)? */
export function tokenIsWord(tokens: Tokens, j: number, word: string): boolean {
  const text = tokens.text;
  const start = tokens.bound[2 * j]!;
  const end = tokens.bound[2 * j + 1]!;
  if (end - start === word.length) {
    let same = true;
    for (let i = 0; i < word.length; i++) {
      const c = unitAt(text, i + start);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i)) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  // Apostrophes, dots or non-ASCII letters: compare the slow way.
  let p = 0;
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const info = charInfo(cp);
    if (info.kind !== WORD) continue;
    for (let q = 0; q < info.fold.length; q++) {
      if (word.charCodeAt(p++) !== info.fold.charCodeAt(q)) return false;
    }
  }
  return p === word.length;
}

/**
 * The signature a name's gap before its token j is compiled to: its
 * punctuation (boundaries.ts gapSignature), or BEFORE_CAPITAL for a plain
 * gap before a word written with a capital. A possessive joins the words of
 * a name like a space ("Iran's nuclear deal" is the Iran nuclear deal,
 * "Gaza's Health Ministry" the Gaza Health Ministry), but before a
 * capitalised word only where the name then ends the run of capitalised
 * words: "New York's Times Square" does not hold the New York Times
 * (gapsMatch). A name written with the possessive ("People's Protection
 * Units") keeps it optional.
 */
export function nameGapSignature(tokens: Tokens, j: number, bits: number): string {
  const sig = gapSignature(tokens, j, bits);
  return sig === '' && startsWithCapital(tokens, j) && !isPossessiveGap(tokens, j) ? BEFORE_CAPITAL : sig;
}

/** The signature of a plain gap before a capitalised word of a name (nameGapSignature). */
const BEFORE_CAPITAL = '\u0003';
const BEFORE_CAPITAL_UNIT = 3;

/**
 * Does a page gap, by its signature `sig` (boundaries.ts gapSignature),
 * agree with the pattern's gap at pool[p]? Returns the position of the
 * pattern's next gap (past its U+0001), or -1.
 */
export function matchGap(sig: string, pool: Uint16Array, p: number, to: number): number {
  if (p < to && pool[p] === BEFORE_CAPITAL_UNIT) {
    if (sig !== '') return -1;
    p++;
  } else {
    for (let q = 0; q < sig.length; q++) if (p >= to || pool[p++] !== sig.charCodeAt(q)) return -1;
  }
  if (p < to && pool[p] !== 1) return -1;
  return p + 1;
}

/** Is text[from, to) nothing but white space (controls, spaces, no-break spaces)? */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = unitAt(text, i);
    if (c > 32 && c !== 0xa0) return false;
  }
  return true;
}

/** Does a word written with a capital follow token `last` in the block, after nothing but white space? */
function capitalFollows(tokens: Tokens, last: number): boolean {
  if (last + 1 >= tokens.count) return false;
  return onlySpaceBetween(tokens.text, tokens.bound[2 * last + 1]!, tokens.bound[2 * last + 2]!) && startsWithCapital(tokens, last + 1);
}

/**
 * Do the gaps between tokens first..last agree with a pattern's gap
 * signatures, stored in pool[from, to) separated by U+0001 (matchGap)? An
 * empty range means every gap must simply join (spaces, dashes, possessive).
 * A U+0002 starts the pattern's closing punctuation (see tailLength), not a
 * gap. A possessive the name does not write, before one of its capitalised
 * words, holds only where no capitalised word follows the match
 * (nameGapSignature).
 */
export function gapsMatch(
  tokens: Tokens,
  first: number,
  last: number,
  bits: Uint8Array,
  pool: Uint16Array,
  from: number,
  to: number,
): boolean {
  if (from === to) {
    for (let k = first + 1; k <= last; k++) if ((bits[k]! & JOINS_PREVIOUS) === 0) return false;
    return true;
  }
  for (let q = from; q < to; q++) {
    if (pool[q] === 2) {
      to = q;
      break;
    }
  }
  if (first === last) return true;
  let p = from;
  let possessive = false;
  for (let k = first + 1; k <= last; k++) {
    if (p < to && pool[p] === BEFORE_CAPITAL_UNIT && isPossessiveGap(tokens, k)) possessive = true;
    p = matchGap(gapSignature(tokens, k, bits[k]!), pool, p, to);
    if (p < 0) return false;
  }
  return p === to + 1 && !(possessive && capitalFollows(tokens, last));
}

/**
 * How many characters after `end` repeat a pattern's closing punctuation
 * (the ")" of "War in Iraq (2013–2017)"), so that the match can include it;
 * 0 when the pattern has none or the page does not repeat it.
 */
export function tailLength(text: string, end: number, pool: Uint16Array, from: number, to: number): number {
  let q = from;
  while (q < to && pool[q] !== 2) q++;
  if (q === to) return 0;
  q++;
  let i = end;
  for (; q < to; q++, i++) {
    const c = unitAt(text, i);
    const want = pool[q]!;
    const same = c === want || ((want === 0x27 || want === 0x2019) && (c === 0x27 || c === 0x2019)) || ((want === 0x22 || want === 0x201d) && (c === 0x22 || c === 0x201d));
    if (!same) return 0;
  }
  return i - end;
}
