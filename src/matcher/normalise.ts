/**
 * The matcher's view of a text, for tests, tools and explanations (scans
 * never call it).
 */
import { foldRange } from './fold.ts';
import { tokenize } from './tokenize.ts';

/**
 * Folded text of a whole string with a map back to the original: folded[i]
 * came from the character starting at offsets[i]; tokens are joined by one
 * space (mapped to the next token's start). Built from the tokenizer, so it
 * says exactly what the matcher sees. For tests and tools; scans never call it.
 */
export function normaliseWithOffsets(text: string): { folded: string; offsets: number[] } {
  const tokens = tokenize(text);
  const ranges = Array.from(tokens.bound.subarray(0, tokens.count * 2));
  let folded = '';
  const offsets: number[] = [];
  for (let j = 0; j < ranges.length; j += 2) {
    const start = ranges[j]!;
    const end = ranges[j + 1]!;
    if (j > 0) {
      folded += ' ';
      offsets.push(start);
    }
    for (let i = start; i < end; i++) {
      const cp = text.codePointAt(i)!;
      const piece = foldRange(text, i, cp > 0xffff ? i + 2 : i + 1, true);
      for (let u = 0; u < piece.length; u++) offsets.push(i);
      folded += piece;
      if (cp > 0xffff) i++;
    }
  }
  return { folded, offsets };
}
