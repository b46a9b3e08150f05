/**
 * The card: one at a time, next to the mention it explains, kept on screen by
 * Floating UI. Inside it the reader can follow related entries (with Back),
 * step through the entry's mentions on the page, pin it (it then stays put
 * while the page scrolls, can be dragged by its top bar, and is only moved
 * to keep it in view when the viewport shrinks) and close it.
 *
 * How it was opened decides how it behaves:
 * - hover / touch / focus: it never takes focus from the page; the pointer
 *   leaving both the mention and the card closes it after a grace period
 *   (hover.ts), unless it is pinned;
 * - keyboard: it takes focus, so its buttons are reachable, and gives focus
 *   back where it was when it closes;
 * - popup: like keyboard but without taking focus.
 * Escape closes it in every case (WCAG 1.4.13: dismissible, hoverable,
 * persistent).
 */
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size, type Placement, type VirtualElement } from '@floating-ui/dom';
import { CardHost } from './card-host.ts';
import { dragFrame, isDragStart } from './card-drag.ts';
import type { Size } from './in-view.ts';
import { keepPinnedInView } from './pinned-in-view.ts';
import { scrollToMention } from '../scroll-to-mention.ts';
import { pageTheme } from './page-theme.ts';
import { displayName, renderCard, type CardAction } from './card-view.ts';
import { findEntryById, getEntry, headerOf } from '../dataset.ts';
import type { CardEntry } from '../../dataset/bundle.ts';

export type OpenSource = 'hover' | 'touch' | 'focus' | 'keyboard' | 'popup';

export interface OpenOptions {
  source: OpenSource;
  /** Where the pointer is, so a mention that wraps lines gets the card by the line pointed at. */
  pointer?: { x: number; y: number };
}

/** What the card needs from the page. */
export interface CardPageLink {
  /** Every mention of an entry on the page, in document order. */
  mentions(entry: number): readonly Range[];
}

interface View {
  entry: number;
  /** Which of the entry's mentions the card points at, -1 for none (an entry reached through a link). */
  mention: number;
}

const GAP = 6;
const MARGIN = 8;

/**
 * The card is bounded by the viewport alone. It is fixed, so no ancestor
 * of the page clips it; Floating UI would otherwise take a dialog holding
 * the host (card-host.ts) for one, not knowing the host is in the top layer.
 */
const VIEWPORT_ONLY: Element[] = [];

export class CardController {
  readonly #host: CardHost;
  #frame: HTMLElement | null = null;
  #card: HTMLElement | null = null;
  #anchor: Range | null = null;
  #pointer: OpenOptions['pointer'];
  #view: View | null = null;
  #history: View[] = [];
  #source: OpenSource = 'hover';
  #pinned = false;
  #returnFocus: HTMLElement | null = null;
  #focusWhenPlaced = false;
  #restoringFocus = false;
  /** The room the card had when last placed by its mention: pinned, it keeps that while the viewport allows. */
  #room: Size | null = null;
  /** Stops what keeps the card placed: following its mention or, pinned, keeping it in view. */
  #stopTracking: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly page: CardPageLink,
    private readonly signal: AbortSignal,
  ) {
    this.#host = CardHost.for(doc);
    doc.addEventListener('keydown', (event) => this.#onKeydown(event), { capture: true, signal });
    doc.addEventListener('pointerdown', (event) => this.#onPointerdownOutside(event), { capture: true, signal });
    signal.addEventListener(
      'abort',
      () => {
        this.hide();
        this.#host.destroy();
      },
      { once: true },
    );
  }

  get isOpen(): boolean {
    return this.#frame !== null;
  }

  /** The range the card is placed by. */
  get anchor(): Range | null {
    return this.#anchor;
  }

  /** The card's outermost element, for hover tracking. */
  get element(): HTMLElement | null {
    return this.#frame;
  }

  /** How the open card was opened. */
  get source(): OpenSource | null {
    return this.#frame ? this.#source : null;
  }

  /** The global entry number on show, as annotations carry it. (A CardEntry is looked up by id.) */
  show(entry: number | CardEntry, anchor: Range, options: OpenOptions = { source: 'hover' }): void {
    if (this.signal.aborted) return;
    const index = typeof entry === 'number' ? entry : findEntryById(entry.id);
    if (!getEntry(index)) return;
    const passive = options.source === 'hover' || options.source === 'touch' || options.source === 'focus';
    // A card whose host left the page (inside a dialog the page removed) is gone for the reader.
    if (this.#frame && !this.#frame.isConnected) this.hide({ restoreFocus: false });
    // A pinned card stays until the reader closes it; pointing elsewhere does not replace it.
    if (this.#pinned && passive) return;
    if (this.#frame && this.#anchor === anchor && this.#view?.entry === index && this.#history.length === 0) {
      if (options.source === 'keyboard') this.#takeFocus();
      return;
    }
    const returnFocus = this.#frame ? this.#returnFocus : null;
    this.hide({ restoreFocus: false });
    this.#returnFocus = returnFocus;
    this.#anchor = anchor;
    this.#pointer = options.pointer;
    this.#source = options.source;
    this.#view = { entry: index, mention: this.#mentionIndex(index, anchor) };
    this.#history = [];
    this.#open();
    if (options.source === 'keyboard') this.#takeFocus();
  }

  /** Closes the card if the pointer opened it and it is not pinned: the grace period ended. */
  dismissFromPointer(): void {
    if (!this.#frame || this.#pinned) return;
    if (this.#source !== 'hover' && this.#source !== 'touch') return;
    if (this.#containsFocus()) return;
    this.hide();
  }

  hide({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (!this.#frame) return;
    const hadFocus = this.#containsFocus();
    this.#stopTracking?.();
    this.#stopTracking = null;
    this.#frame.remove();
    this.#host.release();
    this.#frame = null;
    this.#card = null;
    this.#anchor = null;
    this.#room = null;
    this.#view = null;
    this.#history = [];
    this.#pinned = false;
    this.#focusWhenPlaced = false;
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (restoreFocus && hadFocus && target?.isConnected) {
      this.#restoringFocus = true;
      try {
        target.focus({ preventScroll: true });
      } finally {
        this.#restoringFocus = false;
      }
    }
  }

  /** True while the card hands focus back to the page (that focus is not the reader moving on). */
  get isRestoringFocus(): boolean {
    return this.#restoringFocus;
  }

  // --- building and updating -------------------------------------------------

  #open(): void {
    const frame = this.doc.createElement('div');
    frame.className = 'frame';
    frame.dataset.theme = pageTheme(this.doc, this.#anchor);
    frame.addEventListener('click', (event) => this.#onClick(event), { signal: this.signal });
    frame.addEventListener('pointerdown', (event) => this.#startDrag(event), { signal: this.signal });
    const root = this.#host.root;
    // The mention's dialog closing leaves the card nowhere to be seen, pinned or not.
    this.#host.placeFor(this.#anchor?.startContainer ?? null, () => this.hide());
    root.append(frame);
    this.#frame = frame;
    this.#render();
    this.#follow();
  }

  #render(): void {
    const frame = this.#frame;
    const view = this.#view;
    const entry = view && getEntry(view.entry);
    const header = view && headerOf(view.entry);
    if (!frame || !view || !entry || !header) return;
    const focused = this.#focusedControl();
    const mentions = this.page.mentions(view.entry);
    const card = renderCard(this.doc, {
      entry,
      header,
      nameOf: (id) => {
        const related = getEntry(findEntryById(id));
        return related && displayName(related);
      },
      mentions: { count: mentions.length, current: view.mention },
      canGoBack: this.#history.length > 0,
      pinned: this.#pinned,
    });
    if (this.#card) {
      // Same room as before until the next placement measures again (a pinned card is not re-placed).
      card.style.maxHeight = this.#card.style.maxHeight;
      card.style.maxWidth = this.#card.style.maxWidth;
      this.#card.replaceWith(card);
    } else {
      frame.append(card);
    }
    this.#card = card;
    if (focused) this.#refocus(card, focused);
  }

  #onClick(event: MouseEvent): void {
    const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action], [data-ref]');
    if (!target || !this.#view) return;
    const ref = target.dataset.ref;
    if (ref !== undefined) {
      this.#navigate(ref);
      return;
    }
    this.#act(target.dataset.action as CardAction);
  }

  #act(action: CardAction): void {
    switch (action) {
      case 'close':
        this.hide();
        return;
      case 'pin':
        this.#setPinned(!this.#pinned);
        return;
      case 'back': {
        const previous = this.#history.pop();
        if (previous) this.#showView(previous);
        return;
      }
      case 'next-mention':
      case 'previous-mention':
        this.#stepMention(action === 'next-mention' ? 1 : -1);
        return;
    }
  }

  /** Opens a related entry in the same card; Back returns. */
  #navigate(id: string): void {
    const entry = findEntryById(id);
    if (entry === -1 || !this.#view) return;
    this.#history.push(this.#view);
    this.#showView({ entry, mention: -1 });
  }

  /** Shows another view in the open card (a related entry, or Back), from its top. */
  #showView(view: View): void {
    this.#view = view;
    this.#render();
    this.#frame?.querySelector('.card')?.scrollTo({ top: 0 });
  }

  /** Scrolls the page to the entry's next or previous mention and points the card at it. */
  #stepMention(step: 1 | -1): void {
    const view = this.#view;
    if (!view) return;
    const mentions = this.page.mentions(view.entry);
    if (mentions.length === 0) return;
    const from = view.mention === -1 ? (step === 1 ? -1 : 0) : view.mention;
    const index = (from + step + mentions.length) % mentions.length;
    const range = mentions[index]!;
    scrollToMention(range);
    this.#view = { entry: view.entry, mention: index };
    this.#anchor = range;
    this.#pointer = undefined;
    this.#render();
    // A pinned card stays where the reader put it; otherwise it follows the mention.
    if (!this.#pinned) this.#follow();
  }

  #setPinned(pinned: boolean): void {
    this.#pinned = pinned;
    this.#frame?.toggleAttribute('data-pinned', pinned);
    if (pinned) {
      this.#keepPinnedInView();
      if (this.#frame) this.#frame.style.visibility = '';
    } else {
      this.#follow();
    }
    this.#render();
  }

  // --- placement ------------------------------------------------------------------

  /** Keeps the card by its mention as the page scrolls, resizes or reflows. */
  #follow(): void {
    this.#stopTracking?.();
    this.#stopTracking = null;
    const frame = this.#frame;
    const anchor = this.#anchor;
    if (!frame || !anchor) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    this.#stopTracking = autoUpdate(reference, frame, () => void this.#place(reference, frame, anchor), { animationFrame: false });
  }

  async #place(reference: VirtualElement, frame: HTMLElement, anchor: Range): Promise<void> {
    if (this.#pinned || this.#frame !== frame) return;
    if (anchor.collapsed || !anchor.startContainer.isConnected) {
      // The text the card explains is gone (the page removed it: its range
      // collapsed; or it was read again: its range left the page): an
      // unpinned card goes too, giving focus back.
      this.hide();
      return;
    }
    const { x, y, middlewareData } = await computePosition(reference, frame, {
      strategy: 'fixed',
      placement: placementFor(anchor, frame),
      middleware: [
        inline(this.#pointer),
        offset(GAP),
        // The side with more room wins when neither fits the whole card...
        flip({ padding: MARGIN, boundary: VIEWPORT_ONLY, fallbackStrategy: 'bestFit' }),
        // ...and the card then scrolls inside rather than covering the text it explains.
        size({
          padding: MARGIN,
          boundary: VIEWPORT_ONLY,
          apply: ({ availableHeight, availableWidth }) => {
            this.#room = { width: Math.max(200, Math.floor(availableWidth)), height: Math.max(120, Math.floor(availableHeight)) };
            this.#setRoom(this.#room);
          },
        }),
        shift({ padding: MARGIN, boundary: VIEWPORT_ONLY }),
        hide(),
      ],
    });
    if (this.#frame !== frame || this.#pinned) return;
    frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    // Out of view with its mention, back with it.
    frame.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : '';
    frame.dataset.placed = '';
    if (this.#focusWhenPlaced) {
      this.#focusWhenPlaced = false;
      this.#card?.focus({ preventScroll: true });
    }
  }

  /** Caps the card's size (a scrollbar inside takes the rest). */
  #setRoom(room: Size): void {
    const card = this.#card;
    if (!card) return;
    // Within the stylesheet's own cap (32em): an inline length alone would replace it.
    card.style.maxHeight = `min(32em, ${room.height}px)`;
    card.style.maxWidth = `${room.width}px`;
  }

  /** A pinned card stays where the reader put it, unless the viewport shrinks from under it. */
  #keepPinnedInView(): void {
    this.#stopTracking?.();
    this.#stopTracking = null;
    const frame = this.#frame;
    if (!frame) return;
    const tracking = new AbortController();
    keepPinnedInView(frame, { room: this.#room, margin: MARGIN, setRoom: (room) => this.#setRoom(room) }, tracking.signal);
    this.#stopTracking = () => tracking.abort();
  }

  // --- pinning by dragging ---------------------------------------------------------

  #startDrag(event: PointerEvent): void {
    const frame = this.#frame;
    if (!frame || !isDragStart(event)) return;
    event.preventDefault();
    // Moving the card is choosing where it stays (a press that does not move it is no choice).
    dragFrame(frame, event, this.signal, () => {
      if (!this.#pinned) this.#setPinned(true);
    });
  }

  // --- keys, focus and dismissal -------------------------------------------------

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Tab') {
      this.#onTab(event);
      return;
    }
    const frame = this.#frame;
    // An Escape that ends an input method's composition is the input's.
    if (event.key !== 'Escape' || !frame || event.isComposing) return;
    // A card out of sight (its mention scrolled away) closes, and the page keeps its key.
    const seen = frame.style.visibility !== 'hidden' && (frame.hasAttribute('data-placed') || frame.hasAttribute('data-pinned'));
    this.hide();
    if (!seen) return;
    // The page never sees an Escape that was meant for the card: the topmost layer closes first.
    event.stopPropagation();
    event.preventDefault();
  }

  /**
   * Tab past the card's last control (or Shift+Tab before its first) leaves
   * the card: it closes and focus goes back where the reader was. The card
   * sits at the end of the document, where the browser would send focus on
   * to its own toolbar, far from the mention.
   */
  #onTab(event: KeyboardEvent): void {
    const frame = this.#frame;
    if (!frame || !this.#containsFocus() || !this.#returnFocus?.isConnected) return;
    const controls = [...frame.querySelectorAll<HTMLElement>('button, a[href]')].filter((c) => !c.hidden && c.getClientRects().length > 0);
    const active = this.#host.root.activeElement;
    const leaving = event.shiftKey ? active === this.#card || active === controls[0] : active === controls[controls.length - 1];
    if (!leaving) return;
    event.preventDefault();
    event.stopPropagation();
    this.hide();
  }

  #onPointerdownOutside(event: PointerEvent): void {
    if (!this.#frame || this.#pinned) return;
    if (event.composedPath().includes(this.#frame)) return;
    // A tap on a mention is hover.ts's business (it opens that mention's card).
    if (event.pointerType === 'touch') return;
    this.hide();
  }

  #takeFocus(): void {
    const card = this.#card;
    if (!card) return;
    if (!this.#returnFocus) {
      const active = deepActiveElement(this.doc);
      this.#returnFocus = active instanceof HTMLElement && !this.#frame?.contains(active) ? active : null;
    }
    // A card that is not placed yet is still invisible, and invisible elements take no focus.
    if (this.#frame?.hasAttribute('data-placed')) card.focus({ preventScroll: true });
    else this.#focusWhenPlaced = true;
  }

  #containsFocus(): boolean {
    const active = this.#host.host ? this.#host.root.activeElement : null;
    return active !== null && this.#frame?.contains(active) === true;
  }

  /** The focused control's key (its action or ref), so a re-render can keep focus on it. */
  #focusedControl(): string | null {
    if (!this.#containsFocus()) return null;
    const active = this.#host.root.activeElement as HTMLElement;
    return active.dataset.action ? `action:${active.dataset.action}` : active.dataset.ref ? 'ref' : 'card';
  }

  #refocus(card: HTMLElement, key: string): void {
    const target = key.startsWith('action:') ? card.querySelector<HTMLElement>(`[data-action="${key.slice(7)}"]`) : null;
    (target ?? card).focus({ preventScroll: true });
  }

  #mentionIndex(entry: number, anchor: Range): number {
    return this.page.mentions(entry).findIndex((range) => range === anchor || sameRange(range, anchor));
  }
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset
  );
}

/**
 * The card lines up with the start of the text it explains: its left edge
 * in left-to-right text, its right edge in right-to-left text, whatever the
 * card's own direction (which follows the UI language).
 */
function placementFor(anchor: Range, frame: HTMLElement): Placement {
  const element = anchor.startContainer.parentElement;
  const textRtl = element ? getComputedStyle(element).direction === 'rtl' : false;
  const cardRtl = getComputedStyle(frame).direction === 'rtl';
  return textRtl === cardRtl ? 'bottom-start' : 'bottom-end';
}

function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
