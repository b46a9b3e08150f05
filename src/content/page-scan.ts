/**
 * The reading jobs the scheduler runs, as generators whose every step is
 * small: the whole page (visible text first), the whole page again in
 * document order (when the matcher asks to revisit), and the parts of the
 * page that changed.
 */
import { splitLongBlock, walkBlocks, type CollectOptions, type TextBlock } from './page-text.ts';
import type { Annotation } from './annotation.ts';
import type { Annotator } from './annotator.ts';
import type { Priority } from './scheduler.ts';

/**
 * Characters per matcher batch. Each page runs the matcher cold (a content
 * script starts with no compiled code), and cold it reads about 1–2 MB/s on
 * a busy machine: 8,000 characters stay near the slice budget.
 */
const CHUNK_CHARS = 8_000;

/**
 * Annotations handed to the reader per step. A batch finds a few hundred;
 * a block held back whole (PageReader.wholeBlocks) can bring 70,000 at
 * once (huge-text.html), which the store and the renderer took 65-90 ms to
 * take in.
 */
const HAND_OVER = 2_000;

type Step = Priority | undefined;

export interface PageReader {
  /** Adds what a batch found. */
  add(annotations: Annotation[]): void;
  /**
   * Hand over what a block longer than one batch holds only once all its
   * pieces are read: for a renderer that splits text nodes, whose drawing
   * of the first piece would make the later ones look stale (page-text.ts
   * isBlockCurrent).
   */
  wholeBlocks?: boolean;
}

/**
 * Reads the roots in document order. Blocks in view are set aside as they
 * are met; once the walk passes below the viewport they are scanned at once
 * (the first highlights the reader sees), and the rest of the page follows
 * in idle time.
 */
export function* readPage(
  roots: readonly Element[],
  options: CollectOptions,
  annotator: Annotator,
  reader: PageReader,
): Generator<Step, void> {
  yield 'visible';
  annotator.prepare();
  yield;
  const height = roots[0]?.ownerDocument.defaultView?.innerHeight ?? 0;
  let inView: TextBlock[] | null = [];
  const rest: TextBlock[] = [];
  for (const root of roots) {
    if (!root.isConnected) continue;
    for (const block of walkBlocks(root, options)) {
      if (!block) {
        yield;
        continue;
      }
      if (inView) {
        const where = placeInViewport(block.element, height);
        if (where === 'in') {
          inView.push(block);
          continue;
        }
        if (where === 'below' && inView.length > 0) {
          yield* scanInChunks(inView, annotator, reader);
          inView = null;
          // What the reader sees is done; the rest can wait for idle time.
          yield 'background';
        }
      }
      rest.push(block);
    }
  }
  if (inView) yield* scanInChunks(inView, annotator, reader);
  yield 'background';
  yield* scanInChunks(rest, annotator, reader);
}

/**
 * Reads the roots again when the matcher asked to revisit: in document order,
 * in the same small batches as the first reading. The annotator's session
 * knows every context term of the first reading from the start (Annotator),
 * so this finds what one batch of the whole page would, without one long
 * step (except that a block longer than a batch is read in pieces, here as
 * on the first reading). `reader.add` gets each batch's annotations; `done`
 * follows the last.
 */
export function* rereadPage(
  roots: readonly Element[],
  options: CollectOptions,
  annotator: Annotator,
  reader: PageReader,
  done: () => void,
): Generator<Step, void> {
  annotator.prepare();
  yield;
  const blocks = yield* collect(roots, options);
  yield* scanInChunks(blocks, annotator, reader);
  annotator.settle();
  done();
}

/** Reads changed parts of the page; `replace` swaps what was found under each scope. */
export function* readScopes(
  scopes: readonly Element[],
  options: CollectOptions,
  annotator: Annotator,
  replace: (scope: Element, annotations: Annotation[]) => void,
): Generator<Step, void> {
  for (const scope of scopes) {
    if (!scope.isConnected) continue;
    const blocks = yield* collect([scope], options);
    const found: Annotation[] = [];
    yield* scanInChunks(blocks, annotator, { add: (annotations) => found.push(...annotations) });
    replace(scope, found);
    yield;
  }
}

function* collect(roots: readonly Element[], options: CollectOptions): Generator<Step, TextBlock[]> {
  const blocks: TextBlock[] = [];
  for (const root of roots) {
    if (!root.isConnected) continue;
    for (const block of walkBlocks(root, options)) {
      if (block) blocks.push(block);
      else yield;
    }
  }
  return blocks;
}

function* scanInChunks(whole: readonly TextBlock[], annotator: Annotator, reader: PageReader): Generator<Step, void> {
  let blocks: readonly TextBlock[] = whole;
  // With long blocks cut into pieces: the index of each block's last piece.
  let blockEnds: Set<number> | null = null;
  if (whole.some((b) => b.text.length > CHUNK_CHARS)) {
    const pieces: TextBlock[] = [];
    blockEnds = new Set();
    for (const block of whole) {
      for (const piece of splitLongBlock(block, CHUNK_CHARS)) pieces.push(piece);
      blockEnds.add(pieces.length - 1);
    }
    blocks = pieces;
  }
  const holdBack = blockEnds !== null && reader.wholeBlocks === true;
  let held: Annotation[] = [];
  let start = 0;
  while (start < blocks.length) {
    let end = start;
    let chars = 0;
    while (end < blocks.length && (end === start || chars + blocks[end]!.text.length <= CHUNK_CHARS)) {
      chars += blocks[end]!.text.length;
      end++;
    }
    const annotations = annotator.annotate(blocks.slice(start, end));
    if (holdBack && !blockEnds!.has(end - 1)) {
      // The batch ends inside a block: the rest of it comes first.
      for (const annotation of annotations) held.push(annotation);
    } else {
      const all = held.length > 0 ? held.concat(annotations) : annotations;
      held = [];
      // What a long block held back can be tens of thousands: handed over a step at a time.
      for (let from = 0; from < all.length; from += HAND_OVER) {
        if (from > 0) yield;
        reader.add(all.slice(from, from + HAND_OVER));
      }
    }
    start = end;
    yield;
  }
}

/** Where a block's element is against the viewport; hidden ones (no box) count as out of it. */
function placeInViewport(element: Element, height: number): 'above' | 'in' | 'below' | 'hidden' {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return 'hidden';
  if (rect.bottom <= 0) return 'above';
  return rect.top < height ? 'in' : 'below';
}
