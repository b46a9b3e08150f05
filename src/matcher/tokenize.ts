/**
 * The one pass over the characters of a block: splits it into tokens (runs
 * of letters and digits) and hashes each token's folded text.
 *
 * Rules (aliases are tokenized by this same code, so both sides agree):
 * - Hyphens and dashes separate tokens like spaces: Al-Omar = Al Omar.
 * - An apostrophe between two letters vanishes: Kata'ib = Kata’ib = Kataib.
 *   After an elided French or Italian article or preposition (l', d', qu',
 *   dell'…) it separates instead: l'AFP, d’Iran, dell'Iran hold AFP, Iran.
 *   Before a digit it separates too (a closing quote run into a number).
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
 * unconditionally at slot k, which only moves on a flip. The hash restarts
 * at each token by arithmetic too (hash.ts), so it needs no branch either.
 * Anything else (non-ASCII on first sight, apostrophes, dots, marks, line
 * feeds) takes a rare slow branch. A line feed is there because page text
 * is full of indentation (a line feed and a run of blanks: half the units
 * of the bench corpus), and the blanks after it are skipped in a loop that
 * only reads them. Measured on the bench corpus, this loop costs 2.2 to 2.5
 * times the plain read of the same text; a loop that only finds token
 * boundaries, with no table and no hash, already costs 1.7 times.
 *
 * How the loop is written matters as much (each point measured on the
 * median page of the bench corpus, through tsx and as a bundle):
 * - Its arrays and tables are constants of a closure made once
 *   (makeTokenizer), which V8 builds into the optimised code: no reload of
 *   their base and length at every unit. Module-level constants would do
 *   the same under tsx, but bundlers turn them into variables (the shipped
 *   content script has `var`), and the loop then ran 2.7 times slower.
 * - Units are read with String.prototype.charCodeAt held in that closure
 *   and called on the text, not with text.charCodeAt: looked up on the
 *   text, the call depends on the kinds of string the call site has seen,
 *   and a page's blocks come in several (flat or joined from text nodes, one
 *   or two bytes per unit): past a few, V8 stops inlining it, 3 times slower.
 * - The fast loop makes no call, not even on a branch never taken (a call
 *   costs the loop registers: 40% slower); special units leave it.
 * - No flattening step: a block built by concatenation (a rope in V8) is
 *   flattened by the engine on the first charCodeAt. Forcing it first with
 *   Number(text), as this file once did, only added about 50 ns per block.
 */
import { APOS, DOT, ENC, ENC_WORD, MARK, WORD, charInfo, isAsciiLetter, learnUnit, unitAt } from './char-info.ts';
import { HASH_BASE, HASH_UNIT_BIAS, hashFolded } from './hash.ts';
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
  /**
   * first[2j] = the first UTF-16 unit of token j, as written (odd slots are
   * scratch). Cue anchors are looked for by first unit (block-pass.ts), and
   * the loop has the unit in hand at no cost.
   */
  first: Uint16Array;
}

function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const e = ENC[unitAt(text, i)]!;
  if (e >= 0) return e >= ENC_WORD;
  return charInfo(text.codePointAt(i)!).kind === WORD;
}

/** Is the unit at i a letter (a word unit that is not a digit)? */
function isLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = unitAt(text, i);
  if (c < 128) return isAsciiLetter(c);
  const info = charInfo(text.codePointAt(i)!);
  return info.kind === WORD && !/\p{N}/u.test(info.cased);
}

/**
 * Words written before an apostrophe when French or Italian elide a vowel
 * (l'Iran, d'Israël, qu'Israël, dell'Iran, all'ONU, un'altra), as keys of
 * up to four lower-case ASCII letters (elisionKey).
 */
const ELISIONS = new Set(['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'dell', 'dall', 'nell', 'sull', 'all', 'un'].map((w) => elisionKey(w, 0, w.length)));

/** The letters of text[start, end) as one number (5 bits each, lower case); -1 if not 1–4 ASCII letters. */
function elisionKey(text: string, start: number, end: number): number {
  if (end - start < 1 || end - start > 4) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    key = key * 32 + (c - 96);
  }
  return key;
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
    if (prev === 1 && isAsciiLetter(unitAt(text, i - 1))) {
      const oneLetter = i - 1 === tokenStart || unitAt(text, i - 2) === 0x2e;
      if (oneLetter) {
        if (isAsciiLetter(unitAt(text, i + 1)) && unitAt(text, i + 2) === 0x2e) return SLOW_DOTTED;
        if (dotted && !isWordAt(text, i + 1)) return SLOW_DOTTED; // the final dot of U.S.
      }
    }
    return 0;
  }
  let cp = c;
  let skip = 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = unitAt(text, i + 1);
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
    if (prev === 1 && isLetterAt(text, i + 1)) {
      const c1 = unitAt(text, i + 1);
      // A possessive 's ends the token and the s is dropped; an elided
      // article ends it too (l'AFP); otherwise the apostrophe is inside a
      // word (Kata'ib) and vanishes.
      if ((c1 === 115 || c1 === 83) && !isWordAt(text, i + 2)) return SLOW_SKIP;
      if (ELISIONS.has(elisionKey(text, tokenStart, i))) return 0;
      return SLOW_INSIDE;
    }
    return 0;
  }
  if (kind === DOT) return 0;
  return skip;
}

/**
 * Units read per window. The loop's arrays have this fixed size (so that
 * they can be constants); a longer text is read window by window, its
 * finished tokens moved to growable arrays after each one. News blocks are
 * far shorter.
 */
const WINDOW = 1 << 15;

function makeTokenizer(): (text: string) => Tokens {
  const bound = new Int32Array(WINDOW + 4);
  const first = new Uint16Array(WINDOW + 4);
  const hash = new Int32Array((WINDOW >> 1) + 4);
  const flags = new Uint8Array((WINDOW >> 1) + 4);
  const enc = ENC;
  const charCodeAt = String.prototype.charCodeAt;
  const shared: Tokens = { text: '', count: 0, bound, hash, flags, first };
  /** Tokens (window positions) that carry flags: the next call clears only those. */
  let flagged = new Int32Array(64);
  let flaggedCount = 0;
  // Growable arrays for texts longer than one window, and how many tokens
  // of the current text they hold.
  let bigBound = new Int32Array(0);
  let bigFirst = new Uint16Array(0);
  let bigHash = new Int32Array(0);
  let bigFlags = new Uint8Array(0);
  let spilled = 0;

  function flagToken(j: number, flag: number): void {
    if (flags[j] === 0) {
      if (flaggedCount === flagged.length) {
        const grown = new Int32Array(flagged.length * 2);
        grown.set(flagged);
        flagged = grown;
      }
      flagged[flaggedCount++] = j;
    }
    flags[j] = flags[j]! | flag;
  }

  function clearFlags(): void {
    for (let f = 0; f < flaggedCount; f++) flags[flagged[f]!] = 0;
    flaggedCount = 0;
  }

  /** Complex tokens (apostrophes, marks, ligatures, dotted acronyms) among the window's first `count`: hash their folded text the slow way. */
  function rehashComplex(text: string, count: number): void {
    for (let f = 0; f < flaggedCount; f++) {
      const j = flagged[f]!;
      if (j < count && (flags[j]! & TOKEN_COMPLEX) !== 0) hash[j] = hashFolded(foldRange(text, bound[2 * j]!, bound[2 * j + 1]!, true));
    }
  }

  /**
   * A window is full (or the text ended after more than one): moves its
   * finished tokens to the growable arrays and keeps the token in progress,
   * if any, as the first of the next window. Returns the new k.
   */
  function spill(text: string, k: number, n: number): number {
    const done = k >> 1;
    if (bigBound.length < n + 4) {
      const size = Math.max(n + 4, bigBound.length * 2);
      bigBound = new Int32Array(size);
      bigFirst = new Uint16Array(size);
      bigHash = new Int32Array(size);
      bigFlags = new Uint8Array(size);
    }
    rehashComplex(text, done);
    bigBound.set(bound.subarray(0, 2 * done), 2 * spilled);
    bigFirst.set(first.subarray(0, 2 * done), 2 * spilled);
    bigHash.set(hash.subarray(0, done), spilled);
    bigFlags.set(flags.subarray(0, done), spilled);
    spilled += done;
    const inside = k & 1;
    const carried = inside === 1 ? flags[done]! : 0;
    clearFlags();
    if (inside === 1) {
      bound[0] = bound[k - 1]!;
      first[0] = first[k - 1]!;
      if (carried !== 0) flagToken(0, carried);
    }
    return inside;
  }

  return function tokenize(text: string): Tokens {
    const n = text.length;
    // Locals for the loop: measured faster than reading the closure's constants directly.
    const bd = bound;
    const hs = hash;
    const fu = first;
    const table = enc;
    const read = charCodeAt;
    clearFlags();
    spilled = 0;
    const base = 0x01000193;
    let k = 0; // 2 × tokens finished, +1 while inside a token (in this window)
    let prev = 0; // 1 while inside a token
    let h = 0; // hash of the current token so far (0 between tokens)
    let i = 0;
    for (;;) {
      // k grows by at most one per unit: the window's arrays cannot overflow before `stop`.
      const stop = Math.min(n, i + WINDOW - k);
      while (i < stop) {
        // The common case. Slot k of bound (and k >> 1 of hash) is written
        // at every unit and k moves only on a flip, so what survives is each
        // token's start, its end, and its hash as it stood at the end. The
        // hash is multiplied by 0 on a separator: it restarts with the next
        // token.
        for (; i < stop; i++) {
          const c = read.call(text, i);
          const e = table[c]!;
          if (e < 0) break;
          const isw = e >>> 16;
          fu[k] = c;
          bd[k] = i;
          hs[k >> 1] = h;
          k += isw ^ prev;
          prev = isw;
          h = (Math.imul(h, base & -isw) + e) | 0;
        }
        if (i >= stop) break;
        const c = unitAt(text, i);
        if (c === 10) {
          // A line feed: a separator, and the indentation after it is only
          // read. Past a separator, blanks change nothing the loop keeps (the
          // hash is 0, slot k is written again by the next unit).
          first[k] = c;
          bound[k] = i;
          hash[k >> 1] = h;
          k += prev;
          prev = 0;
          h = 0;
          i++;
          while (i < stop && read.call(text, i) <= 32) i++;
          continue;
        }
        // Any other special unit: apostrophe, dot, mark, non-ASCII on first sight.
        const e = slowUnit(text, i, c, prev, k > 0 ? bound[k - 1]! : 0, (flags[k >> 1]! & TOKEN_DOTTED) !== 0);
        if (e < 0) {
          if (prev === 1) flagToken(k >> 1, e === SLOW_DOTTED ? TOKEN_DOTTED | TOKEN_COMPLEX : TOKEN_COMPLEX);
        } else {
          const u = e & 0x1ffff;
          const isw = u >>> 16;
          first[k] = c;
          bound[k] = i;
          hash[k >> 1] = h;
          k += isw ^ prev;
          prev = isw;
          h = (Math.imul(h, base & -isw) + u) | 0;
          if ((e & SLOW_COMPLEX_WORD) !== 0) flagToken(k >> 1, TOKEN_COMPLEX);
          if ((e & SLOW_SKIP) !== 0) i++;
        }
        i++;
      }
      if (i >= n) break;
      k = spill(text, k, n);
    }
    if ((k & 1) === 1) {
      bound[k] = n;
      hash[k >> 1] = h;
      k += 1;
    }
    const t = shared;
    t.text = text;
    if (spilled === 0) {
      rehashComplex(text, k >> 1);
      t.count = k >> 1;
      t.bound = bound;
      t.hash = hash;
      t.flags = flags;
      t.first = first;
    } else {
      spill(text, k, n);
      t.count = spilled;
      t.bound = bigBound;
      t.hash = bigHash;
      t.flags = bigFlags;
      t.first = bigFirst;
    }
    return t;
  };
}

/**
 * Splits a text into tokens. The arrays of the result are shared and
 * reused by the next call: read what you need before tokenizing again.
 */
export const tokenize = makeTokenizer();

if (HASH_BASE !== 0x01000193 || HASH_UNIT_BIAS !== ENC_WORD) throw new Error('tokenize.ts: hash out of sync with hash.ts');
