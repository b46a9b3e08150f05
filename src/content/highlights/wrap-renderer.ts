/**
 * The fallback renderer: wraps mentions in a custom element, for browsers
 * without the Highlight API or readers who choose it.
 *
 * Pages own their text nodes, and frameworks such as React keep references
 * to them: a text node moved into a wrapper makes React's next
 * `parent.removeChild(node)` throw. So the page's node (the "origin") never
 * moves. It keeps the text before the first mention (possibly none), and the
 * rest is added after it in one `<backstory-wrap>` of ours (display:
 * contents, so it lays out as if its children stood in its place): plain
 * text and `<backstory-mark>` elements. Unwrapping puts the text back into
 * the origin and removes that element, which leaves the DOM exactly as it
 * was; nothing else is merged or normalised.
 *
 * One element per origin, because Chromium updates every live Range of the
 * document on each node removed: with the annotations' ranges alive, taking
 * our nodes out one by one was quadratic. Measured in Chromium 156 on a page
 * of 1,300 paragraphs with 13,000 mentions: turning Backstory off took 15 s,
 * and 1.8 s with one removal per origin. Setting an origin's text and
 * inserting our element cost the same per live range, so a change to many
 * origins first parks the annotations' ranges in a document of our own
 * (#parkRanges), where changes to the page do not reach them, and puts each
 * back afterwards. On that page, with every mention shown, the revisit's
 * unwrapping of all 1,300 paragraphs went from one task of 1.2 s to 50-70 ms
 * (the DOM changes themselves, about 30 ms, are most of what is left).
 *
 * When the page rewrites or removes an origin itself (React setting
 * `nodeValue`), our copies of its old text are stale: `repair` drops them
 * at once, before the next paint, and the page observer reads the new text.
 *
 * Annotations remember where they were found in the origins' text; after
 * every change the renderer re-points their live ranges at the nodes that
 * now hold the text, so hit-testing and cards keep working.
 */
import type { Annotation } from '../annotation.ts';
import type { Renderer } from './renderer.ts';
import type { HighlightStyle } from '../../shared/settings-schema.ts';

export const MARK_TAG = 'backstory-mark';
export const WRAP_TAG = 'backstory-wrap';

export interface WrapHooks {
  /** Runs our own DOM changes so that the page observer does not take them for the page's. */
  quietly(change: () => void): void;
  /** Every annotation, drawn or not, that covers a page text node (their ranges are re-pointed). */
  touching(node: Text): readonly Annotation[];
  /** Every annotation of the page (their ranges are parked during large changes). */
  all(): readonly Annotation[];
}

/**
 * Origins changed at once above which ranges are parked: parking costs two
 * boundary moves per annotation, a change costs one range update per live
 * range and node touched.
 */
const PARK_FROM = 16;

/** Text nodes given back per step of clearInSteps: about 2 ms of DOM changes in Chromium. */
const CLEAR_STEP = 100;

/**
 * A text node longer than this is never split. After a change to its text
 * the browser lays all of it out again: a 2 MB node (a hostile page, or a
 * live blog pasted as one block) took 330-370 ms in Chromium, one long task
 * however few mentions it holds. Its mentions stay undrawn here; the
 * Highlight API renderer draws them without changing the text.
 */
export const MAX_SPLIT_CHARS = 100_000;

/** Where a parked range stood: restored as is unless its annotation is re-pointed. */
interface ParkedRange {
  annotation: Annotation;
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/** A run of an origin's text and the node that holds it now. */
interface Piece {
  node: Text;
  start: number;
  end: number;
}

/** One page text node split by us. */
interface Wrap {
  parent: Node;
  /** What the origin holds while wrapped. */
  prefix: string;
  /** What it held before: put back on unwrapping, even if the page took our element out. */
  original: string;
  /** Our element after the origin, holding the rest: text nodes and marks. */
  box: HTMLElement;
  /** Where each run of the original text lives, the origin's own first. */
  pieces: Piece[];
  marks: Map<Annotation, HTMLElement[]>;
}

interface Span {
  annotation: Annotation;
  start: number;
  end: number;
}

export class WrapRenderer implements Renderer {
  readonly changesDom = true;
  readonly #wraps = new Map<Text, Wrap>();
  readonly #drawn = new Set<Annotation>();
  #style: HighlightStyle;
  #active: Annotation | null = null;
  #focus: Annotation | null = null;
  /** Where ranges are parked (#parkingSpot). */
  #spot: Text | null = null;

  constructor(
    private readonly doc: Document,
    style: HighlightStyle,
    private readonly hooks: WrapHooks,
  ) {
    this.#style = style;
  }

  draw(annotations: readonly Annotation[]): void {
    const next = new Set(annotations);
    const dirty = new Set<Text>();
    const undrawn: Annotation[] = [];
    for (const annotation of this.#drawn) {
      if (next.has(annotation)) continue;
      undrawn.push(annotation);
      for (const node of annotation.nodes) dirty.add(node);
    }
    for (const annotation of next) if (!this.#drawn.has(annotation)) for (const node of annotation.nodes) dirty.add(node);
    this.#drawn.clear();
    for (const annotation of next) this.#drawn.add(annotation);
    if (dirty.size === 0) return;
    this.#change(
      dirty,
      (node) => {
        this.#unwrap(node);
        this.#wrap(node);
      },
      true,
      undrawn,
    );
    this.#mark(this.#active, 'active', true);
    this.#mark(this.#focus, 'focus', true);
  }

  setStyle(style: HighlightStyle): void {
    this.#style = style;
    for (const wrap of this.#wraps.values()) {
      for (const marks of wrap.marks.values()) for (const mark of marks) mark.dataset.style = style;
    }
  }

  setActive(annotation: Annotation | null): void {
    if (annotation === this.#active) return;
    this.#mark(this.#active, 'active', false);
    this.#active = annotation;
    this.#mark(annotation, 'active', true);
  }

  setFocus(annotation: Annotation | null): void {
    this.#mark(this.#focus, 'focus', false);
    this.#focus = annotation;
    this.#mark(annotation, 'focus', true);
  }

  clear(): void {
    this.#change(new Set(this.#wraps.keys()), (node) => this.#unwrap(node), true, this.#forgetDrawn());
  }

  /**
   * clear() as a job (scheduler.ts), for a page read again, whose text must
   * be back before it is read: unwrapping a long page at once was a long
   * task (1,300 paragraphs: 30 ms of DOM changes alone). Nothing counts as
   * drawn from the call on; each step of the job gives up to CLEAR_STEP
   * text nodes back to the page. A node wrapped again meanwhile (by draw)
   * is left alone; one still wrapped when the job is cancelled goes with the
   * next clear.
   */
  clearInSteps(): Generator<void, void> {
    // Now, not in the first step: a job cancelled before it runs would leave them in the page.
    this.#parkDropped(this.#forgetDrawn());
    return this.#unwrapInSteps([...this.#wraps]);
  }

  /** Nothing counts as drawn any more, nor active or focused; returns what was drawn. */
  #forgetDrawn(): Annotation[] {
    this.#mark(this.#active, 'active', false);
    this.#mark(this.#focus, 'focus', false);
    this.#active = null;
    this.#focus = null;
    const undrawn = [...this.#drawn];
    this.#drawn.clear();
    return undrawn;
  }

  *#unwrapInSteps(pending: ReadonlyArray<[Text, Wrap]>): Generator<void, void> {
    for (let i = 0; i < pending.length; i += CLEAR_STEP) {
      const step = new Set<Text>();
      for (const [origin, wrap] of pending.slice(i, i + CLEAR_STEP)) if (this.#wraps.get(origin) === wrap) step.add(origin);
      this.#change(step, (node) => this.#unwrap(node));
      yield;
    }
  }

  /**
   * Annotations found before their text node was split and handed over
   * after (a long block's, given to the store in steps): the split moved
   * their text out of the node their ranges point at. Points them at it.
   */
  adopt(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) if (annotation.nodes.some((node) => this.#wraps.has(node))) this.#repointOne(annotation);
  }

  /** Can this annotation be drawn? Not in a text node too long to split (MAX_SPLIT_CHARS). */
  canDraw(annotation: Annotation): boolean {
    return annotation.nodes.every((node) => node.length <= MAX_SPLIT_CHARS);
  }

  /**
   * Called with the page's own mutations as soon as they happen: where the
   * page rewrote or removed an origin, our copies of its old text go.
   */
  repair(records: readonly MutationRecord[]): void {
    const stale: Text[] = [];
    for (const record of records) {
      if (record.type === 'characterData') {
        const wrap = this.#wraps.get(record.target as Text);
        if (wrap && (record.target as Text).data !== wrap.prefix) stale.push(record.target as Text);
      } else {
        for (const node of record.removedNodes) if (this.#wraps.has(node as Text)) stale.push(node as Text);
      }
    }
    if (stale.length === 0) return;
    // Not re-pointed: the page observer drops the annotations of changed text.
    this.#change(new Set(stale), (node) => this.#unwrap(node), false);
  }

  /**
   * Applies `change` to each origin as one quiet change of the page, then
   * re-points the ranges of the annotations on those it split or joined.
   * Many origins at once: the page's annotations' ranges wait outside the
   * page meanwhile (see the top of this file), and those of `undrawn` that
   * the page no longer has leave it for good.
   */
  #change(origins: Set<Text>, change: (origin: Text) => void, repoint = true, undrawn: readonly Annotation[] = []): void {
    const parked = origins.size >= PARK_FROM ? this.#parkRanges() : null;
    if (parked) this.#parkDropped(undrawn);
    // Only where text moved: the ranges on a node never split are where they were.
    const moved = new Set<Text>();
    try {
      this.hooks.quietly(() => {
        for (const origin of origins) {
          if (this.#wraps.has(origin)) moved.add(origin);
          change(origin);
          if (this.#wraps.has(origin)) moved.add(origin);
        }
      });
    } finally {
      // Even after a failure part-way: what moved is re-pointed, the rest put back.
      const repointed = repoint ? this.#repoint(moved) : new Set<Annotation>();
      if (parked) this.#restoreRanges(parked, repointed);
    }
  }

  /** Moves the ranges of the page's annotations out of the page; returns where each stood. */
  #parkRanges(): ParkedRange[] {
    const spot = this.#parkingSpot();
    const parked: ParkedRange[] = [];
    for (const annotation of this.hooks.all()) {
      const { startContainer, startOffset, endContainer, endOffset } = annotation.range;
      parked.push({ annotation, startContainer, startOffset, endContainer, endOffset });
      annotation.range.setStart(spot, 0);
      annotation.range.setEnd(spot, 0);
    }
    return parked;
  }

  /**
   * Moves out of the page for good the ranges of those of `undrawn` that the
   * page no longer has: a live range in the page costs every later change
   * until it is collected. A card still open on one stops following it
   * (card-controller.ts #place: its text is gone from the page).
   */
  #parkDropped(undrawn: readonly Annotation[]): void {
    if (undrawn.length === 0) return;
    const spot = this.#parkingSpot();
    const kept = new Set(this.hooks.all());
    for (const annotation of undrawn) {
      if (kept.has(annotation)) continue;
      annotation.range.setStart(spot, 0);
      annotation.range.setEnd(spot, 0);
    }
  }

  /** Puts parked ranges back where they stood, except those #repoint has just set. */
  #restoreRanges(parked: readonly ParkedRange[], repointed: ReadonlySet<Annotation>): void {
    for (const p of parked) {
      if (repointed.has(p.annotation)) continue;
      try {
        p.annotation.range.setStart(p.startContainer, p.startOffset);
        p.annotation.range.setEnd(p.endContainer, p.endOffset);
      } catch {
        // Its text changed under it: the page observer drops the annotation.
      }
    }
  }

  /**
   * A text node of a document of our own, in no tree: a range there is out
   * of the page's list of live ranges, and its nodes read as not connected.
   */
  #parkingSpot(): Text {
    this.#spot ??= this.doc.implementation.createHTMLDocument('').createTextNode('');
    return this.#spot;
  }

  /** Splits an origin around the drawn annotations that cover it. */
  #wrap(origin: Text): void {
    const parent = origin.parentNode;
    if (!parent || !origin.isConnected || origin.length > MAX_SPLIT_CHARS) return;
    const text = origin.data;
    const spans = this.#spans(origin, text.length);
    if (spans.length === 0) return;

    const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end]).concat(text.length))].sort((a, b) => a - b);
    const firstStart = cuts[0]!;
    const box = this.doc.createElement(WRAP_TAG);
    const wrap: Wrap = { parent, prefix: text.slice(0, firstStart), original: text, box, pieces: [], marks: new Map() };
    wrap.pieces.push({ node: origin, start: 0, end: firstStart });
    // Marks open around consecutive runs: a claim's mark holds the names inside it.
    const open: Array<{ annotation: Annotation; mark: HTMLElement }> = [];
    const appendTo = (node: Node) => {
      const top = open[open.length - 1];
      (top ? top.mark : box).append(node);
    };
    let anyMark = false;
    // The spans covering each run, found by a sweep over the cuts (a text
    // node can hold tens of thousands of mentions: no pass over all spans per run).
    const byStart = [...spans].sort((a, b) => a.start - b.start);
    let nextSpan = 0;
    let covering: Span[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const end = cuts[i + 1]!;
      const run = this.doc.createTextNode(text.slice(start, end));
      wrap.pieces.push({ node: run, start, end });
      // Claims outside, names inside.
      covering = covering.filter((s) => s.end > start);
      for (; nextSpan < byStart.length && byStart[nextSpan]!.start <= start; nextSpan++) {
        if (byStart[nextSpan]!.end > start) covering.push(byStart[nextSpan]!);
      }
      // Every span start and end is a cut: a span that covers `start` covers the whole run.
      const chain = [...covering]
        .sort((a, b) => Number(b.annotation.category === 'claims') - Number(a.annotation.category === 'claims'))
        .map((s) => s.annotation);
      let keep = 0;
      while (keep < open.length && keep < chain.length && open[keep]!.annotation === chain[keep]) keep++;
      open.length = keep;
      // A whitespace-only run may stay inside a mark already open, but never gets one of its own.
      if (!/\S/.test(run.data)) chain.length = keep;
      for (const annotation of chain.slice(keep)) {
        const mark = this.#createMark(annotation);
        appendTo(mark);
        open.push({ annotation, mark });
        anyMark = true;
        let marks = wrap.marks.get(annotation);
        if (!marks) wrap.marks.set(annotation, (marks = []));
        marks.push(mark);
      }
      appendTo(run);
    }
    // Nothing but whitespace to mark: leave the page's node alone.
    if (!anyMark) return;
    parent.insertBefore(box, origin.nextSibling);
    origin.data = wrap.prefix;
    this.#wraps.set(origin, wrap);
  }

  /** Undoes #wrap; if the page changed the origin meanwhile, only removes our stale copies. */
  #unwrap(origin: Text): void {
    const wrap = this.#wraps.get(origin);
    if (!wrap) return;
    this.#wraps.delete(origin);
    const untouched = origin.data === wrap.prefix && origin.parentNode === wrap.parent;
    wrap.box.parentNode?.removeChild(wrap.box);
    if (untouched) origin.data = wrap.original;
  }

  /** The parts of an origin's text the drawn annotations cover. */
  #spans(origin: Text, length: number): Span[] {
    const spans: Span[] = [];
    for (const annotation of this.hooks.touching(origin)) {
      if (!this.#drawn.has(annotation)) continue;
      const i = annotation.nodes.indexOf(origin);
      const start = i === 0 ? annotation.startOffset : 0;
      const end = i === annotation.nodes.length - 1 ? annotation.endOffset : length;
      if (start < end && end <= length) spans.push({ annotation, start, end });
    }
    return spans;
  }

  #createMark(annotation: Annotation): HTMLElement {
    const mark = this.doc.createElement(MARK_TAG);
    mark.dataset.category = annotation.category;
    mark.dataset.style = this.#style;
    return mark;
  }

  /** Points the ranges of every annotation on these origins at the nodes that hold their text now; returns those annotations. */
  #repoint(origins: Iterable<Text>): Set<Annotation> {
    const done = new Set<Annotation>();
    for (const origin of origins) {
      for (const annotation of this.hooks.touching(origin)) {
        if (done.has(annotation)) continue;
        // One the page changed is left where it was; the page observer drops it.
        if (this.#repointOne(annotation)) done.add(annotation);
      }
    }
    return done;
  }

  /** Points one annotation's range at the nodes that hold its text now; false if the page changed that text. */
  #repointOne(annotation: Annotation): boolean {
    const start = this.#resolve(annotation.nodes[0]!, annotation.startOffset, false);
    const end = this.#resolve(annotation.nodes[annotation.nodes.length - 1]!, annotation.endOffset, true);
    try {
      annotation.range.setStart(start.node, start.offset);
      annotation.range.setEnd(end.node, end.offset);
      return true;
    } catch {
      return false;
    }
  }

  /** Where an offset in an origin's original text is now. An end stays in the run before a cut. */
  #resolve(origin: Text, offset: number, isEnd: boolean): { node: Text; offset: number } {
    const wrap = this.#wraps.get(origin);
    if (!wrap) return { node: origin, offset: Math.min(offset, origin.length) };
    // The first piece that holds the offset (pieces are in order; binary search, as a node may have many).
    const pieces = wrap.pieces;
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const piece = pieces[mid]!;
      if (isEnd ? offset <= piece.end : offset < piece.end) hi = mid;
      else lo = mid + 1;
    }
    if (lo < pieces.length) return { node: pieces[lo]!.node, offset: offset - pieces[lo]!.start };
    const last = pieces[pieces.length - 1]!;
    return { node: last.node, offset: last.end - last.start };
  }

  #mark(annotation: Annotation | null, flag: 'active' | 'focus', on: boolean): void {
    if (!annotation) return;
    for (const node of annotation.nodes) {
      for (const mark of this.#wraps.get(node)?.marks.get(annotation) ?? []) {
        if (on) mark.dataset[flag] = '';
        else delete mark.dataset[flag];
      }
    }
  }
}
