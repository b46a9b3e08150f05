/**
 * Keeping a pinned card in view, as plain arithmetic on rectangles (CSS px,
 * viewport coordinates), so that it can be tested without a browser. The
 * DOM side is pinned-in-view.ts.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * Where `box` goes so that it is in `view`. A box that already fits stays
 * where the reader put it; one that does not moves the least distance that
 * brings it in, `margin` from the edge when there is room for that. A box
 * larger than the view keeps its top and its inline-start edge (the left,
 * or the right when `rtl`) in view: that is where the card's top bar and
 * its drag handle are.
 */
export function keepInView(box: Box, view: Box, margin: number, rtl = false): { x: number; y: number } {
  return {
    x: keepSpanIn(box.x, box.width, view.x, view.width, margin, rtl),
    y: keepSpanIn(box.y, box.height, view.y, view.height, margin, false),
  };
}

/**
 * The most room a card may take in `view`: the room it had, but never more
 * than the view less `margin` on each side, so that all of it can be shown.
 */
export function capToView(room: Size, view: Box, margin: number): Size {
  return {
    width: Math.floor(Math.max(0, Math.min(room.width, view.width - 2 * margin))),
    height: Math.floor(Math.max(0, Math.min(room.height, view.height - 2 * margin))),
  };
}

/** One axis of keepInView: the new start of a span [start, start + size]. */
function keepSpanIn(start: number, size: number, viewStart: number, viewSize: number, margin: number, keepEnd: boolean): number {
  const viewEnd = viewStart + viewSize;
  if (start >= viewStart && start + size <= viewEnd) return start;
  if (size > viewSize) return keepEnd ? viewEnd - size : viewStart;
  // Less than the full margin when the view is only just large enough.
  const inset = Math.min(margin, (viewSize - size) / 2);
  return Math.min(viewEnd - inset - size, Math.max(viewStart + inset, start));
}
