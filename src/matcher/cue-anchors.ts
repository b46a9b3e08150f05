/**
 * Wildcard cue anchors, as the block pass looks for them. The compiler
 * chooses each cue's anchor (build-index.ts); when it is a wildcard
 * ("Israel*"), a sentence can only match the cue if one of its tokens
 * starts with the prefix. Testing that exactly on every token would cost
 * several reads per token, so the block pass first looks at the first two
 * units of a token in a table built here, and only the few tokens that
 * pass are checked exactly, the way the claim walk itself checks them.
 */
import { tokenWildKey } from './wild-key.ts';
import { WILD_ANCHOR, WILD_CAPITAL, WILD_CASED, type IndexData } from './index-data.ts';
import type { Tokens } from './tokenize.ts';
import { startsWithCapital, tokenStartsWith } from './verify.ts';

/** Is the ASCII unit a letter, digit or '&' (a unit that can be a token's folded unit as is)? */
function isAsciiWordUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 38;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * A bit set over pairs of ASCII units (first << 7 | second, lower case):
 * set where some wildcard anchor's prefix (or, with anchorsOnly false, any
 * wildcard's, for the claim walk) starts with that pair. All set
 * when some anchor could be reached by a token the pair test cannot judge
 * (see startsWildAnchor).
 */
export function wildAnchorPairs(d: IndexData, anchorsOnly = true): Uint32Array {
  const pairs = new Uint32Array((128 * 128) / 32);
  const info = d.wildInfo;
  for (let w = 0; w < d.wildKey.length; w++) {
    if (anchorsOnly && (info[w * 3 + 2]! & WILD_ANCHOR) === 0) continue;
    if (d.wildKey[w] === 0) return pairs.fill(0xffffffff); // see tokenWildKey: short tokens get key 0
    const at = info[w * 3]!;
    const u0 = lower(d.strCue[at]!);
    const u1 = lower(d.strCue[at + 1]!);
    // A prefix starting with a non-ASCII unit is only reached by tokens
    // starting with one, and those are always checked exactly.
    if (u0 >= 128 || u1 >= 128) continue;
    const bit = (u0 << 7) | u1;
    pairs[bit >>> 5] = pairs[bit >>> 5]! | (1 << (bit & 31));
  }
  return pairs;
}

/** Bits over the wildcard anchors' keys (wild-key.ts: their first three letters). */
const KEY_BITS = 1 << 15;

/** A bit set over the keys of the wildcard anchors (key & (KEY_BITS - 1)). */
export function wildAnchorKeys(d: IndexData): Uint32Array {
  const bits = new Uint32Array(KEY_BITS / 32);
  for (let w = 0; w < d.wildKey.length; w++) {
    if ((d.wildInfo[w * 3 + 2]! & WILD_ANCHOR) === 0) continue;
    const bit = d.wildKey[w]! & (KEY_BITS - 1);
    bits[bit >>> 5] = bits[bit >>> 5]! | (1 << (bit & 31));
  }
  return bits;
}

/**
 * The ASCII units a token that starts with some wildcard anchor's prefix
 * may start with: 1, else 0. A capitalised anchor ("Israel*") needs its
 * capital; any other, either case. An anchor whose prefix starts with a
 * non-ASCII unit adds nothing: such tokens are always checked.
 */
export function wildAnchorFirsts(d: IndexData): Uint8Array {
  const firsts = new Uint8Array(128);
  for (let w = 0; w < d.wildKey.length; w++) {
    const flags = d.wildInfo[w * 3 + 2]!;
    if ((flags & WILD_ANCHOR) === 0) continue;
    const u0 = lower(d.strCue[d.wildInfo[w * 3]!]!);
    if (u0 >= 128) continue;
    const upper = u0 >= 97 && u0 <= 122 ? u0 - 32 : u0;
    firsts[upper] = 1;
    if ((flags & WILD_CAPITAL) === 0) firsts[u0] = 1;
  }
  return firsts;
}

/**
 * Could the token at [start, end), whose first unit is c0, start with a
 * wildcard anchor's prefix, judging by its first two units, then by the key
 * of its first three
 * (`keys`: a power-of-two bit set over wildcard keys)? False only when it
 * certainly cannot.
 */
export function mayStartWildAnchor(pairs: Uint32Array, keys: Uint32Array, text: string, start: number, end: number, c0: number): boolean {
  if (end - start < 3) return pairs[0] === 0xffffffff; // too short for a prefix, unless an anchor has key 0
  const c1 = String.prototype.charCodeAt.call(text, start + 1); // char-info.ts unitAt, inlined: this runs per token
  // Non-ASCII, or an apostrophe or dot inside the token: judge exactly.
  if (c0 >= 128 || c1 >= 128 || !isAsciiWordUnit(c1)) return true;
  const pair = (lower(c0) << 7) | lower(c1);
  if ((pairs[pair >>> 5]! & (1 << (pair & 31))) === 0) return false;
  const key = tokenWildKey(text, start, end) & (keys.length * 32 - 1);
  return (keys[key >>> 5]! & (1 << (key & 31))) !== 0;
}

/** Does token j start with wildcard w's prefix, in the case the wildcard asks? The one test, for the claim walk and the anchors alike. */
export function tokenStartsWithWildcard(d: IndexData, w: number, tokens: Tokens, j: number): boolean {
  const info = d.wildInfo;
  const flags = info[w * 3 + 2]!;
  if ((flags & WILD_CAPITAL) !== 0 && !startsWithCapital(tokens, j)) return false;
  return tokenStartsWith(tokens, j, d.strCue, info[w * 3]!, info[w * 3 + 1]!, (flags & WILD_CASED) === 0);
}

/** The wildcard anchors (their numbers in wildKey order, so sorted by key). */
export function wildAnchorList(d: IndexData): Int32Array {
  const list: number[] = [];
  for (let w = 0; w < d.wildKey.length; w++) if ((d.wildInfo[w * 3 + 2]! & WILD_ANCHOR) !== 0) list.push(w);
  return Int32Array.from(list);
}

/**
 * Two anchors' requirements together (build-index.ts: class bits of the
 * second terms their cues need, -1 for a cue that needs none, 0 for no
 * anchor at all).
 */
export function mergeRequire(a: number, b: number): number {
  if (a === 0) return b;
  if (b === 0) return a;
  return a === -1 || b === -1 ? -1 : a | b;
}

/**
 * Does token j start with the prefix of a wildcard anchor (`anchors`, from
 * wildAnchorList)? Exactly the test the claim walk makes to give a token a
 * wildcard's symbol (claim-pass.ts), on the anchors only. Returns the
 * requirement of the anchors it starts with (mergeRequire), 0 for none.
 */
export function startsWildAnchor(d: IndexData, anchors: Int32Array, tokens: Tokens, j: number): number {
  const key = tokenWildKey(tokens.text, tokens.bound[2 * j]!, tokens.bound[2 * j + 1]!);
  const keys = d.wildKey;
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[anchors[mid]!]! < key) lo = mid + 1;
    else hi = mid;
  }
  let require = 0;
  for (let a = lo; a < anchors.length && keys[anchors[a]!] === key; a++) {
    const w = anchors[a]!;
    if (tokenStartsWithWildcard(d, w, tokens, j)) require = mergeRequire(require, d.wildRequire[w]!);
  }
  return require;
}
