/**
 * Draws annotations with the CSS Custom Highlight API: ranges registered in
 * CSS.highlights and painted by ::highlight() rules from the stylesheet the
 * manifest injects (highlights.css). The page's DOM is never touched.
 *
 * One highlight per category, registered under a name that carries the style
 * ("backstory-people-underline"), so switching style only re-registers
 * names. In "hover" style the names have no paint rule: only the active and
 * focused annotations, in highlights of their own, are painted.
 */
import type { Annotation } from '../annotation.ts';
import type { Renderer } from './renderer.ts';
import type { Category } from '../../shared/categories.ts';
import type { HighlightStyle } from '../../shared/settings-schema.ts';

const PREFIX = 'backstory-';
const ACTIVE = `${PREFIX}active`;
const FOCUS = `${PREFIX}focus`;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightApiRenderer implements Renderer {
  readonly changesDom = false;
  readonly #byCategory = new Map<Category, Highlight>();
  readonly #drawn = new Set<Annotation>();
  #style: HighlightStyle;
  #active: Highlight | null = null;
  #focus: Highlight | null = null;
  #activeAnnotation: Annotation | null = null;
  #focusAnnotation: Annotation | null = null;

  constructor(style: HighlightStyle) {
    this.#style = style;
  }

  draw(annotations: readonly Annotation[]): void {
    const next = new Set(annotations);
    for (const annotation of this.#drawn) {
      if (!next.has(annotation)) this.#highlight(annotation.category).delete(annotation.range);
    }
    for (const annotation of next) {
      if (!this.#drawn.has(annotation)) this.#highlight(annotation.category).add(annotation.range);
    }
    this.#drawn.clear();
    for (const annotation of next) this.#drawn.add(annotation);
    // A category with nothing left to draw leaves the registry, as if it had never been there.
    for (const [category, highlight] of this.#byCategory) {
      if (highlight.size > 0) continue;
      CSS.highlights.delete(this.#name(category));
      this.#byCategory.delete(category);
    }
  }

  drawMore(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) {
      if (this.#drawn.has(annotation)) continue;
      this.#highlight(annotation.category).add(annotation.range);
      this.#drawn.add(annotation);
    }
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    for (const category of this.#byCategory.keys()) CSS.highlights.delete(this.#name(category));
    this.#style = style;
    for (const [category, highlight] of this.#byCategory) CSS.highlights.set(this.#name(category), highlight);
  }

  setActive(annotation: Annotation | null): void {
    // Called on every pointer frame: only a change reaches the registry.
    if (annotation === this.#activeAnnotation) return;
    this.#activeAnnotation = annotation;
    this.#active = this.#single(ACTIVE, this.#active, annotation, 2);
  }

  setFocus(annotation: Annotation | null): void {
    if (annotation === this.#focusAnnotation) return;
    this.#focusAnnotation = annotation;
    this.#focus = this.#single(FOCUS, this.#focus, annotation, 3);
  }

  clear(): void {
    for (const category of this.#byCategory.keys()) CSS.highlights.delete(this.#name(category));
    this.#byCategory.clear();
    this.#drawn.clear();
    this.setActive(null);
    this.setFocus(null);
  }

  #name(category: Category): string {
    return `${PREFIX}${category}-${this.#style}`;
  }

  #highlight(category: Category): Highlight {
    let highlight = this.#byCategory.get(category);
    if (!highlight) {
      highlight = new Highlight();
      // Claims are phrases that contain names: the names paint on top.
      highlight.priority = category === 'claims' ? 0 : 1;
      this.#byCategory.set(category, highlight);
      CSS.highlights.set(this.#name(category), highlight);
    }
    return highlight;
  }

  /** A highlight of one range (active, focus), registered only while there is one. */
  #single(name: string, current: Highlight | null, annotation: Annotation | null, priority: number): Highlight | null {
    if (!annotation) {
      if (current) CSS.highlights.delete(name);
      return null;
    }
    const highlight = current ?? new Highlight();
    highlight.clear();
    highlight.add(annotation.range);
    highlight.priority = priority;
    if (!current) CSS.highlights.set(name, highlight);
    return highlight;
  }
}
