/**
 * Backstory's one element in the page: a custom element with an open shadow
 * root that holds the card (and any other UI of ours). Created on first use,
 * removed on teardown.
 *
 * The host is reset with `all: initial` (important, so page rules cannot
 * restyle it) and the shadow root's styles cannot leak out. Keys and presses
 * inside our UI stop at the host, so a page's own shortcuts and "click
 * outside" handlers never fire while the reader works the card.
 *
 * Where the host sits: in fullscreen, inside the fullscreen element, the only
 * part of the page the browser still paints. For a mention inside an open
 * modal dialog, inside that dialog while its card is open, as a popover: the
 * rest of the page is then inert and drawn beneath the dialog, and in the
 * top layer the card escapes the dialog's clipping and transforms. It goes
 * back to the document's root when the card closes, so that it is in the
 * dialog (where it counts as the dialog's last child) no longer than needed.
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
  /** Listens to that dialog while the card is in it. */
  #placement: AbortController | null = null;

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
      for (const type of STOPPED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation(), { passive: true, signal });
      this.doc.addEventListener('fullscreenchange', () => this.#place(), { signal });
      this.#host = host;
      this.#root = root;
      this.#place();
    }
    return this.#root;
  }

  /**
   * Puts the host where a card for a mention at `anchor` can be seen and
   * used. `onLeft`: the mention's dialog closed, taking the card's place away.
   */
  placeFor(anchor: Node | null, onLeft: () => void): void {
    this.#placement?.abort();
    this.#placement = null;
    const dialog = modalDialogAround(anchor);
    this.#dialog = dialog;
    if (dialog) {
      this.#placement = new AbortController();
      dialog.addEventListener('close', onLeft, { once: true, signal: this.#placement.signal });
    }
    this.#place();
  }

  /** The card closed: the host leaves any dialog it was placed in. */
  release(): void {
    this.#placement?.abort();
    this.#placement = null;
    if (!this.#dialog) return;
    this.#dialog = null;
    this.#place();
  }

  get host(): HTMLElement | null {
    return this.#host;
  }

  destroy(): void {
    this.#placement?.abort();
    this.#placement = null;
    this.#dialog = null;
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
    const fullscreen = this.doc.fullscreenElement && !REPLACED.has(this.doc.fullscreenElement.tagName) ? this.doc.fullscreenElement : null;
    const dialog = this.#dialog?.isConnected ? this.#dialog : null;
    // A dialog opened in fullscreen lies above the fullscreen element; one
    // holding the fullscreen element lies beneath it.
    const inDialog = dialog !== null && !(fullscreen && dialog.contains(fullscreen));
    const parent = inDialog ? dialog : (fullscreen ?? this.doc.documentElement);
    if (host.parentNode !== parent) {
      leaveTopLayer(host);
      parent.append(host);
    }
    if (inDialog) enterTopLayer(host);
  }
}

/**
 * Presses and keys stop at the host. Not pointer moves or overs: hover
 * tracking follows the pointer over the card from the document.
 */
const STOPPED_EVENTS = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend'] as const;

function enterTopLayer(host: HTMLElement): void {
  try {
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // A browser without popovers: the card stays in the dialog's own layer.
  }
}

function leaveTopLayer(host: HTMLElement): void {
  if (!host.hasAttribute('popover')) return;
  try {
    if (host.matches(':popover-open')) host.hidePopover();
  } catch {
    // Not open after all.
  }
  host.removeAttribute('popover');
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
