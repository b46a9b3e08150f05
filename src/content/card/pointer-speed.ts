/**
 * How fast the pointer is moving, from its recent positions. A pointer that
 * sweeps across a mention on its way somewhere else is not asking for a
 * card; hover.ts holds the card back until the pointer slows down.
 */

/** Faster than this (CSS px per ms, i.e. 600 px/s) counts as passing through. */
export const FAST_PX_PER_MS = 0.6;
/** Positions older than this say nothing about the present speed. */
export const WINDOW_MS = 100;

interface Sample {
  x: number;
  y: number;
  t: number;
}

export class PointerSpeed {
  #samples: Sample[] = [];

  add(x: number, y: number, t: number): void {
    this.#samples.push({ x, y, t });
    this.#forget(t);
  }

  /** Average speed over the last WINDOW_MS before `now`; 0 once the pointer rests. */
  at(now: number): number {
    this.#forget(now);
    const samples = this.#samples;
    if (samples.length < 2) return 0;
    let distance = 0;
    for (let i = 1; i < samples.length; i++) {
      distance += Math.hypot(samples[i]!.x - samples[i - 1]!.x, samples[i]!.y - samples[i - 1]!.y);
    }
    // Over the whole window, not only between the samples: a pointer that
    // stopped 80 ms ago is slower now than its last two samples say.
    return distance / Math.max(WINDOW_MS / 2, now - samples[0]!.t);
  }

  isFast(now: number): boolean {
    return this.at(now) > FAST_PX_PER_MS;
  }

  #forget(now: number): void {
    const from = now - WINDOW_MS;
    let drop = 0;
    while (drop < this.#samples.length && this.#samples[drop]!.t < from) drop++;
    if (drop > 0) this.#samples.splice(0, drop);
  }
}
