/**
 * A pinned card stays where the reader put it, but the viewport can shrink
 * under it (a smaller window; an on-screen keyboard shrinking the visual
 * viewport), leaving the card partly or wholly off screen with its top bar
 * out of reach. So on each resize, coalesced to one frame, the card's room
 * is capped by the viewport and the card moved the least it must to be in
 * view (in-view.ts). An unpinned card needs none of this: Floating UI places
 * it by its mention again on the same events.
 */
import { uiDirection } from '../../shared/i18n.ts';
import { capToView, keepInView, type Box, type Size } from './in-view.ts';

export interface PinnedInViewOptions {
  /** The room the card had when it was last placed by its mention (null: never placed); it never gets more. */
  room: Size | null;
  /** Space left between the card and the viewport's edge when it has to move. */
  margin: number;
  /** Caps the card's size. */
  setRoom(room: Size): void;
}

/** Keeps the pinned card's `frame` in view until `signal` aborts (the card is unpinned or closed). */
export function keepPinnedInView(frame: HTMLElement, options: PinnedInViewOptions, signal: AbortSignal): void {
  const win = frame.ownerDocument.defaultView;
  if (!win || signal.aborted) return;
  // The card's own direction (its top bar's start), which follows the UI language, not the page.
  const rtl = uiDirection() === 'rtl';
  const fit = () => {
    if (!frame.isConnected) return;
    const view = visibleViewport(win);
    options.setRoom(capToView(options.room ?? { width: Infinity, height: Infinity }, view, options.margin));
    // Measured after the new cap, which may have made the card shorter: one
    // layout, which the resized page needed before this frame anyway.
    const box = frame.getBoundingClientRect();
    const { x, y } = keepInView(box, view, options.margin, rtl);
    if (x !== box.x || y !== box.y) frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  };
  let pending: number | null = null;
  // The window and the visual viewport both report a resize, often in the same
  // frame: the card is fitted once, in that frame, before it is painted.
  const schedule = () => {
    pending ??= win.requestAnimationFrame(() => {
      pending = null;
      fit();
    });
  };
  win.addEventListener('resize', schedule, { passive: true, signal });
  win.visualViewport?.addEventListener('resize', schedule, { passive: true, signal });
  signal.addEventListener('abort', () => pending !== null && win.cancelAnimationFrame(pending), { once: true });
}

/**
 * The part of the page the reader sees, in the coordinates the card is
 * placed in: the visual viewport, as Floating UI reads it for an unpinned
 * card, so that both keep a card within the same bounds. Not while the
 * reader pinch-zooms (scale above 1): the card would be squeezed into the
 * zoomed part and stay there after zooming out; the layout viewport holds.
 */
function visibleViewport(win: Window): Box {
  const visual = win.visualViewport;
  if (visual && !(visual.scale > 1)) return { x: visual.offsetLeft, y: visual.offsetTop, width: visual.width, height: visual.height };
  const root = win.document.documentElement;
  return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
}
