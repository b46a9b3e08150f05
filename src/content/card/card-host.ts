/**
 * Backstory's one element in the page: a custom element with an open shadow
 * root that holds the card (and any other UI of ours). Created on first use,
 * removed on teardown.
 *
 * The host is reset with `all: initial` (important, so page rules cannot
 * restyle it) and the shadow root's styles cannot leak out. Keys pressed
 * inside our UI stop at the host, so a page's own shortcuts never fire while
 * the reader works the card. In fullscreen the host moves into the
 * fullscreen element, the only part of the page the browser still paints;
 * for a mention inside a modal dialog, into that dialog: the rest of the
 * page is then inert and drawn beneath the dialog, so a card outside it
 * could be neither seen nor used.
 */
import cardCss from './card.css?inline';

export const HOST_TAG = 'backstory-root';

const hosts = new WeakMap<Document, CardHost>();

/** Elements whose fullscreen content cannot hold ours (they paint no children). */
const REPLACED = new Set(['VIDEO', 'IMG', 'CANVAS', 'IFRAME', 'EMBED', 'OBJECT']);

export class CardHost {
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;
  #listeners: AbortController | null = null;
  /** The open modal dialog that holds the mention being shown, if any. */
  #dialog: Element | null = null;

  constructor(private readonly doc: Document) {}

  /** The document's one host, shared by everything that draws our UI. */
  static for(doc: Document): CardHost {
    let host = hosts.get(doc);
    if (!host) hosts.set(doc, (host = new CardHost(doc)));
    return host;
  }

  /** The shadow root, creating the host on first use. */
  get root(): ShadowRoot {
    if (!this.#root) {
      const host = this.doc.createElement(HOST_TAG);
      host.style.setProperty('all', 'initial', 'important');
      const root = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = cardCss;
      root.append(style);
      this.#listeners = new AbortController();
      const { signal } = this.#listeners;
      for (const type of ['keydown', 'keyup', 'keypress'] as const) {
        host.addEventListener(type, (event) => event.stopPropagation(), { signal });
      }
      this.doc.addEventListener('fullscreenchange', () => this.#place(), { signal });
      this.#host = host;
      this.#root = root;
      this.#place();
    }
    return this.#root;
  }

  /** Puts the host where a card for a mention at `anchor` can be seen and used. */
  placeFor(anchor: Node | null): void {
    this.#dialog = modalDialogAround(anchor);
    this.#place();
  }

  get host(): HTMLElement | null {
    return this.#host;
  }

  destroy(): void {
    this.#listeners?.abort();
    this.#listeners = null;
    this.#host?.remove();
    this.#host = null;
    this.#root = null;
    if (hosts.get(this.doc) === this) hosts.delete(this.doc);
  }

  #place(): void {
    const host = this.#host;
    if (!host) return;
    const fullscreen = this.doc.fullscreenElement;
    const dialog = this.#dialog?.isConnected ? this.#dialog : null;
    const parent = fullscreen && !REPLACED.has(fullscreen.tagName) ? fullscreen : (dialog ?? this.doc.documentElement);
    if (host.parentNode !== parent) parent.append(host);
  }
}

/** The innermost open modal dialog around `node`, if any. */
function modalDialogAround(node: Node | null): Element | null {
  let element = node instanceof Element ? node : (node?.parentElement ?? null);
  while ((element = element?.closest('dialog') ?? null)) {
    if (isModal(element)) return element;
    element = element.parentElement;
  }
  return null;
}

function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return false; // a browser without :modal
  }
}
