/**
 * Backstory on one page: keeps the annotations in step with the settings,
 * draws them, opens cards, and answers the popup.
 */
import browser from 'webextension-polyfill';
import { annotatePage, type AnnotatedPage } from './annotator.ts';
import { AnnotationLookup } from './hit-test.ts';
import { trackHover } from './hover.ts';
import { CardController } from './card/card-controller.ts';
import { HighlightApiRenderer } from './highlights/highlight-api-renderer.ts';
import { findEntryById, getBundle, getEntry } from './dataset.ts';
import type { Annotation } from './annotation.ts';
import type { ContentContext } from './context.ts';
import type { Renderer } from './highlights/renderer.ts';
import { isSiteEnabled, type Settings } from '../shared/settings-schema.ts';
import type { AnnotationsReply, ContentRequest, PageAnnotation } from '../shared/messages.ts';

export class PageController {
  readonly #renderer: Renderer = new HighlightApiRenderer();
  readonly #card: CardController;
  #page: AnnotatedPage = { all: [], shown: [] };
  #lookup: AnnotationLookup | null = null;
  #settings: Settings;

  constructor(
    private readonly doc: Document,
    private readonly context: ContentContext,
    settings: Settings,
  ) {
    this.#settings = settings;
    this.#card = new CardController(
      doc,
      {
        get header() {
          return getBundle().header;
        },
        nameOf: (id) => {
          const entry = getEntry(findEntryById(id));
          return entry ? (entry.type === 'claim' ? entry.statement : entry.name) : undefined;
        },
      },
      context.signal,
    );
    const controller = this;
    trackHover(doc, context, {
      get lookup() {
        return controller.#lookup;
      },
      open: (annotation) => this.openCard(annotation),
      close: () => this.#card.hide(),
      cardElement: () => this.#card.element,
    });
    context.onAbort(() => this.#clear());
    this.refresh();
  }

  get annotations(): readonly Annotation[] {
    return this.#page.all;
  }

  updateSettings(settings: Settings): void {
    this.#settings = settings;
    this.refresh();
  }

  /** Re-reads the page and redraws, or clears everything when Backstory is off here. */
  refresh(): void {
    this.#clear();
    if (!isSiteEnabled(this.#settings, location.hostname)) {
      this.#reportCount();
      return;
    }
    this.#page = annotatePage(this.doc, this.#settings);
    this.#renderer.render(this.#page.shown, this.#settings.highlightStyle);
    this.#lookup = new AnnotationLookup(this.#page.shown);
    this.#reportCount();
  }

  openCard(annotation: Annotation): void {
    const entry = getEntry(annotation.entry);
    if (entry) this.#card.show(entry, annotation.range);
  }

  handleMessage(message: ContentRequest): AnnotationsReply | undefined {
    switch (message.type) {
      case 'get-annotations':
        return { type: 'annotations', url: location.href, annotations: this.#summary() };
      case 'reveal-annotation': {
        const entry = findEntryById(message.id);
        const annotation = this.#page.all.find((a) => a.entry === entry);
        if (annotation) this.#reveal(annotation);
        return undefined;
      }
      case 'step-annotation': {
        const shown = this.#page.shown;
        if (shown.length === 0) return undefined;
        const current = this.#card.anchor ? shown.findIndex((a) => a.range === this.#card.anchor) : -1;
        const step = message.direction === 'next' ? 1 : -1;
        const index = current === -1 ? (step === 1 ? 0 : shown.length - 1) : (current + step + shown.length) % shown.length;
        this.#reveal(shown[index]!);
        return undefined;
      }
    }
  }

  #reveal(annotation: Annotation): void {
    const target = annotation.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.openCard(annotation);
  }

  #summary(): PageAnnotation[] {
    const byEntry = new Map<number, PageAnnotation>();
    for (const annotation of this.#page.all) {
      const existing = byEntry.get(annotation.entry);
      if (existing) {
        existing.count++;
        continue;
      }
      const entry = getEntry(annotation.entry);
      if (!entry) continue;
      byEntry.set(annotation.entry, {
        id: entry.id,
        name: entry.type === 'claim' ? entry.statement : entry.name,
        category: annotation.category,
        count: 1,
      });
    }
    return [...byEntry.values()];
  }

  #clear(): void {
    this.#card.hide();
    this.#renderer.clear();
    this.#lookup = null;
    this.#page = { all: [], shown: [] };
  }

  #reportCount(): void {
    if (!this.context.isValid) return;
    const count = new Set(this.#page.all.map((a) => a.entry)).size;
    browser.runtime.sendMessage({ type: 'annotation-count', count }).catch(() => {
      // The background may be asleep or the extension reloading; the count is cosmetic.
    });
  }
}
