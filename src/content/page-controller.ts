/**
 * Backstory on one page: reads it, draws what the matcher finds, follows the
 * page as it changes, keeps in step with the settings, opens cards and
 * answers the popup.
 *
 * While Backstory is on for the page, everything that annotates it (the
 * scheduler, the page observer, the renderer, the card, hover and keyboard
 * listeners, the navigation watch) belongs to one `Running` state with its
 * own child context; turning Backstory off aborts that context and undraws,
 * leaving the page as it was.
 */
import browser from 'webextension-polyfill';
import { Annotator, type MatchSource } from './annotator.ts';
import { AnnotationStore } from './annotation-store.ts';
import { AnnotationLookup } from './hit-test.ts';
import { trackHover } from './hover.ts';
import { CardController, type OpenOptions } from './card/card-controller.ts';
import { HighlightApiRenderer, highlightApiAvailable } from './highlights/highlight-api-renderer.ts';
import { WrapRenderer } from './highlights/wrap-renderer.ts';
import { KeyboardNavigation } from './keyboard-navigation.ts';
import { NavigationWatch } from './navigation-watch.ts';
import { PageObserver, hasAncestorIn, type PageChange } from './page-observer.ts';
import { readPage, readScopes, rereadPage, type PageReader } from './page-scan.ts';
import { blocksToReread, findRoots, isReadable, outermost, type CollectOptions } from './page-text.ts';
import { SliceScheduler, inTurn } from './scheduler.ts';
import { cardsReady, categoryOfEntry, findEntryById, getEntry, getMatcher, isDatasetLoaded, loadDataset, onDatasetChange } from './dataset.ts';
import { isContextInvalidated, isExtensionAlive, type ContentContext } from './context.ts';
import type { Annotation } from './annotation.ts';
import { rendererFor, type Renderer } from './highlights/renderer.ts';
import { displayName } from './card/card-view.ts';
import { MARK_FIRST_HIGHLIGHT, MARK_SETTLED, markTimeline } from './timeline-marks.ts';
import { loadSettings } from '../shared/settings.ts';
import { isSiteEnabled, type Settings } from '../shared/settings-schema.ts';
import type { AnnotationsReply, BackgroundRequest, ContentRequest, PageAnnotation } from '../shared/messages.ts';

const matchSource: MatchSource = {
  session: (knowing) => getMatcher().session(knowing),
  categoryOf: categoryOfEntry,
};

interface Running {
  lifetime: ContentContext;
  scheduler: SliceScheduler;
  observer: PageObserver;
  renderer: Renderer;
  card: CardController;
  keyboard: KeyboardNavigation;
  navigation: NavigationWatch;
  /** The matcher session of the page as it is now. */
  annotator: Annotator;
  roots: Element[];
  /** A revisit is queued; one is enough. */
  revisiting: boolean;
  /** Counts #read calls, so that a cancelled reading's end never clears the state of the one that replaced it. */
  reads: number;
  /** The store a revisit is filling, until it takes over; what leaves the page leaves it too. */
  pending: AnnotationStore | null;
  /** Until then, what the page adds belongs to the article just navigated to (see #onPageChange). */
  freshUntil: number;
  /** Parts of the page a queued job will read, once its turn comes (see #onPageChange). */
  queuedScopes: Set<Element>;
  /** When a huge change last made the page be read anew, and the deferred one waiting (#refreshAfterHugeChange). */
  lastHugeRefresh: number;
  cancelDeferredRefresh: (() => void) | null;
}

/**
 * After a single-page navigation, the new article usually arrives a moment
 * later (fetched, then rendered). Changes within this window are read as a
 * new page, with a fresh matcher session, rather than as additions to the
 * article that was there before.
 */
const NAVIGATION_SETTLE_MS = 1_000;

/** A huge change this soon after the last one read anew... */
const HUGE_REPEAT_MS = 2_000;
/** ...waits until the page has had none for this long. */
const HUGE_QUIET_MS = 500;

export class PageController {
  #store = new AnnotationStore();
  #settings: Settings;
  #run: Running | null = null;
  /** What is drawn, in document order; null when only added to since (see #shownNow). */
  #shown: Annotation[] | null = [];
  #lookup: AnnotationLookup | null = null;
  #firstDrawn = false;
  #rounds = 0;
  #reportedCount = -1;
  #reportedError = false;

  constructor(
    private readonly doc: Document,
    private readonly context: ContentContext,
    settings: Settings,
  ) {
    this.#settings = settings;
    // Back/forward cache: a page put away keeps no card open, and one brought
    // back catches up with settings changed meanwhile (or finds the extension gone).
    window.addEventListener(
      'pagehide',
      (event) => {
        if (event.persisted) this.#run?.card.hide();
      },
      { signal: context.signal },
    );
    window.addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted && context.isValid) void loadSettings().then((next) => context.isValid && this.updateSettings(next));
      },
      { signal: context.signal },
    );
    context.onAbort(() => this.#stop());
    // Imported datasets load from storage after the first pass; the page is annotated again with them.
    onDatasetChange(() => this.refresh(), context.signal);
    if (this.#isOn(settings)) this.#start();
    else this.#report();
  }

  /** Every annotation on the page, drawn or not, in document order. */
  get annotations(): readonly Annotation[] {
    return this.#store.all;
  }

  updateSettings(next: Settings): void {
    const previous = this.#settings;
    this.#settings = next;
    if (!this.#isOn(next)) {
      this.#stop();
      this.#report();
      return;
    }
    const run = this.#run;
    if (!run) {
      this.#start();
      return;
    }
    const changedDom = run.renderer.changesDom;
    if (next.renderer !== previous.renderer) {
      run.keyboard.leave();
      run.renderer.clear();
      run.renderer = this.#createRenderer(run.observer);
    }
    if (next.highlightStyle !== previous.highlightStyle) run.renderer.setStyle(next.highlightStyle);
    if (next.scope !== previous.scope) this.refresh();
    else if (!changedDom && run.renderer.changesDom && run.scheduler.busy) {
      // A reading under way hands its batches over as the Highlight API takes
      // them; the wrap renderer needs long blocks whole, and a revisit of its
      // own (#reread). Start that reading again for it, without wrapping
      // everything first only to unwrap it.
      this.#read(run.revisiting ? 'revisit' : 'restart');
    } else {
      this.#redraw();
    }
  }

  /** Reads the whole page again with a fresh matcher session. */
  refresh(): void {
    if (this.#run) this.#read('restart');
  }

  openCard(annotation: Annotation, options?: OpenOptions): void {
    this.#run?.card.show(annotation.entry, annotation.range, options);
  }

  async handleMessage(message: ContentRequest): Promise<AnnotationsReply | undefined> {
    switch (message.type) {
      case 'get-annotations':
        // Entries come from the card bundle, which can arrive a moment after the highlights.
        await cardsReady().catch(() => undefined);
        return { type: 'annotations', url: location.href, annotations: this.#summary() };
      case 'reveal-annotation': {
        await cardsReady().catch(() => undefined);
        const entry = findEntryById(message.id);
        const annotation = this.#store.all.find((a) => a.entry === entry);
        if (annotation) this.#run?.keyboard.reveal(annotation, { source: 'popup' });
        return undefined;
      }
      case 'step-annotation':
        this.#run?.keyboard.step(message.direction);
        return undefined;
    }
  }

  #isOn(settings: Settings): boolean {
    return isSiteEnabled(settings, location.hostname);
  }

  #collectOptions(): CollectOptions {
    return { wholePage: this.#settings.scope === 'page' };
  }

  #start(): void {
    if (!isDatasetLoaded()) {
      this.#startWhenLoaded();
      return;
    }
    const lifetime = this.context.child();
    const doc = this.doc;
    const scheduler = new SliceScheduler(
      lifetime.signal,
      () => this.#settled(),
      (error) => this.#fail(error),
    );
    const observer = new PageObserver(doc, lifetime, {
      immediate: (records) => {
        const renderer = this.#run?.renderer;
        if (renderer instanceof WrapRenderer) renderer.repair(records);
      },
      batch: (change) => this.#onPageChange(change),
    });
    // The card counts and steps through every mention of its entry, highlighted or not.
    const card = new CardController(
      doc,
      { mentions: (entry) => this.#store.all.filter((a) => a.entry === entry).map((a) => a.range) },
      lifetime.signal,
    );
    const keyboard = new KeyboardNavigation(lifetime, {
      annotations: () => this.#shownNow(),
      focus: (annotation) => this.#run?.renderer.setFocus(annotation),
      open: (annotation, options) => this.openCard(annotation, options),
    });
    const navigation = new NavigationWatch(lifetime, () => {
      if (this.#run) this.#run.freshUntil = performance.now() + NAVIGATION_SETTLE_MS;
      this.refresh();
    });
    const run: Running = {
      lifetime,
      scheduler,
      observer,
      renderer: this.#createRenderer(observer),
      card,
      keyboard,
      navigation,
      annotator: new Annotator(doc, matchSource),
      roots: [],
      revisiting: false,
      reads: 0,
      pending: null,
      freshUntil: 0,
      queuedScopes: new Set(),
      lastHugeRefresh: -Infinity,
      cancelDeferredRefresh: null,
    };
    this.#run = run;
    const controller = this;
    trackHover(doc, lifetime, {
      get lookup() {
        return controller.#getLookup();
      },
      card,
      open: (annotation, options) => this.openCard(annotation, options),
      annotationIn: (element) => this.#shownNow().find((a) => element.contains(a.range.startContainer)) ?? null,
    });
    this.#read('restart');
  }

  /** The bundled dataset comes from storage (dataset.ts): reading starts when it is here, if Backstory is still on. */
  #startWhenLoaded(): void {
    loadDataset().then(
      () => {
        if (this.context.isValid && !this.#run && this.#isOn(this.#settings)) this.#start();
      },
      (error: unknown) => {
        if (!isExtensionAlive() || !this.context.isValid) {
          this.context.abort(); // the extension went away meanwhile: a shutdown
          return;
        }
        // Not a shutdown: say so, and keep listening (a settings change tries again).
        console.error('Backstory: the dataset could not be loaded, so this page is not annotated:', error);
      },
    );
  }

  /** Undoes #start: listeners, observer, scheduled work and card go with the context; then the drawing. */
  #stop(): void {
    const run = this.#run;
    if (!run) return;
    this.#run = null;
    run.lifetime.abort();
    // The annotations go first: the renderer then has no ranges to keep on their text (wrap-renderer.ts).
    this.#store.clear();
    run.renderer.clear();
    this.#shown = [];
    this.#lookup = null;
    this.#firstDrawn = false;
  }

  /** The renderer the settings ask for, if the browser has what it needs. */
  #createRenderer(observer: PageObserver): Renderer {
    const style = this.#settings.highlightStyle;
    if (rendererFor(this.#settings.renderer, highlightApiAvailable()) === 'highlight-api') return new HighlightApiRenderer(style);
    return new WrapRenderer(this.doc, style, {
      quietly: (change) => observer.quietly(change),
      touching: (node) => this.#store.touching(node),
      all: () => this.#store.all,
    });
  }

  /**
   * Reads the whole page. "restart": a new page (first run, navigation, new
   * settings); what was drawn goes at once and the new reading shows as it
   * comes, visible text first. "revisit": the matcher asked to read the page
   * again, knowing what the first reading saw; what is drawn stays until the
   * new reading replaces it whole (except with the wrap renderer, which must
   * unwrap before reading).
   */
  #read(mode: 'restart' | 'revisit'): void {
    const run = this.#run;
    if (!run) return;
    run.scheduler.cancel();
    run.queuedScopes.clear(); // their jobs went with the cancel; this reading covers them
    const read = ++run.reads;
    run.revisiting = mode === 'revisit';
    run.pending = null;
    const options = this.#collectOptions();
    const annotator = new Annotator(this.doc, matchSource, mode === 'revisit' ? run.annotator : undefined);
    run.roots = findRoots(this.doc, options);
    let clearing: Generator<void, void> | undefined;
    if (mode === 'restart' || run.renderer.changesDom) {
      run.annotator = annotator;
      this.#store.clear();
      // The wrap renderer gives the text back step by step, before the reading starts.
      clearing = run.renderer.clearInSteps?.();
      this.#redraw();
    }
    if (mode === 'restart') this.#firstDrawn = false;
    const reading =
      mode === 'revisit'
        ? this.#reread(run, annotator, options)
        : readPage(run.roots, options, annotator, this.#drawingReader(run));
    const job = clearing ? inTurn(clearing, reading) : reading;
    void run.scheduler.run(job, mode === 'revisit' ? 'background' : 'visible').then((finished) => {
      if (run.reads === read) run.revisiting = false;
      if (finished && mode === 'restart') this.#revisitIfAsked(run, annotator);
    });
  }

  /**
   * The revisit's job: a new store filled piece by piece, which takes over
   * when the page has been read. What is found again keeps its annotation
   * object, so the renderer then touches only what changed. The wrap
   * renderer has unwrapped everything already (#read): there the new
   * reading is drawn as it comes, as on a first reading, rather than
   * wrapped all at once at the end.
   */
  #reread(run: Running, annotator: Annotator, options: CollectOptions): Generator<unknown, void> {
    if (run.renderer.changesDom) return rereadPage(run.roots, options, annotator, this.#drawingReader(run), () => {});
    const next = new AnnotationStore();
    run.pending = next;
    const add = (found: Annotation[]) => next.add(found.map((a) => this.#store.equalOf(a) ?? a));
    return rereadPage(run.roots, options, annotator, { add }, () => {
      run.pending = null;
      this.#store = next;
      run.annotator = annotator;
      this.#redraw();
    });
  }

  /**
   * A reader that adds what each batch finds and draws it at once. A
   * renderer that changes the DOM gets a long block's annotations only when
   * all its pieces are read: drawing the first piece would split the text
   * node, and the later pieces would look stale (page-scan.ts).
   */
  #drawingReader(run: Running): PageReader {
    return {
      add: (found) => {
        const fresh = this.#store.add(found);
        run.renderer.adopt?.(fresh);
        // Every mention shown: what is drawn only grows, so draw the new ones
        // alone (a page can hold tens of thousands, and a full draw per batch
        // was a long task there). With first mentions only, a new one can
        // displace another: draw it all again, it is one per entry.
        const renderer = run.renderer;
        if (this.#settings.mentions === 'all' && renderer.drawMore) {
          renderer.drawMore(fresh.filter((a) => this.#settings.categories[a.category]));
          this.#shown = null;
          this.#lookup = null;
          this.#markFirstDrawn();
        } else {
          this.#redraw();
        }
      },
      wholeBlocks: run.renderer.changesDom,
    };
  }

  /**
   * Removes annotations from the store, and from the one a revisit is
   * filling (which takes over later and must not bring them back); true
   * when the store lost some.
   */
  #remove(run: Running, which: (store: AnnotationStore) => Annotation[]): boolean {
    if (run.pending) which(run.pending);
    return which(this.#store).length > 0;
  }

  /** The matcher saw context that earlier batches waited for: read the page again, once. */
  #revisitIfAsked(run: Running, annotator: Annotator): void {
    if (this.#run !== run || run.annotator !== annotator || !annotator.wantsRevisit || run.revisiting) return;
    this.#read('revisit');
  }

  /** Follows one frame's worth of page changes. */
  #onPageChange(change: PageChange): void {
    const run = this.#run;
    if (!run) return;
    if (run.navigation.check()) return; // a new article: reading it has started
    const options = this.#collectOptions();
    const structural = change.removed || change.added.some((node) => node.nodeType === Node.ELEMENT_NODE);
    // The article was replaced, or content arrived just after a navigation: a new page.
    const replaced = structural && (run.roots.some((root) => !root.isConnected) || performance.now() < run.freshUntil);
    if (change.huge && !replaced) {
      this.#refreshAfterHugeChange(run);
      return;
    }
    if (replaced) {
      this.refresh();
      return;
    }
    let dropped = change.removed ? this.#remove(run, (store) => store.removeStale()) : false;
    // Text the page rewrote: its mentions go at once (their ranges no longer
    // cover what was found: one that ran on into the next node would now
    // cover the new text), and the job below reads the block again.
    if (change.changedText.length > 0) {
      const rewritten = change.changedText;
      dropped =
        this.#remove(run, (store) => {
          // By the store's index of text nodes: most frames rewrite text that holds no mention.
          const doomed = new Set(rewritten.flatMap((node) => store.touching(node)));
          return doomed.size === 0 ? [] : store.remove((a) => doomed.has(a));
        }) || dropped;
    }

    // Articles come and go (infinite scroll, a longer article replacing a teaser as the largest).
    const roots = structural ? findRoots(this.doc, options) : run.roots;
    const newRoots = roots.filter((root) => !run.roots.includes(root));
    if (run.roots.some((root) => !roots.includes(root))) {
      dropped = this.#remove(run, (store) => store.remove((a) => !roots.some((root) => root.contains(a.nodes[0]!)))) || dropped;
    }
    run.roots = roots;

    // Shown or hidden ("Read more"): read again where it can be read, forget where it cannot.
    const toggled: Node[] = [];
    for (const element of change.toggled) {
      if (!roots.some((root) => root.contains(element))) continue;
      if (isReadable(element, roots, options)) toggled.push(element);
      else if (this.#remove(run, (store) => store.removeWithin(element))) dropped = true;
    }

    const scopes = outermost([...newRoots, ...blocksToReread([...change.added, ...change.changedText, ...toggled], roots, options)]);
    if (run.renderer.changesDom) {
      // The wrap renderer's text must be back in the page's nodes before they are read again.
      for (const scope of scopes) if (this.#remove(run, (store) => store.removeWithin(scope))) dropped = true;
    }
    if (dropped) this.#redraw();
    // A part already waiting for its turn is read then: the same change frame
    // after frame (a class the page toggles as it scrolls) queues one reading.
    const waiting = run.queuedScopes;
    const fresh = scopes.filter((scope) => !isWithin(scope, waiting));
    if (fresh.length === 0) return;
    for (const scope of fresh) waiting.add(scope);
    // Jobs run in turn: the session is the one of the page as it is when this
    // job starts (a revisit queued before it may have replaced it).
    let annotator = run.annotator;
    const controller = this;
    const job = (function* () {
      for (const scope of fresh) waiting.delete(scope);
      annotator = run.annotator;
      yield* readScopes(fresh, options, annotator, (scope, found) => {
        controller.#store.removeWithin(scope);
        const added = controller.#store.add(found);
        run.renderer.adopt?.(added);
        controller.#redraw();
      });
    })();
    void run.scheduler.run(job, 'visible').then((finished) => finished && this.#revisitIfAsked(run, annotator));
  }

  /**
   * A change too big to follow piece by piece: the page is read anew. One
   * that comes back soon after (a live table, a ticker rewriting thousands of
   * nodes a second) waits until the page has been quiet for a moment, or the
   * page would be cleared and never finish being read.
   */
  #refreshAfterHugeChange(run: Running): void {
    const now = performance.now();
    const recent = now - run.lastHugeRefresh < HUGE_REPEAT_MS;
    run.cancelDeferredRefresh?.();
    run.cancelDeferredRefresh = null;
    if (!recent) {
      run.lastHugeRefresh = now;
      this.refresh();
      return;
    }
    run.cancelDeferredRefresh = run.lifetime.setTimeout(() => {
      run.cancelDeferredRefresh = null;
      run.lastHugeRefresh = performance.now();
      if (this.#run === run) this.refresh();
    }, HUGE_QUIET_MS);
  }

  /** Draws what the settings ask for, from the store. */
  #redraw(): void {
    const run = this.#run;
    if (!run) return;
    const shown = this.#shownFromStore(run);
    this.#shown = shown;
    run.renderer.draw(shown);
    this.#lookup = null;
    if (run.keyboard.focused && !shown.includes(run.keyboard.focused)) run.keyboard.leave();
    this.#markFirstDrawn();
  }

  /** What is drawn, in document order (computed again after batches that only added). */
  #shownNow(): Annotation[] {
    return (this.#shown ??= this.#run ? this.#shownFromStore(this.#run) : []);
  }

  /** What the settings show of the store, among what the renderer can draw: hover, the card and the keyboard reach only that. */
  #shownFromStore(run: Running): Annotation[] {
    const renderer = run.renderer;
    return this.#store.shown(this.#settings, renderer.canDraw ? (annotation) => renderer.canDraw!(annotation) : undefined);
  }

  #markFirstDrawn(): void {
    if (this.#firstDrawn || this.#shownNow().length === 0) return;
    this.#firstDrawn = true;
    markTimeline(MARK_FIRST_HIGHLIGHT);
  }

  /** Hit-testing index, built on first use after each redraw; the pointer's annotation is painted as active. */
  #getLookup(): AnnotationLookup | null {
    if (!this.#run) return null;
    this.#lookup ??= new AnnotationLookup(this.#shownNow(), (annotation) => this.#run?.renderer.setActive(annotation));
    return this.#lookup;
  }

  #settled(): void {
    const run = this.#run;
    if (!run) return;
    this.#rounds++;
    markTimeline(MARK_SETTLED, {
      round: this.#rounds,
      annotations: this.#store.size,
      shown: this.#shownNow().length,
      longestSliceMs: Math.round(run.scheduler.longestSlice * 10) / 10,
    });
    this.#report();
  }

  /** A job failed: the extension going away is a normal end; anything else is said once. */
  #fail(error: unknown): void {
    if (isContextInvalidated(error) || !this.context.isValid) {
      this.context.abort();
      return;
    }
    if (this.#reportedError) return;
    this.#reportedError = true;
    console.error('Backstory: annotating this page failed:', error);
  }

  /** The popup's "On this page": one line per entry mentioned in an enabled category. */
  #summary(): PageAnnotation[] {
    const summary: PageAnnotation[] = [];
    for (const [number, { category, count }] of this.#store.mentionedEntries(this.#settings.categories)) {
      const entry = getEntry(number);
      if (entry) summary.push({ id: entry.id, name: displayName(entry), category, count });
    }
    return summary;
  }

  /** Tells the background how many entries the page mentions (for the badge), when it changed. */
  #report(): void {
    if (!this.context.isValid) return;
    // Counted without the card bundle, which a page that never opens a card never parses.
    const count = this.#run ? this.#store.mentionedEntries(this.#settings.categories).size : 0;
    if (count === this.#reportedCount) return;
    this.#reportedCount = count;
    const report: BackgroundRequest = { type: 'annotation-count', count };
    browser.runtime.sendMessage(report).catch(() => {
      // The background may be asleep or the extension reloading; the count is cosmetic.
    });
  }
}

/** Is the element, or one of its ancestors, in the set? */
function isWithin(element: Element, set: ReadonlySet<Node>): boolean {
  return set.has(element) || hasAncestorIn(element, set);
}
