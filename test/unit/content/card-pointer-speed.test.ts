import { describe, expect, it } from 'vitest';
import { FAST_PX_PER_MS, PointerSpeed, WINDOW_MS } from '../../../src/content/card/pointer-speed.ts';

describe('PointerSpeed', () => {
  it('is zero before the pointer has moved twice', () => {
    const speed = new PointerSpeed();
    expect(speed.at(0)).toBe(0);
    speed.add(10, 10, 0);
    expect(speed.at(5)).toBe(0);
  });

  it('calls a sweep across the page fast', () => {
    const speed = new PointerSpeed();
    // 40 px every 16 ms: 2.5 px/ms, a flick across a paragraph.
    for (let i = 0; i <= 6; i++) speed.add(i * 40, 100, i * 16);
    expect(speed.at(96)).toBeGreaterThan(FAST_PX_PER_MS);
    expect(speed.isFast(96)).toBe(true);
  });

  it('calls a reader easing onto a word slow', () => {
    const speed = new PointerSpeed();
    // 3 px every 16 ms: about 0.19 px/ms.
    for (let i = 0; i <= 6; i++) speed.add(i * 3, 100, i * 16);
    expect(speed.isFast(96)).toBe(false);
  });

  it('forgets the sweep once the pointer rests', () => {
    const speed = new PointerSpeed();
    for (let i = 0; i <= 6; i++) speed.add(i * 40, 100, i * 16);
    expect(speed.isFast(96)).toBe(true);
    expect(speed.isFast(96 + WINDOW_MS + 1)).toBe(false);
  });
});
