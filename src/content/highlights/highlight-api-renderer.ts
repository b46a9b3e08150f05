/**
 * Draws annotations with the CSS Custom Highlight API: ranges registered in
 * CSS.highlights and painted by ::highlight() rules from the stylesheet the
 * manifest injects (highlights.css). The page's DOM is never touched.
 *
 * One highlight per category and style ("backstory-people-underline"), so
 * switching style only re-registers names.
 */
import type { Annotation } from '../annotation.ts';
import type { Renderer } from './renderer.ts';
import type { HighlightStyle } from '../../shared/settings-schema.ts';

const PREFIX = 'backstory-';

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightApiRenderer implements Renderer {
  #names: string[] = [];

  render(annotations: readonly Annotation[], style: HighlightStyle): void {
    this.clear();
    const byName = new Map<string, Range[]>();
    for (const annotation of annotations) {
      const name = `${PREFIX}${annotation.category}-${style}`;
      let ranges = byName.get(name);
      if (!ranges) byName.set(name, (ranges = []));
      ranges.push(annotation.range);
    }
    for (const [name, ranges] of byName) {
      const highlight = new Highlight(...ranges);
      // Claims are phrases that contain names: the names paint on top.
      highlight.priority = name.includes('-claims-') ? 0 : 1;
      CSS.highlights.set(name, highlight);
      this.#names.push(name);
    }
  }

  clear(): void {
    for (const name of this.#names) CSS.highlights.delete(name);
    this.#names = [];
  }
}
