/**
 * What Backstory would annotate on a page: the matcher run over the page's
 * blocks, grouped by entry with the text it matched and how often.
 */
import type { Bundle } from '../../src/dataset/bundle.ts';
import type { Match } from '../../src/matcher/types.ts';
import type { LoadedMatcher } from './matcher-api.ts';

export interface CoverageItem {
  entry: number;
  id: string;
  type: 'entity' | 'claim';
  /** Entity name or claim statement. */
  name: string;
  count: number;
  /** Each distinct matched text with its count, most frequent first. */
  texts: Array<{ text: string; count: number }>;
}

export interface PageCoverage {
  blocks: number;
  matches: number;
  items: CoverageItem[];
}

/**
 * What the content script finds on a page that does not change: one batch
 * of the whole page, and again if the scan asks (the content script reads
 * again in small batches with a session that knows the first, which gives
 * the same, see src/matcher/README.md).
 */
export function scanPage(matcher: LoadedMatcher, blocks: string[]): Match[] {
  const first = matcher.session().scan(blocks);
  return first.revisit ? matcher.session().scan(blocks).matches : first.matches;
}

export function pageCoverage(matcher: LoadedMatcher, bundle: Bundle, blocks: string[]): PageCoverage {
  const matches = scanPage(matcher, blocks);
  const byEntry = new Map<number, Map<string, number>>();
  for (const match of matches) {
    const text = blocks[match.block]!.slice(match.start, match.end);
    const texts = byEntry.get(match.entry) ?? new Map<string, number>();
    texts.set(text, (texts.get(text) ?? 0) + 1);
    byEntry.set(match.entry, texts);
  }
  const items = [...byEntry].map(([entry, texts]): CoverageItem => {
    const card = bundle.entries[entry];
    const sorted = [...texts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
    return {
      entry,
      id: card?.id ?? `#${entry}`,
      type: card?.type ?? 'entity',
      name: !card ? '?' : card.type === 'entity' ? card.name : card.statement,
      count: sorted.reduce((n, t) => n + t.count, 0),
      texts: sorted,
    };
  });
  items.sort((a, b) => (a.type === b.type ? b.count - a.count || a.id.localeCompare(b.id) : a.type === 'entity' ? -1 : 1));
  return { blocks: blocks.length, matches: matches.length, items };
}

export function formatCoverage(coverage: PageCoverage): string {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const lines: string[] = [];
  for (const type of ['entity', 'claim'] as const) {
    const items = coverage.items.filter((i) => i.type === type);
    lines.push(`${type === 'entity' ? 'Entities' : 'Claims'} found: ${items.length}`);
    for (const item of items) {
      const texts = item.texts.map((t) => `"${clip(t.text, 60)}"${t.count > 1 ? ` ×${t.count}` : ''}`).join(', ');
      lines.push(`  ${String(item.count).padStart(3)}  ${item.id} (${clip(item.name, 60)}): ${texts}`);
    }
  }
  const entities = coverage.items.filter((i) => i.type === 'entity').length;
  lines.push(`${coverage.matches} matches of ${entities} entities and ${coverage.items.length - entities} claims in ${coverage.blocks} blocks`);
  return lines.join('\n');
}
