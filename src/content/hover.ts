/**
 * Opens the card when the pointer rests on a highlight, and keeps it open
 * while the pointer travels onto it.
 *
 * Pointer moves are coalesced to one look-up per animation frame; a card opens
 * only after the pointer has stayed on one annotation for the intent delay,
 * and closes after a grace period once the pointer has left both the
 * highlight and the card.
 */
import type { Annotation } from './annotation.ts';
import type { AnnotationLookup } from './hit-test.ts';
import type { ContentContext } from './context.ts';

export const INTENT_DELAY_MS = 250;
export const GRACE_MS = 350;

export interface HoverTarget {
  lookup: AnnotationLookup | null;
  open(annotation: Annotation): void;
  close(): void;
  /** The open card's element, if any. */
  cardElement(): HTMLElement | null;
}

export function trackHover(doc: Document, context: ContentContext, target: HoverTarget): void {
  let pending: { x: number; y: number; path: EventTarget[] } | null = null;
  let frameRequested = false;
  let hovered: Annotation | null = null;
  let openTimer: number | undefined;
  let closeTimer: number | undefined;

  const cancelOpen = () => {
    window.clearTimeout(openTimer);
    openTimer = undefined;
  };
  const cancelClose = () => {
    window.clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  context.onAbort(() => {
    cancelOpen();
    cancelClose();
  });

  const evaluate = () => {
    frameRequested = false;
    if (!pending || !context.isValid) return;
    const { x, y, path } = pending;
    pending = null;
    const card = target.cardElement();
    if (card && path.includes(card)) {
      // On the card: it stays, whatever highlight it came from.
      cancelOpen();
      cancelClose();
      hovered = null;
      return;
    }
    const annotation = target.lookup?.at(x, y, doc) ?? null;
    if (annotation && annotation === hovered) return;
    hovered = annotation;
    cancelOpen();
    if (annotation) {
      cancelClose();
      openTimer = window.setTimeout(() => {
        openTimer = undefined;
        target.open(annotation);
      }, INTENT_DELAY_MS);
    } else if (card && closeTimer === undefined) {
      closeTimer = window.setTimeout(() => {
        closeTimer = undefined;
        target.close();
      }, GRACE_MS);
    }
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      pending = { x: event.clientX, y: event.clientY, path: event.composedPath() };
      if (!frameRequested) {
        frameRequested = true;
        context.requestAnimationFrame(evaluate);
      }
    },
    { passive: true, signal: context.signal },
  );
}
