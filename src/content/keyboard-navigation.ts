/**
 * Walking the annotations with the keyboard. The shortcuts are the
 * manifest's `commands` (next-annotation, previous-annotation), so readers
 * can change them in the browser; the background forwards them to this tab
 * as `step-annotation` messages.
 *
 * A step scrolls the next (or previous) drawn annotation into view, draws
 * its focus outline and opens its card. The first step starts from what is
 * on screen rather than from the top of the page. Escape leaves.
 */
import type { Annotation } from './annotation.ts';
import { scrollToMention } from './scroll-to-mention.ts';
import type { ContentContext } from './context.ts';
import type { OpenOptions } from './card/card-controller.ts';

export interface KeyboardTarget {
  /** The annotations drawn now, in document order. */
  annotations(): readonly Annotation[];
  /** Draws (or removes) the focus outline. */
  focus(annotation: Annotation | null): void;
  /** Opens the annotation's card. */
  open(annotation: Annotation, options: OpenOptions): void;
}

export class KeyboardNavigation {
  #focused: Annotation | null = null;

  constructor(
    lifetime: ContentContext,
    private readonly target: KeyboardTarget,
  ) {
    // Capture on window, ahead of the page's own handlers; the event still reaches them.
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.#focused) this.leave();
      },
      { capture: true, signal: lifetime.signal },
    );
  }

  get focused(): Annotation | null {
    return this.#focused;
  }

  step(direction: 'next' | 'previous'): Annotation | null {
    const list = this.target.annotations();
    if (list.length === 0) return null;
    const current = this.#focused ? list.indexOf(this.#focused) : -1;
    let index: number;
    if (current !== -1) index = (current + (direction === 'next' ? 1 : -1) + list.length) % list.length;
    else index = direction === 'next' ? firstInOrBelowView(list) : lastInOrAboveView(list);
    const annotation = list[index]!;
    this.reveal(annotation);
    return annotation;
  }

  /** Scrolls an annotation into view, outlines it and opens its card (taking focus when asked by keyboard). */
  reveal(annotation: Annotation, options: OpenOptions = { source: 'keyboard' }): void {
    scrollToMention(annotation.range);
    this.#focused = annotation;
    this.target.focus(annotation);
    this.target.open(annotation, options);
  }

  /** Leaves keyboard navigation: the outline goes (the card closes itself on Escape). */
  leave(): void {
    this.#focused = null;
    this.target.focus(null);
  }
}

/**
 * The first annotation whose bottom is below the top of the viewport; the
 * list is in document order, which is top to bottom on nearly every page,
 * so a binary search reads few rectangles.
 */
function firstInOrBelowView(list: readonly Annotation[]): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.range.getBoundingClientRect().bottom <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? lo : 0;
}

/** The last annotation whose top is above the bottom of the viewport. */
function lastInOrAboveView(list: readonly Annotation[]): number {
  const height = window.innerHeight;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.range.getBoundingClientRect().top < height) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? lo - 1 : list.length - 1;
}
