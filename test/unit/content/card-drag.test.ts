/**
 * Dragging a pinned card, against a stand-in frame and window: the card
 * follows the pointer past a small threshold and stays inside the window,
 * also one that was resized during the drag.
 */
import { describe, expect, it } from 'vitest';
import { dragFrame } from '../../../src/content/card/card-drag.ts';

function standIn(width: number, height: number) {
  const win = new EventTarget();
  const view = { clientWidth: width, clientHeight: height };
  const frame = Object.assign(new EventTarget(), {
    offsetWidth: 300,
    offsetHeight: 400,
    style: { transform: '' },
    ownerDocument: { documentElement: view, defaultView: win },
    getBoundingClientRect: () => ({ left: 100, top: 100 }),
    setPointerCapture: () => undefined,
  });
  const press = (x: number, y: number) => ({ clientX: x, clientY: y, pointerId: 1, button: 0 }) as PointerEvent;
  const move = (x: number, y: number) => frame.dispatchEvent(Object.assign(new Event('pointermove'), { clientX: x, clientY: y }));
  const resize = (w: number, h: number) => {
    Object.assign(view, { clientWidth: w, clientHeight: h });
    win.dispatchEvent(new Event('resize'));
  };
  return { frame, press, move, resize };
}

describe('dragFrame', () => {
  it('moves the card with the pointer once past the threshold, and keeps it in the window', () => {
    const { frame, press, move } = standIn(1000, 800);
    let moved = 0;
    dragFrame(frame as unknown as HTMLElement, press(110, 110), new AbortController().signal, () => moved++);
    move(112, 111);
    expect(frame.style.transform).toBe('');
    move(150, 130);
    expect(moved).toBe(1);
    expect(frame.style.transform).toBe('translate(140px, 120px)');
    // Right edge: the whole width stays in; bottom: its top 48 px do.
    move(5000, 5000);
    expect(frame.style.transform).toBe(`translate(${1000 - 300}px, ${800 - 48}px)`);
  });

  it('keeps the card in a window resized during the drag', () => {
    const { frame, press, move, resize } = standIn(1000, 800);
    dragFrame(frame as unknown as HTMLElement, press(110, 110), new AbortController().signal);
    move(150, 130);
    resize(600, 500);
    move(5000, 5000);
    expect(frame.style.transform).toBe(`translate(${600 - 300}px, ${500 - 48}px)`);
  });

  it('ends on release: later moves and resizes change nothing', () => {
    const { frame, press, move, resize } = standIn(1000, 800);
    dragFrame(frame as unknown as HTMLElement, press(110, 110), new AbortController().signal);
    move(150, 130);
    frame.dispatchEvent(new Event('pointerup'));
    resize(600, 500);
    move(400, 300);
    expect(frame.style.transform).toBe('translate(140px, 120px)');
  });
});
