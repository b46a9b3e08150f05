/**
 * Every annotation on the page, in document order, with an index from the
 * page's text nodes to the annotations that cover them.
 *
 * Scans add annotations piece by piece (visible text first, then the rest,
 * then whatever the page adds later), so the store keeps the order itself
 * and decides which mention of each entry comes first.
 */
import type { Annotation } from './annotation.ts';
import type { Category } from '../shared/categories.ts';
import type { Settings } from '../shared/settings-schema.ts';

/** One entry the page mentions, as the popup lists it and the badge counts it. */
export interface MentionedEntry {
  category: Category;
  /** Its mentions on the page, drawn or not. */
  count: number;
}

export class AnnotationStore {
  #list: Annotation[] = [];
  readonly #byNode = new Map<Text, Annotation[]>();
  /**
   * Annotations by where they start, for the duplicate check: a page can put
   * tens of thousands of mentions in one text node, where comparing each new
   * annotation with every other on that node would be quadratic.
   */
  readonly #byStart = new Map<Text, Map<string, Annotation>>();

  /** All annotations, in document order. */
  get all(): readonly Annotation[] {
    return this.#list;
  }

  get size(): number {
    return this.#list.length;
  }

  /** The annotations that cover a text node (by the page's own nodes, see Annotation.nodes). */
  touching(node: Text): readonly Annotation[] {
    return this.#byNode.get(node) ?? [];
  }

  /**
   * The annotation of this store equal to `candidate` (same entry, same
   * place), if there is one and its range still holds text (the page may
   * have rewritten the text since, even to the same length).
   */
  equalOf(candidate: Annotation): Annotation | undefined {
    const existing = this.#sameAs(candidate);
    return existing === undefined || existing.range.collapsed ? undefined : existing;
  }

  /** Adds annotations (given in document order); one equal to an existing annotation is ignored. Returns those added. */
  add(annotations: readonly Annotation[]): Annotation[] {
    const fresh = annotations.filter((a) => this.#sameAs(a) === undefined);
    if (fresh.length === 0) return fresh;
    const at = this.#insertionPoint(fresh[0]!);
    const next = this.#list[at];
    if (!next || compare(fresh[fresh.length - 1]!, next) <= 0) {
      // The usual case: a run of text scanned together lands in one place.
      this.#list.splice(at, 0, ...fresh);
    } else {
      for (const annotation of fresh) this.#list.splice(this.#insertionPoint(annotation), 0, annotation);
    }
    for (const annotation of fresh) this.#index(annotation);
    return fresh;
  }

  /** Removes the annotations a predicate selects; returns them. */
  remove(predicate: (annotation: Annotation) => boolean): Annotation[] {
    const removed: Annotation[] = [];
    const kept: Annotation[] = [];
    for (const annotation of this.#list) (predicate(annotation) ? removed : kept).push(annotation);
    if (removed.length === 0) return removed;
    this.#list = kept;
    // Rebuilt rather than unindexed one by one, which is quadratic on a node with many mentions.
    this.#byNode.clear();
    this.#byStart.clear();
    for (const annotation of kept) this.#index(annotation);
    return removed;
  }

  /** Drops annotations found under `element` (their text is about to be read again). */
  removeWithin(element: Element): Annotation[] {
    return this.remove((a) => element.contains(a.nodes[0]!));
  }

  /**
   * Drops annotations whose text left the page or was moved: a live range
   * whose text is removed collapses, and a moved node's text is read again
   * where it landed.
   */
  removeStale(): Annotation[] {
    return this.remove(
      (a) =>
        a.range.collapsed ||
        !a.range.startContainer.isConnected ||
        !a.range.endContainer.isConnected ||
        a.nodes.some((node) => !node.isConnected),
    );
  }

  clear(): void {
    this.#list = [];
    this.#byNode.clear();
    this.#byStart.clear();
  }

  /**
   * What is drawn: enabled categories only, and each entry's first mention
   * or every mention, as the settings say, among those the renderer can
   * draw (`drawable`). Marks every annotation's `first`.
   */
  shown(settings: Pick<Settings, 'categories' | 'mentions'>, drawable: (annotation: Annotation) => boolean = () => true): Annotation[] {
    const seen = new Set<number>();
    const shownEntries = new Set<number>();
    const shown: Annotation[] = [];
    for (const annotation of this.#list) {
      annotation.first = !seen.has(annotation.entry);
      seen.add(annotation.entry);
      if (!settings.categories[annotation.category] || !drawable(annotation)) continue;
      // First mentions only: the first one that can be drawn.
      if (settings.mentions === 'all' || !shownEntries.has(annotation.entry)) {
        shown.push(annotation);
        shownEntries.add(annotation.entry);
      }
    }
    return shown;
  }

  /**
   * The entries mentioned in enabled categories, keyed by entry number, in
   * the order of their first mention. The popup's list and the toolbar
   * badge both come from here, so they always agree.
   */
  mentionedEntries(categories: Settings['categories']): Map<number, MentionedEntry> {
    const entries = new Map<number, MentionedEntry>();
    for (const annotation of this.#list) {
      if (!categories[annotation.category]) continue;
      const known = entries.get(annotation.entry);
      if (known) known.count++;
      else entries.set(annotation.entry, { category: annotation.category, count: 1 });
    }
    return entries;
  }

  /** The annotation recorded at the same place for the same entry, if any. */
  #sameAs(candidate: Annotation): Annotation | undefined {
    const existing = this.#byStart.get(candidate.nodes[0]!)?.get(startKey(candidate));
    return existing !== undefined && existing.nodes.every((node, i) => node === candidate.nodes[i]) ? existing : undefined;
  }

  /** The index of the first annotation that comes after `annotation`. */
  #insertionPoint(annotation: Annotation): number {
    let lo = 0;
    let hi = this.#list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.#list[mid]!, annotation) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #index(annotation: Annotation): void {
    for (const node of annotation.nodes) {
      let list = this.#byNode.get(node);
      if (!list) this.#byNode.set(node, (list = []));
      list.push(annotation);
    }
    const first = annotation.nodes[0]!;
    let starts = this.#byStart.get(first);
    if (!starts) this.#byStart.set(first, (starts = new Map()));
    starts.set(startKey(annotation), annotation);
  }
}

/** What makes two annotations on the same first text node the same annotation. */
function startKey(a: Annotation): string {
  return `${a.entry}:${a.startOffset}:${a.endOffset}:${a.nodes.length}`;
}

/**
 * Document order by where each annotation was found (its first text node and
 * offset), then longer first so that a claim precedes the names it contains.
 * compareDocumentPosition, unlike Range comparison, never throws for a node
 * the page has just removed.
 */
export function compare(a: Annotation, b: Annotation): number {
  const nodeA = a.nodes[0]!;
  const nodeB = b.nodes[0]!;
  if (nodeA !== nodeB) {
    const position = nodeA.compareDocumentPosition(nodeB);
    if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  if (a.startOffset !== b.startOffset) return a.startOffset - b.startOffset;
  return b.nodes.length - a.nodes.length || b.endOffset - a.endOffset;
}
