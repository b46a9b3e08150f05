/**
 * Turns text blocks into annotations: asks the matcher, and maps each match
 * back to the page's text nodes as a live Range.
 *
 * One Annotator is one matcher session, that is one page: it keeps what
 * earlier batches revealed (context terms, full names) so that text the page
 * adds later is read in the light of what came before.
 */
import { isBlockCurrent, locate, type TextBlock } from './page-text.ts';
import type { Annotation } from './annotation.ts';
import type { Category } from '../shared/categories.ts';
import type { MatchSession } from '../matcher/index.ts';

export interface MatchSource {
  /** `knowing`: an earlier session of the same page (Matcher.session). */
  session(knowing?: MatchSession): MatchSession;
  categoryOf(entry: number): Category;
}

export class Annotator {
  #session: MatchSession | null = null;
  #revisit = false;

  /**
   * `previous`: the annotator that read this page before and asked for a
   * revisit. The new session knows every context term it saw, so the page
   * can be read again piece by piece and still find what one reading of the
   * whole page would.
   */
  constructor(
    private readonly doc: Document,
    private readonly source: MatchSource,
    previous?: Annotator,
  ) {
    this.#previous = previous;
  }

  /** Until the session opens (then dropped, so that revisits never chain sessions in memory). */
  #previous: Annotator | undefined;

  /**
   * Loads the matcher and opens the session. The first time on a page this
   * decodes the compiled index, so readers call it as a step of its own
   * rather than inside a step that also scans.
   */
  prepare(): MatchSession {
    if (this.#session === null) {
      const previous = this.#previous;
      this.#session = this.source.session((previous && previous.#session) ?? undefined);
      this.#previous = undefined;
    }
    return this.#session;
  }

  /**
   * The matcher saw, in a later batch, context that earlier batches were
   * waiting for: the page should be read again, whole, by an annotator that
   * follows this one.
   */
  get wantsRevisit(): boolean {
    return this.#revisit;
  }

  /**
   * The page has been read again, whole, in document order: what its
   * batches asked for is what one reading of the whole page gives (a short
   * form before its full name stays unmatched), so nothing is left to ask.
   * Only batches read after this can ask for another reading.
   */
  settle(): void {
    this.#revisit = false;
  }

  /** Annotations for these blocks, in document order. Blocks whose text changed since they were read are skipped. */
  annotate(blocks: readonly TextBlock[]): Annotation[] {
    if (blocks.length === 0) return [];
    const { matches, revisit } = this.prepare().scan(blocks.map((b) => b.text));
    if (revisit) this.#revisit = true;
    const annotations: Annotation[] = [];
    for (const match of matches) {
      const block = blocks[match.block];
      if (!block || match.end <= match.start) continue;
      const annotation = this.#toAnnotation(block, match.start, match.end, match.entry);
      if (annotation) annotations.push(annotation);
    }
    return annotations;
  }

  #toAnnotation(block: TextBlock, start: number, end: number, entry: number): Annotation | null {
    const from = locate(block, start);
    const to = locate(block, end, true);
    if (!isBlockCurrent(block, from.index, to.index)) return null;
    const range = this.doc.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return {
      entry,
      category: this.source.categoryOf(entry),
      range,
      nodes: block.nodes.slice(from.index, to.index + 1),
      startOffset: from.offset,
      endOffset: to.offset,
      first: false,
    };
  }
}
