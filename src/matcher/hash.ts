/**
 * Token hashing: a polynomial hash over the folded UTF-16 units of one
 * token, h = Σ (u_i + 2^16) · B^(len-1-i) mod 2^32.
 *
 * The tokenizer computes it on the fly, one multiply-add per character with
 * no branch (tokenize.ts): the running value is multiplied by B on a letter
 * and by 0 on a separator, so it restarts at every token by arithmetic. The
 * 2^16 added to each unit is the "word" bit of the tokenizer's character
 * table (char-info.ts ENC), kept in the sum because masking it off would
 * cost an instruction per character.
 *
 * A hash names a token only probably: the index groups words by hash, and
 * every candidate match is verified against the real folded text before it
 * counts (verify.ts), so a collision costs time, never a wrong match.
 */
export const HASH_BASE = 0x01000193;

/** What each folded unit adds to the hash (char-info.ts ENC_WORD). */
export const HASH_UNIT_BIAS = 0x10000;

/** Hash of an already folded token. */
export function hashFolded(folded: string): number {
  let h = 0;
  for (let i = 0; i < folded.length; i++) h = (Math.imul(h, HASH_BASE) + (folded.charCodeAt(i) + HASH_UNIT_BIAS)) | 0;
  return h;
}

/** Spreads a token hash over 32 bits (Fibonacci hashing); tables take the top bits. */
export function mixHash(hash: number): number {
  return Math.imul(hash, 0x9e3779b1);
}

/**
 * The word filters' bits for a token hash (three bits of one 32-bit word:
 * a blocked Bloom filter, so a test is one load). With 16 bits per word of
 * the filter, fewer than 1% of the bench corpus's distinct words that are
 * not in the vocabulary pass it (measured at 2k and 200k aliases); one bit
 * per word would let about 6% through, each then costing a probe of the
 * vocabulary table, which at 200,000 aliases means a cache miss.
 */
export function filterMask(hash: number): number {
  const m = Math.imul(hash, 0x85ebca6b);
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31)) | (1 << ((m >>> 17) & 31));
}

/** Spreads a token hash over a table of 2^bits slots (`shift` = 32 - bits). */
export function slotOf(hash: number, shift: number): number {
  return mixHash(hash) >>> shift;
}
