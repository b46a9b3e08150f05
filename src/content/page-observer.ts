/**
 * Follows the page as it changes, with one MutationObserver.
 *
 * Records are only queued when they arrive; once per animation frame the
 * queue is boiled down to what matters: the nodes the page added (a node
 * inside another added node is dropped, its ancestor covers it), the text
 * nodes whose text changed, the elements that may have been shown or hidden
 * ("Read more": a changed class, hidden, open or aria-hidden attribute), and
 * whether anything was removed. A mutation too big to follow piece by piece
 * asks for the page to be read again.
 *
 * Backstory's own changes are not the page's: the card's host element is
 * ignored, and the wrap renderer makes its changes inside `quietly`, which
 * sets the page's pending records aside first and discards ours after.
 */
import type { ContentContext } from './context.ts';
import { HOST_TAG } from './card/card-host.ts';

export interface PageChange {
  /** Too much changed to follow piece by piece: read the page again. */
  huge: boolean;
  /** What the page added, outermost nodes only, still in the document. */
  added: Node[];
  /** Text nodes whose text the page changed, still in the document and not inside an added node. */
  changedText: Text[];
  /** Elements whose visibility may have changed (see SHOW_HIDE_ATTRIBUTES), outermost, not inside an added node. */
  toggled: Element[];
  /** The page removed something: annotations may have lost their text. */
  removed: boolean;
}

export interface PageObserverHooks {
  /** Sees each record as it arrives, before the page paints (the wrap renderer's repairs). */
  immediate?(records: readonly MutationRecord[]): void;
  /** The batched change, once per animation frame. */
  batch(change: PageChange): void;
}

/**
 * Attributes that show or hide text. Not `style`: pages animate it on every
 * frame, and an observer woken that often would cost more than it finds.
 */
const SHOW_HIDE_ATTRIBUTES = ['class', 'hidden', 'open', 'aria-hidden'];

/** Past this many records in one frame, reading the page again is cheaper than following each. */
const HUGE_RECORDS = 2_000;
/** Past this many added subtrees in one frame, likewise. */
const HUGE_ADDITIONS = 400;

export class PageObserver {
  readonly #observer: MutationObserver;
  #pending: MutationRecord[] = [];
  #huge = false;
  #scheduled = false;

  constructor(
    private readonly doc: Document,
    private readonly lifetime: ContentContext,
    private readonly hooks: PageObserverHooks,
  ) {
    this.#observer = new MutationObserver((records) => this.#receive(records));
    this.#observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: SHOW_HIDE_ATTRIBUTES,
      // To tell a real change from a write of the same value (classList.add of a class already there).
      attributeOldValue: true,
    });
    lifetime.onAbort(() => {
      this.#observer.disconnect();
      this.#pending = [];
    });
  }

  /** Runs a change of ours without it reaching the page's queue. */
  quietly(change: () => void): void {
    if (this.lifetime.signal.aborted) {
      change();
      return;
    }
    // Records the page made before this call are the page's: keep them.
    const before = this.#observer.takeRecords();
    if (before.length > 0) this.#receive(before);
    try {
      change();
    } finally {
      this.#observer.takeRecords();
    }
  }

  #receive(records: MutationRecord[]): void {
    if (!this.lifetime.isValid) return;
    const pageRecords = records.filter((record) => !isOwnRecord(record));
    if (pageRecords.length === 0) return;
    this.hooks.immediate?.(pageRecords);
    if (this.#huge || this.#pending.length + pageRecords.length > HUGE_RECORDS) {
      // Keep no more records: the whole page will be read again anyway.
      this.#huge = true;
      this.#pending = [];
    } else {
      for (const record of pageRecords) this.#pending.push(record);
    }
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.lifetime.requestAnimationFrame(() => this.#flush());
    }
  }

  #flush(): void {
    this.#scheduled = false;
    const records = this.#pending;
    const huge = this.#huge;
    this.#pending = [];
    this.#huge = false;
    if (huge) {
      this.hooks.batch({ huge: true, added: [], changedText: [], toggled: [], removed: true });
      return;
    }
    const change = summarise(records);
    if (change.added.length > HUGE_ADDITIONS) change.huge = true;
    if (change.huge || change.added.length || change.changedText.length || change.toggled.length || change.removed) {
      this.hooks.batch(change);
    }
  }
}

/** Boils a frame's records down to outermost additions, changed text and whether anything went. */
export function summarise(records: readonly MutationRecord[]): PageChange {
  const added = new Set<Node>();
  const changed = new Set<Text>();
  /** Per element, each attribute's value before the frame's first change to it. */
  const attributesBefore = new Map<Element, Map<string, string | null>>();
  let removed = false;
  for (const record of records) {
    if (record.type === 'characterData') {
      if (record.target.nodeType === Node.TEXT_NODE) changed.add(record.target as Text);
      continue;
    }
    if (record.type === 'attributes') {
      const element = record.target as Element;
      let before = attributesBefore.get(element);
      if (!before) attributesBefore.set(element, (before = new Map()));
      if (!before.has(record.attributeName!)) before.set(record.attributeName!, record.oldValue);
      continue;
    }
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) added.add(node);
    }
    if (record.removedNodes.length > 0) removed = true;
  }
  // Only elements whose attributes end the frame other than they began it: pages
  // write the same class again and again (on scroll, on every frame).
  const toggled = new Set<Element>();
  for (const [element, before] of attributesBefore) {
    for (const [name, value] of before) {
      // No class attribute and an empty one are the same (classList.add, then remove, leaves class="").
      const same = name === 'class' ? (element.getAttribute(name) ?? '') === (value ?? '') : element.getAttribute(name) === value;
      if (!same) {
        toggled.add(element);
        break;
      }
    }
  }
  const outermost = [...added].filter((node) => node.isConnected && !hasAncestorIn(node, added));
  const changedText = [...changed].filter((node) => node.isConnected && !hasAncestorIn(node, added));
  const toggledOutermost = [...toggled].filter(
    (element) => element.isConnected && !added.has(element) && !hasAncestorIn(element, added) && !hasAncestorIn(element, toggled),
  );
  return { huge: false, added: outermost, changedText, toggled: toggledOutermost, removed };
}

/** Is one of the node's ancestors in the set? */
export function hasAncestorIn(node: Node, set: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (set.has(parent)) return true;
  return false;
}

/** Changes to, or inside, Backstory's own host element. */
function isOwnRecord(record: MutationRecord): boolean {
  if (record.target.nodeType === Node.ELEMENT_NODE && (record.target as Element).closest(HOST_TAG)) return true;
  if (record.type !== 'childList') return false;
  const isHost = (node: Node) => node.nodeName.toLowerCase() === HOST_TAG;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isHost);
}
