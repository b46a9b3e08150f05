/**
 * The one way a data file is written, and the hash of the dataset.
 *
 * A file's canonical text is 2-space JSON with a final newline and its
 * `entities` and `claims` arrays sorted by id. Key order inside entries is
 * left as the writer chose: `--fix` reformats and re-sorts, nothing more.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../../src/dataset/types.ts';
import { orderedEntries } from '../../src/dataset/bundle.ts';

const ENTRY_LISTS = ['entities', 'claims'] as const;

/** The entry's id; undefined for an entry without a string id (the schema reports it). */
function idOf(value: unknown): string | undefined {
  const id: unknown = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The entries sorted by id (stable, so duplicates keep their order). Entries
 * without an id keep their places: where they belong is the writer's call
 * once the schema error is fixed, and moving them would only add a second,
 * misleading problem.
 */
function sortedById(entries: readonly unknown[]): unknown[] {
  const withIds = entries.flatMap((entry) => {
    const id = idOf(entry);
    return id === undefined ? [] : [{ id, entry }];
  });
  withIds.sort((a, b) => compareIds(a.id, b.id));
  let next = 0;
  return entries.map((entry) => (idOf(entry) === undefined ? entry : withIds[next++]!.entry));
}

/** The file with its entry lists sorted by id. */
export function sortedFile(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const copy: Record<string, unknown> = { ...(json as Record<string, unknown>) };
  for (const list of ENTRY_LISTS) {
    const entries = copy[list];
    if (Array.isArray(entries)) copy[list] = sortedById(entries);
  }
  return copy;
}

export function canonicalText(json: unknown): string {
  return `${JSON.stringify(sortedFile(json), null, 2)}\n`;
}

/** The first id that comes before its predecessor, if a list is out of order. */
export function firstUnsorted(json: unknown): { list: string; index: number; id: string; after: string } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  for (const list of ENTRY_LISTS) {
    const entries = (json as Record<string, unknown>)[list];
    if (!Array.isArray(entries)) continue;
    // Entries without an id are skipped, as sortedById leaves them in place.
    let previous: string | undefined;
    for (let i = 0; i < entries.length; i++) {
      const current = idOf(entries[i]);
      if (current === undefined) continue;
      if (previous !== undefined && compareIds(previous, current) > 0) return { list, index: i, id: current, after: previous };
      previous = current;
    }
  }
  return undefined;
}

/** JSON with object keys sorted at every level: the same data always gives the same text. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 of the dataset's content, independent of how it is split into files,
 * of file formatting and of key order. The index and the bundle carry it so
 * the extension can tell that the two belong together.
 */
export function datasetHash(dataset: Dataset): string {
  const { entities, claims } = orderedEntries(dataset);
  return createHash('sha256').update(stableStringify({ header: dataset.header, entities, claims })).digest('hex');
}
