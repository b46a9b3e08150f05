/**
 * Turns the page's text into annotations: collects text blocks, asks the
 * matcher, maps matches back to DOM ranges, and hands them to a renderer.
 */
import { categoryOfEntry, getMatcher } from './dataset.ts';
import { collectBlocks, findArticleRoots, locate, type TextBlock } from './page-text.ts';
import type { Annotation } from './annotation.ts';
import type { Settings } from '../shared/settings-schema.ts';

export interface AnnotatedPage {
  /** Every mention found in enabled categories, in document order. */
  all: Annotation[];
  /** What is drawn: all, or first mentions only, as the settings say. */
  shown: Annotation[];
}

export function annotatePage(doc: Document, settings: Settings): AnnotatedPage {
  const wholePage = settings.scope === 'page';
  const roots = wholePage ? (doc.body ? [doc.body] : []) : findArticleRoots(doc);
  const blocks = collectBlocks(roots, { wholePage });
  const { matches } = getMatcher()
    .session()
    .scan(blocks.map((b) => b.text));

  const all: Annotation[] = [];
  const seen = new Set<number>();
  for (const match of matches) {
    const category = categoryOfEntry(match.entry);
    if (!settings.categories[category]) continue;
    const block = blocks[match.block];
    if (!block) continue;
    const range = toRange(doc, block, match.start, match.end);
    const first = !seen.has(match.entry);
    seen.add(match.entry);
    all.push({ entry: match.entry, category, range, first });
  }
  const shown = settings.mentions === 'all' ? all : all.filter((a) => a.first);
  return { all, shown };
}

function toRange(doc: Document, block: TextBlock, start: number, end: number): Range {
  const from = locate(block, start);
  const to = locate(block, end, true);
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
