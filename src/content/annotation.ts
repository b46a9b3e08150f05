/** One highlighted mention on the page. */
import type { Category } from '../shared/categories.ts';

export interface Annotation {
  /** Entry number in the compiled dataset (index into the bundle's entries). */
  entry: number;
  category: Category;
  /**
   * Where the mention is now: a live range that renderers, hit-testing and
   * the card read. It follows the page's edits; the wrap renderer re-points
   * it when it splits text.
   */
  range: Range;
  /**
   * Where the mention was found: the page's own text nodes it covers, in
   * order, with the start offset in the first and the end offset in the last.
   * These never change, so the text can be found again after wrapping.
   */
  nodes: readonly Text[];
  startOffset: number;
  endOffset: number;
  /** The first mention of its entry on the page, in document order. */
  first: boolean;
}
