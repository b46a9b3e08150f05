/** What the dataset holds, counted: for `npm run data:stats`. */
import type { Dataset, Source } from '../../src/dataset/types.ts';

export interface DatasetStats {
  entities: number;
  claims: number;
  byKind: Record<string, number>;
  byAssessment: Record<string, number>;
  /** How many citations (entry and perspective sources) name each publisher. */
  bySourcePublisher: Record<string, number>;
  outletsByFunding: Record<string, number>;
  aliases: { total: number; gated: number; caseSensitive: number };
  cues: number;
  entitiesWithoutFacts: string[];
  entitiesWithoutRelated: string[];
  entitiesWithoutWikidata: number;
  claimsWithOnePerspective: string[];
  /** Oldest asOf first: the entries most in need of a look. */
  oldest: Array<{ id: string; asOf: string }>;
}

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (Object.hasOwn(counts, key) ? counts[key]! : 0) + 1;
};

const sortedCounts = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));

export function datasetStats(dataset: Dataset): DatasetStats {
  const byKind: Record<string, number> = {};
  const byAssessment: Record<string, number> = {};
  const bySourcePublisher: Record<string, number> = {};
  const outletsByFunding: Record<string, number> = {};
  const cite = (sources: readonly Source[]) => sources.forEach((s) => tally(bySourcePublisher, s.publisher));
  const aliases = { total: 0, gated: 0, caseSensitive: 0 };

  for (const entity of dataset.entities) {
    tally(byKind, entity.kind);
    cite(entity.sources);
    if (entity.publisher) tally(outletsByFunding, entity.publisher.funding);
    for (const alias of entity.aliases) {
      aliases.total++;
      if (alias.requires?.length || alias.afterFullName) aliases.gated++;
      if (alias.case === 'sensitive' || alias.case === 'proper') aliases.caseSensitive++;
    }
  }
  for (const claim of dataset.claims) {
    tally(byAssessment, claim.assessment);
    cite(claim.sources);
    claim.perspectives.forEach((p) => cite(p.sources));
  }
  const all = [...dataset.entities, ...dataset.claims];
  return {
    entities: dataset.entities.length,
    claims: dataset.claims.length,
    byKind: sortedCounts(byKind),
    byAssessment: sortedCounts(byAssessment),
    bySourcePublisher: sortedCounts(bySourcePublisher),
    outletsByFunding: sortedCounts(outletsByFunding),
    aliases,
    cues: dataset.claims.reduce((n, c) => n + c.cues.length, 0),
    entitiesWithoutFacts: dataset.entities.filter((e) => !e.facts?.length).map((e) => e.id).sort(),
    entitiesWithoutRelated: dataset.entities.filter((e) => !e.related?.length).map((e) => e.id).sort(),
    entitiesWithoutWikidata: dataset.entities.filter((e) => !e.wikidata).length,
    claimsWithOnePerspective: dataset.claims.filter((c) => c.perspectives.length < 2).map((c) => c.id).sort(),
    oldest: all
      .map((e) => ({ id: e.id, asOf: e.asOf }))
      .sort((a, b) => a.asOf.localeCompare(b.asOf) || a.id.localeCompare(b.id))
      .slice(0, 10),
  };
}

function table(title: string, counts: Record<string, number>, limit = Infinity): string[] {
  const entries = Object.entries(counts);
  const lines = [`${title}:`];
  for (const [key, n] of entries.slice(0, limit)) lines.push(`  ${String(n).padStart(5)}  ${key}`);
  if (entries.length > limit) lines.push(`  …and ${entries.length - limit} more`);
  if (entries.length === 0) lines.push('  (none)');
  return lines;
}

const list = (title: string, ids: readonly string[]) => [`${title}: ${ids.length}${ids.length ? `: ${ids.join(', ')}` : ''}`];

export function formatStats(stats: DatasetStats): string {
  return [
    `${stats.entities} entities, ${stats.claims} claims`,
    ...table('Entities by kind', stats.byKind),
    ...table('Claims by assessment', stats.byAssessment),
    ...table('Outlets by funding', stats.outletsByFunding),
    ...table('Citations by source publisher', stats.bySourcePublisher, 25),
    `Aliases: ${stats.aliases.total} (${stats.aliases.gated} gated, ${stats.aliases.caseSensitive} case-sensitive or proper); cues: ${stats.cues}`,
    ...list('Entities without facts', stats.entitiesWithoutFacts),
    ...list('Entities without related links', stats.entitiesWithoutRelated),
    `Entities without a wikidata id: ${stats.entitiesWithoutWikidata}`,
    ...list('Claims with a single perspective', stats.claimsWithOnePerspective),
    `Oldest asOf: ${stats.oldest.map((o) => `${o.id} (${o.asOf})`).join(', ') || '(none)'}`,
  ].join('\n');
}
