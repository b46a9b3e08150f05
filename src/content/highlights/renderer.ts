/**
 * How annotations are drawn. Two renderers share this interface: the CSS
 * Custom Highlight API (default; changes nothing in the page's DOM) and a
 * fallback that wraps text in custom elements, for browsers without the API
 * or readers who choose it.
 */
import type { Annotation } from '../annotation.ts';
import type { HighlightStyle, RendererKind } from '../../shared/settings-schema.ts';

export interface Renderer {
  /** True when drawing changes the page's DOM (then text must be unwrapped before it is read again). */
  readonly changesDom: boolean;
  /** Makes what is drawn exactly these annotations, touching only what differs. */
  draw(annotations: readonly Annotation[]): void;
  /**
   * Draws these too, leaving the rest as it is: for a reading that only
   * adds, where draw() would compare tens of thousands of annotations at
   * every batch. Optional: without it, the caller uses draw().
   */
  drawMore?(annotations: readonly Annotation[]): void;
  /** Underline, background, or nothing until pointed at ("hover"). */
  setStyle(style: HighlightStyle): void;
  /** The annotation under the pointer, painted even in "hover" style. */
  setActive(annotation: Annotation | null): void;
  /** The annotation reached with the keyboard, drawn with a focus outline. */
  setFocus(annotation: Annotation | null): void;
  /** Removes every trace from the page. */
  clear(): void;
  /**
   * clear() spread over the steps of the job it returns (scheduler.ts), for
   * a renderer whose traces take long to remove: from the call on nothing
   * counts as drawn. Optional: without it, the caller uses clear() or draw([]).
   */
  clearInSteps?(): Generator<void, void>;
  /**
   * Annotations just added to the page's store, which may have been found
   * before this renderer changed their text's nodes: it points their ranges
   * at the text. Optional: a renderer that changes no node has nothing to do.
   */
  adopt?(annotations: readonly Annotation[]): void;
  /** False for an annotation this renderer cannot draw (then it is not shown at all). Optional: all can be. */
  canDraw?(annotation: Annotation): boolean;
}

/** The renderer to use: the reader's choice, unless the browser lacks the Highlight API. */
export function rendererFor(choice: RendererKind, highlightApi: boolean): RendererKind {
  return choice === 'highlight-api' && highlightApi ? 'highlight-api' : 'wrap';
}
