/**
 * Token hashing: a polynomial hash over the folded UTF-16 units of a token,
 * h = Σ u_i · B^(len-1-i) mod 2^32.
 *
 * Polynomial, so the tokenizer can keep ONE running hash over the whole
 * text, never resetting it, and get each token's hash from the running
 * values at its two ends: hash = H(end) − H(start) · B^len. That keeps the
 * per-character work to a multiply-add with no branch (tokenize.ts).
 *
 * A hash names a token only probably: the index groups words by hash, and
 * every candidate match is verified against the real folded text before it
 * counts (verify.ts), so a collision costs time, never a wrong match.
 */
export const HASH_BASE = 0x01000193;

/** B^k mod 2^32 for k < POW_TABLE. */
const POW_TABLE = 256;
export const HASH_POW = new Int32Array(POW_TABLE);
HASH_POW[0] = 1;
for (let k = 1; k < POW_TABLE; k++) HASH_POW[k] = Math.imul(HASH_POW[k - 1]!, HASH_BASE);

/** B^k mod 2^32 for any k. */
export function hashPow(k: number): number {
  if (k < POW_TABLE) return HASH_POW[k]!;
  let p = HASH_POW[POW_TABLE - 1]!;
  for (let i = POW_TABLE - 1; i < k; i++) p = Math.imul(p, HASH_BASE);
  return p;
}

/** Hash of an already folded token. */
export function hashFolded(folded: string): number {
  let h = 0;
  for (let i = 0; i < folded.length; i++) h = (Math.imul(h, HASH_BASE) + folded.charCodeAt(i)) | 0;
  return h;
}

/** Spreads a token hash over a table of 2^bits slots (Fibonacci hashing). */
export function slotOf(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}
