/**
 * The DOM side of keeping a pinned card in view, against a stand-in window
 * whose frames run when the test says: resizes are fitted once per frame,
 * and once the card is unpinned or closed nothing is left listening.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Box, Size } from '../../../src/content/card/in-view.ts';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => 'ltr' } } }));
const { keepPinnedInView } = await import('../../../src/content/card/pinned-in-view.ts');

/** A window with a visual viewport, whose animation frames wait for runFrame(). */
class StandInWindow extends EventTarget {
  readonly visualViewport = Object.assign(new EventTarget(), { offsetLeft: 0, offsetTop: 0, width: 1200, height: 900, scale: 1 });
  /** The layout viewport. */
  readonly document = { documentElement: { clientWidth: 1200, clientHeight: 900 } };
  readonly #frames = new Map<number, () => void>();
  #next = 1;

  requestAnimationFrame(callback: () => void): number {
    this.#frames.set(this.#next, callback);
    return this.#next++;
  }

  cancelAnimationFrame(id: number): void {
    this.#frames.delete(id);
  }

  get pendingFrames(): number {
    return this.#frames.size;
  }

  runFrame(): void {
    const frames = [...this.#frames.values()];
    this.#frames.clear();
    for (const callback of frames) callback();
  }

  resizeTo(width: number, height: number): void {
    Object.assign(this.visualViewport, { width, height });
    this.dispatchEvent(new Event('resize'));
    this.visualViewport.dispatchEvent(new Event('resize'));
  }
}

/** A pinned card's frame at `box` in `win`, and the room it was given. */
function pinnedCard(win: StandInWindow, box: Box) {
  const rooms: Size[] = [];
  const frame = {
    isConnected: true,
    ownerDocument: { defaultView: win },
    style: { transform: '' },
    // The card is as tall as its content, up to the room it was last given.
    getBoundingClientRect: () => ({ ...box, height: Math.min(box.height, rooms.at(-1)?.height ?? Infinity) }),
  };
  const pinned = new AbortController();
  const options = { room: { width: 364, height: 448 }, margin: 8, setRoom: (room: Size) => rooms.push(room) };
  keepPinnedInView(frame as unknown as HTMLElement, options, pinned.signal);
  return { frame, rooms, pinned };
}

describe('keepPinnedInView', () => {
  it('fits the card once per frame, however many resizes the frame saw', () => {
    const win = new StandInWindow();
    const { frame, rooms } = pinnedCard(win, { x: 800, y: 420, width: 364, height: 448 });
    win.resizeTo(1000, 700);
    win.resizeTo(900, 400);
    expect(win.pendingFrames).toBe(1);
    win.runFrame();
    // Shorter, to fit the window, and moved up and left by the least it must.
    expect(rooms).toEqual([{ width: 364, height: 384 }]);
    expect(frame.style.transform).toBe(`translate(${900 - 8 - 364}px, ${400 - 8 - 384}px)`);
  });

  it('leaves a card that still fits where it is', () => {
    const win = new StandInWindow();
    const { frame, rooms } = pinnedCard(win, { x: 40, y: 30, width: 364, height: 448 });
    win.resizeTo(1000, 700);
    win.runFrame();
    expect(rooms).toEqual([{ width: 364, height: 448 }]);
    expect(frame.style.transform).toBe('');
  });

  it('leaves the card alone while the reader pinch-zooms: the layout viewport, not the zoomed part, bounds it', () => {
    const win = new StandInWindow();
    const { frame, rooms } = pinnedCard(win, { x: 800, y: 420, width: 364, height: 448 });
    Object.assign(win.visualViewport, { scale: 2.5, offsetLeft: 300, offsetTop: 200 });
    win.resizeTo(480, 360);
    win.runFrame();
    expect(rooms).toEqual([{ width: 364, height: 448 }]);
    expect(frame.style.transform).toBe('');
  });

  it('stops when the card is unpinned or closed: its pending frame is cancelled and later resizes go unheard', () => {
    const win = new StandInWindow();
    const { frame, rooms, pinned } = pinnedCard(win, { x: 800, y: 420, width: 364, height: 448 });
    win.resizeTo(900, 400);
    pinned.abort();
    expect(win.pendingFrames).toBe(0);
    win.resizeTo(800, 300);
    expect(win.pendingFrames).toBe(0);
    expect(rooms).toEqual([]);
    expect(frame.style.transform).toBe('');
  });
});
