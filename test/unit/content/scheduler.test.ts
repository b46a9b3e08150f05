// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SliceScheduler } from '../../../src/content/scheduler.ts';

/** A job of `steps` steps, each busy for `ms` milliseconds. */
function* busy(steps: number, ms: number, log: number[], id: number): Generator<undefined, void> {
  for (let i = 0; i < steps; i++) {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      // spin
    }
    log.push(id);
    yield;
  }
}

function scheduler(signal = new AbortController().signal) {
  const events = { idle: 0, errors: [] as unknown[] };
  const s = new SliceScheduler(signal, () => events.idle++, (error) => events.errors.push(error));
  return { s, events };
}

describe('SliceScheduler', () => {
  it('runs a long job in slices, giving the thread back between them, and says when it is idle', async () => {
    const { s, events } = scheduler();
    const log: number[] = [];
    // 20 steps of 3 ms cannot fit one slice: other tasks get to run in between.
    const job = s.run(busy(20, 3, log, 1));
    const between = new Promise<number>((done) => setTimeout(() => done(log.length), 0));
    expect(await job).toBe(true);
    const stepsBeforeOtherTask = await between;
    expect(stepsBeforeOtherTask).toBeGreaterThan(0);
    expect(stepsBeforeOtherTask).toBeLessThan(20);
    expect(log).toHaveLength(20);
    expect(s.longestSlice).toBeGreaterThan(0);
    expect(events.idle).toBe(1);
  });

  it('is busy while a job is queued or running, and not once it is done or cancelled', async () => {
    const { s } = scheduler();
    const log: number[] = [];
    expect(s.busy).toBe(false);
    const seen: boolean[] = [];
    const done = s.run(
      (function* () {
        seen.push(s.busy);
        yield;
      })(),
    );
    expect(s.busy).toBe(true);
    await done;
    expect(seen).toEqual([true]);
    expect(s.busy).toBe(false);
    void s.run(busy(50, 2, log, 2));
    s.cancel();
    expect(s.busy).toBe(false);
  });

  it('never runs synchronously: the caller’s task ends first', async () => {
    const { s } = scheduler();
    const log: number[] = [];
    const done = s.run(busy(1, 0, log, 1));
    expect(log).toEqual([]);
    await done;
    expect(log).toEqual([1]);
  });

  it('runs jobs in order, one after the other', async () => {
    const { s } = scheduler();
    const log: number[] = [];
    await Promise.all([s.run(busy(3, 1, log, 1)), s.run(busy(3, 1, log, 2), 'visible')]);
    expect(log).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('cancels queued jobs', async () => {
    const { s } = scheduler();
    const log: number[] = [];
    const first = s.run(busy(50, 2, log, 1));
    s.cancel();
    expect(await first).toBe(false);
    expect(log.length).toBeLessThan(50);
  });

  it('stops everything when its signal aborts', async () => {
    const controller = new AbortController();
    const { s, events } = scheduler(controller.signal);
    const log: number[] = [];
    const job = s.run(busy(50, 2, log, 1));
    controller.abort();
    expect(await job).toBe(false);
    expect(await s.run(busy(1, 0, log, 2))).toBe(false);
    expect(log).not.toContain(2);
    expect(events.idle).toBe(0);
  });

  it('keeps going after a job throws, and reports the error', async () => {
    const { s, events } = scheduler();
    const log: number[] = [];
    function* failing(): Generator<undefined, void> {
      yield;
      throw new Error('boom');
    }
    await Promise.all([s.run(failing()), s.run(busy(1, 0, log, 2))]);
    expect(events.errors.map(String)).toEqual(['Error: boom']);
    expect(log).toEqual([2]);
  });
});
