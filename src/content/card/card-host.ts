/**
 * Backstory's one element in the page: a custom element with an open shadow
 * root that holds the card. Created on first use, removed on teardown.
 */
import cardCss from './card.css?inline';

export const HOST_TAG = 'backstory-root';

export class CardHost {
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;

  constructor(private readonly doc: Document) {}

  /** The shadow root, creating the host on first use. */
  get root(): ShadowRoot {
    if (!this.#root) {
      const host = this.doc.createElement(HOST_TAG);
      host.style.setProperty('all', 'initial');
      const root = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = cardCss;
      root.append(style);
      this.doc.documentElement.append(host);
      this.#host = host;
      this.#root = root;
    }
    return this.#root;
  }

  get host(): HTMLElement | null {
    return this.#host;
  }

  destroy(): void {
    this.#host?.remove();
    this.#host = null;
    this.#root = null;
  }
}
