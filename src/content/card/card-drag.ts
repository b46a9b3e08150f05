/**
 * Moving a pinned card by its top bar. The drag follows the pointer through
 * pointer capture, keeps the card inside the window (at least its top bar,
 * so it can always be dragged back), and ends on release, on cancel, or when
 * Backstory stops on the page.
 */

/** A press that starts a drag: the primary button on the top bar, not on one of its buttons. */
export function isDragStart(event: PointerEvent): boolean {
  const target = event.target as Element | null;
  return event.button === 0 && Boolean(target?.closest('.toolbar')) && !target?.closest('button');
}

/** The part of the card that must stay on screen, in CSS px. */
const KEEP_VISIBLE_PX = 48;

/** How far the pointer moves before a press becomes a drag, in CSS px: a click on the bar is no drag. */
const DRAG_THRESHOLD_PX = 4;

/** `onMoved`: once, when the press has become a drag. */
export function dragFrame(frame: HTMLElement, event: PointerEvent, signal: AbortSignal, onMoved: () => void = () => {}): void {
  const start = frame.getBoundingClientRect();
  const dx = event.clientX - start.left;
  const dy = event.clientY - start.top;
  // Sizes are read at the start and when the window resizes, not per move:
  // reading layout right after writing the transform would force a layout
  // per pointer event.
  const view = frame.ownerDocument.documentElement;
  let maxX = 0;
  let maxY = 0;
  const measure = () => {
    maxX = Math.max(0, view.clientWidth - frame.offsetWidth);
    maxY = Math.max(0, view.clientHeight - Math.min(frame.offsetHeight, KEEP_VISIBLE_PX));
  };
  measure();
  const drag = new AbortController();
  let moving = false;
  const move = (e: PointerEvent) => {
    if (!moving) {
      if (Math.hypot(e.clientX - event.clientX, e.clientY - event.clientY) < DRAG_THRESHOLD_PX) return;
      moving = true;
      onMoved();
    }
    const x = clamp(e.clientX - dx, 0, maxX);
    const y = clamp(e.clientY - dy, 0, maxY);
    frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  };
  const end = () => drag.abort();
  frame.setPointerCapture(event.pointerId);
  frame.addEventListener('pointermove', move, { signal: drag.signal });
  frame.addEventListener('pointerup', end, { signal: drag.signal });
  frame.addEventListener('pointercancel', end, { signal: drag.signal });
  // The card closed (or lost the pointer) mid-drag: no pointerup will come.
  frame.addEventListener('lostpointercapture', end, { signal: drag.signal });
  signal.addEventListener('abort', end, { signal: drag.signal });
  frame.ownerDocument.defaultView?.addEventListener('resize', measure, { passive: true, signal: drag.signal });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
