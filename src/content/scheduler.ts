/**
 * Runs long jobs (reading a page, scanning it, drawing) as many short slices,
 * so that the page never freezes: no slice runs past a small budget, and
 * between slices the browser gets to handle input and paint.
 *
 * A job is an iterator whose every step is small (a few hundred DOM nodes,
 * one matcher batch); the scheduler steps it until the slice's budget is
 * spent, then gives the thread back. Jobs run one after another, in order.
 * A step may yield a Priority to change how the job's next slices are
 * scheduled.
 *
 * Where slices go: text the reader can see is wanted now, so its job resumes
 * with `scheduler.yield()` (a continuation that keeps its place in line);
 * the rest waits for idle time (`requestIdleCallback`). Browsers with
 * neither get `setTimeout`.
 */

export type Job = Iterator<unknown, unknown, undefined>;
export type Priority = 'visible' | 'background';

/** Well under the 50 ms that makes a long task, with room for the style and paint our changes cause. */
const SLICE_BUDGET_MS = 8;
/** An idle callback waits at most this long, so a busy page still gets annotated. */
const IDLE_TIMEOUT_MS = 1_000;

interface Entry {
  job: Job;
  priority: Priority;
  settle: (finished: boolean) => void;
}

interface YieldingScheduler {
  yield(): Promise<void>;
}

export class SliceScheduler {
  readonly #queue: Entry[] = [];
  #running = false;
  #longestSlice = 0;

  constructor(
    private readonly signal: AbortSignal,
    /** Called when the queue has drained. */
    private readonly onIdle: () => void,
    private readonly onError: (error: unknown) => void,
  ) {
    signal.addEventListener('abort', () => this.cancel(), { once: true });
  }

  /** Is a job queued or running? */
  get busy(): boolean {
    return this.#queue.length > 0;
  }

  /** The longest slice so far, in milliseconds (for tests and the benchmark). */
  get longestSlice(): number {
    return this.#longestSlice;
  }

  /** Queues a job; resolves true when it ran to the end, false if it was cancelled. */
  run(job: Job, priority: Priority = 'background'): Promise<boolean> {
    if (this.signal.aborted) return Promise.resolve(false);
    return new Promise((settle) => {
      this.#queue.push({ job, priority, settle });
      void this.#pump();
    });
  }

  /** Drops every queued job, and the one running, at its next step. */
  cancel(): void {
    for (const entry of this.#queue.splice(0)) {
      entry.job.return?.();
      entry.settle(false);
    }
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#queue.length > 0 && !this.signal.aborted) {
        const entry = this.#queue[0]!;
        const budget = await this.#nextSlot(entry.priority);
        // The job may have been cancelled while we waited.
        if (this.#queue[0] !== entry || this.signal.aborted) continue;
        const start = performance.now();
        let finished = false;
        try {
          do {
            const step = entry.job.next();
            if (step.done) {
              finished = true;
              break;
            }
            // A job says when what it does next is no longer urgent (or is again).
            if (step.value === 'visible' || step.value === 'background') entry.priority = step.value;
          } while (performance.now() - start < budget && this.#queue[0] === entry);
        } catch (error) {
          // One failing job never stops the others.
          finished = true;
          this.onError(error);
        }
        this.#longestSlice = Math.max(this.#longestSlice, performance.now() - start);
        if (finished && this.#queue[0] === entry) {
          this.#queue.shift();
          entry.settle(true);
        }
      }
    } finally {
      this.#running = false;
    }
    if (!this.signal.aborted && this.#queue.length === 0) this.onIdle();
  }

  /** Waits for the next chance to run, and says how long the slice may take. */
  #nextSlot(priority: Priority): Promise<number> {
    const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
    if (priority === 'visible' && typeof scheduler?.yield === 'function') {
      return scheduler.yield().then(() => SLICE_BUDGET_MS);
    }
    return new Promise((resolve) => {
      let cancel: () => void;
      const done = (budget: number) => {
        this.signal.removeEventListener('abort', cancel);
        resolve(budget);
      };
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(
          // Respect the idle period the browser offers, but always make some progress.
          (deadline) => done(Math.max(2, Math.min(SLICE_BUDGET_MS, deadline.timeRemaining()))),
          { timeout: IDLE_TIMEOUT_MS },
        );
        cancel = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(() => done(SLICE_BUDGET_MS), 0);
        cancel = () => clearTimeout(id);
      }
      // Nothing stays scheduled once Backstory stops on the page.
      this.signal.addEventListener('abort', cancel, { once: true });
    });
  }
}

/** One job made of several, run one after the other. */
export function* inTurn(...jobs: Array<Iterable<unknown>>): Generator<unknown, void> {
  for (const job of jobs) yield* job;
}
