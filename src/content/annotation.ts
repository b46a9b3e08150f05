/** One highlighted mention on the page. */
import type { Category } from '../shared/categories.ts';

export interface Annotation {
  /** Entry number in the compiled dataset (index into the bundle's entries). */
  entry: number;
  category: Category;
  /** Live range over the page text; follows the DOM as the page changes. */
  range: Range;
  /** The first mention of its entry on the page. */
  first: boolean;
}
