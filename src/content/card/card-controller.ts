/**
 * Shows one card at a time next to a range, keeps it on screen with Floating
 * UI, and closes it on Escape or when asked.
 */
import { computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { CardHost } from './card-host.ts';
import { renderCard, type CardContext } from './card-view.ts';
import type { CardEntry } from '../../dataset/bundle.ts';

export class CardController {
  readonly #host: CardHost;
  #card: HTMLElement | null = null;
  #anchor: Range | null = null;

  constructor(
    private readonly doc: Document,
    private readonly context: CardContext,
    signal: AbortSignal,
  ) {
    this.#host = new CardHost(doc);
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.#card) {
          this.hide();
          event.stopPropagation();
        }
      },
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => this.#host.destroy(), { once: true });
  }

  get isOpen(): boolean {
    return this.#card !== null;
  }

  get anchor(): Range | null {
    return this.#anchor;
  }

  /** The card element, for hover tracking. */
  get element(): HTMLElement | null {
    return this.#card;
  }

  show(entry: CardEntry, anchor: Range): void {
    if (this.#card && this.#anchor === anchor) return;
    this.hide();
    const card = renderCard(this.doc, entry, this.context);
    card.dataset.theme = pageTheme(this.doc);
    this.#host.root.append(card);
    this.#card = card;
    this.#anchor = anchor;
    void this.#position(card, anchor);
  }

  hide(): void {
    this.#card?.remove();
    this.#card = null;
    this.#anchor = null;
  }

  async #position(card: HTMLElement, anchor: Range): Promise<void> {
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    const { x, y } = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        // The side with more room wins when neither fits the whole card...
        flip({ padding: 8, fallbackStrategy: 'bestFit' }),
        // ...and the card then scrolls inside rather than covering the text it explains.
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.maxHeight = `${Math.max(120, Math.min(448, Math.floor(availableHeight)))}px`;
          },
        }),
        shift({ padding: 8 }),
      ],
    });
    if (this.#card !== card) return;
    card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    card.dataset.placed = '';
  }
}

/** Follows the page's own background where it is clearly light or dark. */
function pageTheme(doc: Document): 'light' | 'dark' | 'auto' {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const color = getComputedStyle(element).backgroundColor;
    const rgb = color.match(/\d+(\.\d+)?/g)?.map(Number);
    if (!rgb || rgb.length < 3 || (rgb.length > 3 && rgb[3] === 0)) continue;
    const luminance = (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
    return luminance < 0.4 ? 'dark' : 'light';
  }
  return 'auto';
}
