/**
 * The wildcard key of a token: a hash of its first three folded units, the
 * shortest wildcard prefix allowed (limits.ts MIN_WILDCARD_PREFIX). Tokens
 * are tested against bit sets of these keys before any exact prefix check.
 */
import { ENC } from './char-info.ts';
import { foldRange } from './fold.ts';
import { wildKeyOf } from './index-data.ts';

/** Key of the token at [start, end); 0 when it folds to fewer than three units (0 is only a filter hint). */
export function tokenWildKey(text: string, start: number, end: number): number {
  if (end - start < 3) return 0;
  const read = String.prototype.charCodeAt; // char-info.ts unitAt, held locally: this runs per token
  const e0 = ENC[read.call(text, start)]!;
  const e1 = ENC[read.call(text, start + 1)]!;
  const e2 = ENC[read.call(text, start + 2)]!;
  // Three plain word units (the usual case): read their folds from the table.
  if ((e0 | e1 | e2) >= 0 && (((e0 & e1 & e2) >>> 16) & 1) === 1) return wildKeyOf(e0 & 0xffff, e1 & 0xffff, e2 & 0xffff);
  const f = foldRange(text, start, end, true);
  return f.length < 3 ? 0 : wildKeyOf(f.charCodeAt(0), f.charCodeAt(1), f.charCodeAt(2));
}

/** Is the key's bit set in a WILD_BITS_WORDS-word bit set? */
export function hasWildBit(bits: Uint32Array, key: number): boolean {
  const bit = key & (bits.length * 32 - 1);
  return (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}
