/**
 * The content script's lifecycle: everything it creates hangs off one
 * AbortSignal, so that turning Backstory off, a newer copy of the script, or
 * the extension being reloaded tears it all down in one call.
 *
 * The script's own context lives as long as the script. While Backstory is
 * on for the page, a child context holds everything that annotates it
 * (observer, listeners, scheduled work, the card); turning it off aborts the
 * child and leaves only what is needed to turn it on again.
 */
import { isExtensionAlive } from '../shared/extension-alive.ts';

const TEARDOWN_EVENT = 'backstory:teardown';
/** Where the newest copy of the script keeps its id (a global of the content scripts' world). */
const LATEST_INSTANCE = '__backstoryLatestInstance';

export class ContentContext {
  readonly #controller = new AbortController();
  readonly #root: ContentContext;
  /** The root's id among copies of the script (see LATEST_INSTANCE). */
  #instanceId = '';

  /** The script's context; with a parent, a child that ends when the parent ends (see child()). */
  constructor(parent?: ContentContext) {
    if (parent) {
      this.#root = parent.#root;
      const end = () => this.abort();
      parent.signal.addEventListener('abort', end, { once: true });
      this.signal.addEventListener('abort', () => parent.signal.removeEventListener('abort', end), { once: true });
      if (parent.signal.aborted) this.abort();
      return;
    }
    this.#root = this;
    // Not crypto.randomUUID: it is missing on plain-http pages.
    const instanceId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    // A copy injected earlier (before an extension reload, or by a second
    // injection) hears this and stops, so annotations are never doubled.
    // The page can dispatch the same event, so the event only says "look":
    // a copy stops if the extension it belongs to is gone, or if a newer copy
    // wrote its id in the content scripts' own global, which page scripts
    // cannot reach.
    this.#instanceId = instanceId;
    latest()[LATEST_INSTANCE] = instanceId;
    window.dispatchEvent(new CustomEvent(TEARDOWN_EVENT));
    window.addEventListener(
      TEARDOWN_EVENT,
      () => {
        if (!this.#isLatest() || !isExtensionAlive()) this.abort();
      },
      { signal: this.signal },
    );
  }

  /** A context that ends when this one ends, or earlier. */
  child(): ContentContext {
    return new ContentContext(this);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * False once this context ended. Finding the extension gone ends the whole
   * script: every check is a chance to notice a reload and clean up.
   */
  get isValid(): boolean {
    if (this.signal.aborted) return false;
    // Also asked here, not only on the event: a page can stop the event before it reaches us.
    if (!isExtensionAlive() || !this.#root.#isLatest()) {
      this.#root.abort();
      return false;
    }
    return true;
  }

  abort(): void {
    this.#controller.abort();
  }

  #isLatest(): boolean {
    return latest()[LATEST_INSTANCE] === this.#instanceId;
  }

  onAbort(callback: () => void): void {
    if (this.signal.aborted) callback();
    else this.signal.addEventListener('abort', callback, { once: true });
  }

  /** A timeout that the context's end cancels; returns a function that cancels it sooner. */
  setTimeout(callback: () => void, ms: number): () => void {
    return this.#schedule((run) => window.setTimeout(run, ms), (id) => window.clearTimeout(id), callback);
  }

  /** An animation frame that the context's end cancels; returns a function that cancels it sooner. */
  requestAnimationFrame(callback: () => void): () => void {
    return this.#schedule((run) => window.requestAnimationFrame(run), (id) => window.cancelAnimationFrame(id), callback);
  }

  /** Schedules a callback that is cancelled if the context ends first, without leaving a listener behind. */
  #schedule(start: (run: () => void) => number, cancel: (id: number) => void, callback: () => void): () => void {
    if (this.signal.aborted) return () => undefined;
    const stop = () => {
      this.signal.removeEventListener('abort', stop);
      cancel(id);
    };
    const id = start(() => {
      this.signal.removeEventListener('abort', stop);
      this.#guard(callback);
    });
    this.signal.addEventListener('abort', stop, { once: true });
    return stop;
  }

  /** Runs a callback unless the context ended meanwhile. */
  #guard(callback: () => void): void {
    if (this.isValid) callback();
  }
}

/** The content scripts' own global, which page scripts cannot reach. */
function latest(): Record<typeof LATEST_INSTANCE, string | undefined> {
  return globalThis as unknown as Record<typeof LATEST_INSTANCE, string | undefined>;
}

/** The extension being reloaded or updated under this copy is a normal shutdown, not an error. */
export { isExtensionAlive };

export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /context invalidated|Receiving end does not exist/i.test(error.message);
}
