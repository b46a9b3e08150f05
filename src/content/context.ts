/**
 * The content script's lifecycle: everything it creates hangs off one
 * AbortSignal, so that turning Backstory off, a newer copy of the script, or
 * the extension being reloaded tears it all down in one call.
 */
import browser from 'webextension-polyfill';

const TEARDOWN_EVENT = 'backstory:teardown';

export class ContentContext {
  readonly #controller = new AbortController();
  // Not crypto.randomUUID: it is missing on plain-http pages.
  readonly #instanceId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  constructor() {
    // A copy injected earlier (before an extension reload, or by a second
    // injection) hears this and stops, so annotations are never doubled.
    window.dispatchEvent(new CustomEvent(TEARDOWN_EVENT, { detail: this.#instanceId }));
    window.addEventListener(
      TEARDOWN_EVENT,
      (event) => {
        if ((event as CustomEvent).detail !== this.#instanceId) this.abort();
      },
      { signal: this.signal },
    );
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get isValid(): boolean {
    return !this.signal.aborted && isExtensionAlive();
  }

  abort(): void {
    this.#controller.abort();
  }

  onAbort(callback: () => void): void {
    if (this.signal.aborted) callback();
    else this.signal.addEventListener('abort', callback, { once: true });
  }

  setTimeout(callback: () => void, ms: number): void {
    const id = window.setTimeout(() => this.#guard(callback), ms);
    this.onAbort(() => window.clearTimeout(id));
  }

  requestAnimationFrame(callback: () => void): void {
    const id = window.requestAnimationFrame(() => this.#guard(callback));
    this.onAbort(() => window.cancelAnimationFrame(id));
  }

  /** Runs a callback unless the context died meanwhile; a dead extension context aborts. */
  #guard(callback: () => void): void {
    if (this.signal.aborted) return;
    if (!isExtensionAlive()) {
      this.abort();
      return;
    }
    callback();
  }
}

/**
 * After the extension is reloaded or updated, this copy's connection to it is
 * gone ("Extension context invalidated"). That is a normal shutdown, not an error.
 */
export function isExtensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /context invalidated|Receiving end does not exist/i.test(error.message);
}
