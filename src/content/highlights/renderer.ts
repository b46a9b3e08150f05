/**
 * How annotations are drawn. Two renderers share this interface: the CSS
 * Custom Highlight API (default; changes nothing in the page's DOM) and a
 * fallback that wraps text in custom elements.
 */
import type { Annotation } from '../annotation.ts';
import type { HighlightStyle } from '../../shared/settings-schema.ts';

export interface Renderer {
  /** Replaces whatever was drawn with these annotations. */
  render(annotations: readonly Annotation[], style: HighlightStyle): void;
  /** Removes every trace from the page. */
  clear(): void;
}
