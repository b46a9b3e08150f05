/**
 * When the card opens and closes for pointer, touch and focus, the way
 * Wikipedia's page previews and 10ten do it:
 *
 * - intent: the pointer must rest on one mention for INTENT_DELAY_MS, and a
 *   pointer sweeping fast across a mention opens nothing until it slows;
 * - grace: after the pointer leaves both the mention and the card, the card
 *   stays for GRACE_MS, so the pointer can travel onto it (it then stays for
 *   as long as the pointer is on it); both delays are in hover-timing.ts;
 * - touch: a tap on a mention opens its card at once (the first tap on a
 *   mention inside a link opens the card instead of following the link; the
 *   second follows it); a tap elsewhere closes it;
 * - keyboard focus on a link that holds a mention shows that mention's card
 *   without moving focus.
 *
 * Pointer moves are coalesced to one look-up per animation frame; the
 * look-up itself is cheap (hit-test.ts).
 */
import type { Annotation } from './annotation.ts';
import type { AnnotationLookup } from './hit-test.ts';
import type { ContentContext } from './context.ts';
import type { CardController, OpenOptions } from './card/card-controller.ts';
import { HOST_TAG } from './card/card-host.ts';
import { PointerSpeed } from './card/pointer-speed.ts';
import { GRACE_MS, INTENT_DELAY_MS } from './hover-timing.ts';

export interface HoverTarget {
  readonly lookup: AnnotationLookup | null;
  readonly card: CardController;
  open(annotation: Annotation, options: OpenOptions): void;
  /** The first mention inside an element (a focused link), or null. */
  annotationIn?(element: Element): Annotation | null;
}

export function trackHover(doc: Document, context: ContentContext, target: HoverTarget): void {
  const { signal } = context;
  const speed = new PointerSpeed();
  let pending: { x: number; y: number; path: EventTarget[] } | null = null;
  let last = { x: 0, y: 0 };
  let frameRequested = false;
  let hovered: Annotation | null = null;
  // Pending timers, as their cancel functions (the context cancels them when it ends).
  let openTimer: (() => void) | null = null;
  let closeTimer: (() => void) | null = null;
  let lastPointerType = 'mouse';

  const cancelOpen = () => {
    openTimer?.();
    openTimer = null;
  };
  const cancelClose = () => {
    closeTimer?.();
    closeTimer = null;
  };

  const armOpen = (annotation: Annotation) => {
    cancelOpen();
    openTimer = context.setTimeout(() => {
      openTimer = null;
      if (hovered === annotation) target.open(annotation, { source: 'hover', pointer: { ...last } });
    }, INTENT_DELAY_MS);
  };

  const armClose = () => {
    if (closeTimer || !target.card.isOpen) return;
    closeTimer = context.setTimeout(() => {
      closeTimer = null;
      target.card.dismissFromPointer();
    }, GRACE_MS);
  };

  // Once per animation frame: the latest pointer position decides what is hovered.
  const onPointerFrame = () => {
    frameRequested = false;
    if (!pending || !context.isValid) return;
    const { x, y, path } = pending;
    pending = null;
    last = { x, y };
    const card = target.card.element;
    if (card && path.includes(card)) {
      // On the card: it stays, whatever mention it came from.
      cancelOpen();
      cancelClose();
      hovered = null;
      return;
    }
    const annotation = target.lookup?.at(x, y, doc) ?? null;
    if (!annotation) {
      hovered = null;
      cancelOpen();
      armClose();
      return;
    }
    cancelClose();
    if (target.card.isOpen && target.card.anchor === annotation.range) {
      hovered = annotation;
      cancelOpen();
      return;
    }
    // A new mention starts the wait; a pointer still racing across restarts it.
    if (annotation !== hovered || speed.isFast(performance.now())) {
      hovered = annotation;
      armOpen(annotation);
    }
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      lastPointerType = event.pointerType;
      if (event.pointerType === 'touch') return;
      speed.add(event.clientX, event.clientY, event.timeStamp);
      pending = { x: event.clientX, y: event.clientY, path: event.composedPath() };
      if (!frameRequested) {
        frameRequested = true;
        context.requestAnimationFrame(onPointerFrame);
      }
    },
    { passive: true, signal },
  );

  // The pointer left the window: nothing is hovered any more.
  doc.documentElement.addEventListener(
    'pointerleave',
    () => {
      hovered = null;
      cancelOpen();
      armClose();
    },
    { passive: true, signal },
  );

  doc.addEventListener('pointerdown', (event) => (lastPointerType = event.pointerType), { capture: true, passive: true, signal });

  doc.addEventListener(
    'click',
    (event) => {
      const pointerType = (event as PointerEvent).pointerType || lastPointerType;
      if (pointerType !== 'touch' || !context.isValid) return;
      const card = target.card.element;
      if (card && event.composedPath().includes(card)) return;
      const annotation = target.lookup?.at(event.clientX, event.clientY, doc) ?? null;
      if (!annotation) {
        target.card.dismissFromPointer();
        return;
      }
      if (target.card.isOpen && target.card.anchor === annotation.range) return;
      // First tap shows the card; a link under the mention waits for the second.
      event.preventDefault();
      hovered = annotation;
      target.open(annotation, { source: 'touch', pointer: { x: event.clientX, y: event.clientY } });
    },
    { capture: true, signal },
  );

  doc.addEventListener(
    'focusin',
    (event) => {
      const element = event.target;
      if (!(element instanceof HTMLElement) || element.localName === HOST_TAG || !context.isValid) return;
      // Only the reader tabbing onto a link or control: a click also focuses, and
      // the pointer has its own rules; focus the card hands back is not a move.
      if (element.tabIndex < 0 || !element.matches(':focus-visible') || target.card.isRestoringFocus) return;
      const annotation = target.annotationIn?.(element) ?? null;
      if (annotation) target.open(annotation, { source: 'focus' });
      else if (target.card.source === 'focus') target.card.hide();
    },
    { signal },
  );
}
