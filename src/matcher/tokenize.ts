/**
 * The one pass over the characters of a block: splits it into tokens (runs
 * of letters and digits) and hashes each token's folded text.
 *
 * Rules (aliases are tokenized by this same code, so both sides agree):
 * - Hyphens and dashes separate tokens like spaces: Al-Omar = Al Omar.
 * - An apostrophe between two letters vanishes: Kata'ib = Kata’ib = Kataib.
 * - A possessive 's (or a trailing apostrophe) ends the token: Hezbollah's.
 * - Single letters joined by dots form one token with its final dot: U.S. = US.
 * - Combining marks and invisible format characters never split a token.
 * What separated two tokens (a space, a comma, a sentence end) is read
 * later, per gap, by boundaries.ts.
 *
 * Speed: the common case (ASCII letters, digits, spaces, commas) goes
 * through an update with no data-dependent branch. Text flips between "in a
 * token" and "between tokens" every few characters, and a branch on that
 * would be mispredicted at every flip; instead the token counter advances by
 * arithmetic (k += isWord ^ wasWord) and the boundary arrays are written
 * unconditionally at slot k, which only moves on a flip. The hash is a
 * running polynomial hash that is never reset (hash.ts), so it needs no
 * branch either. Anything else (non-ASCII on first sight, apostrophes, dots,
 * marks) takes a rare slow branch.
 */
import { APOS, DOT, ENC, ENC_WORD, MARK, WORD, charInfo, isAsciiLetter, learnUnit } from './char-info.ts';
import { HASH_BASE, HASH_POW, hashFolded, hashPow } from './hash.ts';
import { foldRange } from './fold.ts';

/** Token flag: a dotted acronym (U.S.): a sentence never ends at its dot. */
export const TOKEN_DOTTED = 1;
/**
 * Token flag: the token's units are not one folded unit each (apostrophe,
 * mark, ligature, surrogate pair, acronym dot): its hash is recomputed.
 */
export const TOKEN_COMPLEX = 2;

/**
 * Tokens of one text. Arrays are shared and reused by the next call to
 * tokenize(): read what you need before tokenizing again.
 */
export interface Tokens {
  text: string;
  count: number;
  /** bound[2j] = start, bound[2j+1] = end (UTF-16, end exclusive) of token j. */
  bound: Int32Array;
  /** Hash of token j's folded text (hash.ts). */
  hash: Int32Array;
  /** flags[j] = TOKEN_* flags. */
  flags: Uint8Array;
}

let capacity = 0;
let running = new Int32Array(0);
let shared: Tokens = { text: '', count: 0, bound: new Int32Array(0), hash: new Int32Array(0), flags: new Uint8Array(0) };

function ensureCapacity(n: number): Tokens {
  // k (two per token) never exceeds n + 1; hash and flags use k >> 1.
  const need = n + 4;
  if (need > capacity) {
    capacity = Math.max(need, capacity * 2, 1024);
    running = new Int32Array(capacity);
    shared = {
      text: '',
      count: 0,
      bound: new Int32Array(capacity),
      hash: new Int32Array(capacity),
      flags: new Uint8Array(capacity),
    };
  }
  return shared;
}

function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const e = ENC[text.charCodeAt(i)]!;
  if (e >= 0) return e >= ENC_WORD;
  return charInfo(text.codePointAt(i)!).kind === WORD;
}

/*
 * What the slow path tells the loop: an ordinary encoding (>= 0), possibly
 * with SLOW_SKIP, or a negative code.
 */
/** Also skip the next UTF-16 unit (low surrogate, or the s of a possessive). */
const SLOW_SKIP = 1 << 25;
/** A word unit that makes the token complex (ligature, surrogate pair). */
const SLOW_COMPLEX_WORD = 1 << 26;
/** Leave the state alone; if inside a token, it becomes complex. */
const SLOW_INSIDE = -1;
/** As SLOW_INSIDE, and the token is a dotted acronym. */
const SLOW_DOTTED = -2;

/** Classifies a special unit at i in context. */
function slowUnit(text: string, i: number, c: number, prev: number, tokenStart: number, dotted: boolean): number {
  if (c === 0x2e) {
    // U.S., e.g.: a dot between single letters is part of the token.
    if (prev === 1 && isAsciiLetter(text.charCodeAt(i - 1))) {
      const oneLetter = i - 1 === tokenStart || text.charCodeAt(i - 2) === 0x2e;
      if (oneLetter) {
        if (isAsciiLetter(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 0x2e) return SLOW_DOTTED;
        if (dotted && !isWordAt(text, i + 1)) return SLOW_DOTTED; // the final dot of U.S.
      }
    }
    return 0;
  }
  let cp = c;
  let skip = 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      skip = SLOW_SKIP;
    }
  }
  const info = charInfo(cp);
  if (skip === 0) learnUnit(c, info);
  const kind = info.kind;
  if (kind === WORD) {
    const f = info.fold;
    return f.charCodeAt(f.length - 1) | ENC_WORD | skip | (skip !== 0 || f.length > 1 ? SLOW_COMPLEX_WORD : 0);
  }
  if (kind === MARK) return prev === 1 ? SLOW_INSIDE : skip; // marks never split a token
  if (kind === APOS) {
    if (prev === 1 && isWordAt(text, i + 1)) {
      const c1 = text.charCodeAt(i + 1);
      // A possessive 's ends the token and the s is dropped; otherwise the
      // apostrophe is inside a word (Kata'ib) and vanishes.
      if ((c1 === 115 || c1 === 83) && !isWordAt(text, i + 2)) return SLOW_SKIP;
      return SLOW_INSIDE;
    }
    return 0;
  }
  if (kind === DOT) return 0;
  return skip;
}

/**
 * Strings built by concatenation (a block assembled from text nodes) are
 * ropes in V8, and reading a rope unit by unit is several times slower than
 * reading a flat string. Converting a string to a number flattens it in
 * place; the result is stored so that the call is not optimised away.
 */
let flattenSink = 0;
function flatten(text: string): void {
  flattenSink = Number(text);
}

/** The last value flatten() computed (exported only so it counts as used). */
export function flattenSinkValue(): number {
  return flattenSink;
}

export function tokenize(text: string): Tokens {
  flatten(text);
  const n = text.length;
  const t = ensureCapacity(n);
  const bound = t.bound;
  const hb = running;
  const flags = t.flags;
  // Locals, not imported bindings: V8 then treats these as int32 constants.
  const enc = ENC;
  const base = 0x01000193;
  flags.fill(0, 0, (n >> 1) + 2);
  let k = 0; // 2 × tokens finished, +1 while inside a token
  let prev = 0; // 1 while inside a token
  let h = 0; // running hash over all units seen
  for (let i = 0; i < n; i++) {
    let e = enc[text.charCodeAt(i)]!;
    if (e < 0) {
      e = slowUnit(text, i, text.charCodeAt(i), prev, bound[k - 1]!, (flags[k >> 1]! & TOKEN_DOTTED) !== 0);
      if (e < 0) {
        if (prev === 1) flags[k >> 1] = flags[k >> 1]! | (e === SLOW_DOTTED ? TOKEN_DOTTED | TOKEN_COMPLEX : TOKEN_COMPLEX);
        continue;
      }
      if (e >= SLOW_SKIP) {
        const isw = (e >>> 16) & 1;
        bound[k] = i;
        hb[k] = h;
        k += isw ^ prev;
        prev = isw;
        h = (Math.imul(h, base) + (e & 0xffff)) | 0;
        if ((e & SLOW_COMPLEX_WORD) !== 0) flags[k >> 1] = flags[k >> 1]! | TOKEN_COMPLEX;
        if ((e & SLOW_SKIP) !== 0) i++;
        continue;
      }
    }
    // The branch-free update: record boundary slot k, move k on a flip.
    const isw = e >>> 16;
    bound[k] = i;
    hb[k] = h;
    k += isw ^ prev;
    prev = isw;
    h = (Math.imul(h, base) + (e & 0xffff)) | 0;
  }
  if ((k & 1) === 1) {
    bound[k] = n;
    hb[k] = h;
    k += 1;
  }
  const count = k >> 1;
  const hash = t.hash;
  const pow = HASH_POW;
  for (let j = 0; j < count; j++) {
    const start = bound[2 * j]!;
    const end = bound[2 * j + 1]!;
    const len = end - start;
    if (flags[j] !== 0 || len >= 256) {
      hash[j] = (flags[j]! & TOKEN_COMPLEX) !== 0 ? hashFolded(foldRange(text, start, end, true)) : (hb[2 * j + 1]! - Math.imul(hb[2 * j]!, hashPow(len))) | 0;
    } else {
      hash[j] = (hb[2 * j + 1]! - Math.imul(hb[2 * j]!, pow[len]!)) | 0;
    }
  }
  t.text = text;
  t.count = count;
  return t;
}

if (HASH_BASE !== 0x01000193) throw new Error('tokenize.ts: hash base out of sync with hash.ts');
