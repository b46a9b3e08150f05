/**
 * Keeping a pinned card in view when the viewport shrinks: it stays where
 * the reader put it while it fits, moves the least it must when it does
 * not, and keeps its top bar in view when nothing else is possible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capToView, keepInView, type Box } from '../../../src/content/card/in-view.ts';

const VIEW: Box = { x: 0, y: 0, width: 800, height: 600 };
const MARGIN = 8;
const card = (x: number, y: number, width = 300, height = 400): Box => ({ x, y, width, height });

describe('keepInView', () => {
  it('leaves a card that fits where it is, even right at the edge', () => {
    expect(keepInView(card(100, 50), VIEW, MARGIN)).toEqual({ x: 100, y: 50 });
    expect(keepInView(card(0, 0), VIEW, MARGIN)).toEqual({ x: 0, y: 0 });
    expect(keepInView(card(500, 200), VIEW, MARGIN)).toEqual({ x: 500, y: 200 });
  });

  it('brings back a card past the right and bottom edges, the margin from them', () => {
    expect(keepInView(card(700, 500), VIEW, MARGIN)).toEqual({ x: 800 - 8 - 300, y: 600 - 8 - 400 });
  });

  it('brings back a card past the left and top edges', () => {
    expect(keepInView(card(-50, -10), VIEW, MARGIN)).toEqual({ x: 8, y: 8 });
  });

  it('moves a card only along the axis where it does not fit', () => {
    expect(keepInView(card(650, 30), VIEW, MARGIN)).toEqual({ x: 492, y: 30 });
    expect(keepInView(card(20, 590), VIEW, MARGIN)).toEqual({ x: 20, y: 192 });
  });

  it('gives up some of the margin when the view only just holds the card', () => {
    // 10 px to spare: 5 on each side.
    expect(keepInView(card(100, 300, 300, 590), VIEW, MARGIN)).toEqual({ x: 100, y: 5 });
  });

  it('keeps the top and the inline-start edge of a card larger than the view in view', () => {
    const wide = card(-100, 200, 900, 700);
    expect(keepInView(wide, VIEW, MARGIN)).toEqual({ x: 0, y: 0 });
    // In a right-to-left card the top bar starts at the right.
    expect(keepInView(wide, VIEW, MARGIN, true)).toEqual({ x: 800 - 900, y: 0 });
  });

  it('direction matters only to a card wider than the view', () => {
    expect(keepInView(card(700, 500), VIEW, MARGIN, true)).toEqual(keepInView(card(700, 500), VIEW, MARGIN));
  });

  it('keeps to a visual viewport that is offset into the page (zoomed in)', () => {
    const zoomed: Box = { x: 200, y: 100, width: 400, height: 300 };
    expect(keepInView(card(10, 10, 200, 150), zoomed, MARGIN)).toEqual({ x: 208, y: 108 });
    expect(keepInView(card(500, 300, 200, 150), zoomed, MARGIN)).toEqual({ x: 392, y: 242 });
  });

  it('puts any card the view can hold inside it, and never moves one that was inside', () => {
    const span = fc.integer({ min: -2000, max: 2000 });
    fc.assert(
      fc.property(span, span, fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 600 }), (x, y, width, height) => {
        const box = card(x, y, width, height);
        const to = keepInView(box, VIEW, MARGIN);
        expect(to.x).toBeGreaterThanOrEqual(VIEW.x);
        expect(to.y).toBeGreaterThanOrEqual(VIEW.y);
        expect(to.x + width).toBeLessThanOrEqual(VIEW.x + VIEW.width);
        expect(to.y + height).toBeLessThanOrEqual(VIEW.y + VIEW.height);
        const wasInside = x >= 0 && y >= 0 && x + width <= VIEW.width && y + height <= VIEW.height;
        if (wasInside) expect(to).toEqual({ x, y });
        // The least move: never further than to the margin inside the nearest edge.
        expect(Math.abs(to.x - x)).toBeLessThanOrEqual(Math.max(0, -x, x + width - VIEW.width) + MARGIN);
        expect(Math.abs(to.y - y)).toBeLessThanOrEqual(Math.max(0, -y, y + height - VIEW.height) + MARGIN);
      }),
      { numRuns: 500 },
    );
  });
});

describe('capToView', () => {
  it('keeps the room the card had while the view is larger', () => {
    expect(capToView({ width: 360, height: 300 }, VIEW, MARGIN)).toEqual({ width: 360, height: 300 });
  });

  it('caps the room at the view less a margin on each side', () => {
    expect(capToView({ width: 360, height: 700 }, { x: 0, y: 0, width: 320, height: 250.6 }, MARGIN)).toEqual({ width: 304, height: 234 });
  });

  it('caps a card that was never placed by the view alone', () => {
    expect(capToView({ width: Infinity, height: Infinity }, VIEW, MARGIN)).toEqual({ width: 784, height: 584 });
  });

  it('never gives negative room', () => {
    expect(capToView({ width: 360, height: 300 }, { x: 0, y: 0, width: 10, height: 4 }, MARGIN)).toEqual({ width: 0, height: 0 });
  });
});
