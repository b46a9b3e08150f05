/**
 * Datasets a reader imports on the options page, next to the bundled one.
 *
 * The options page validates a file (src/dataset/validate.ts: pure, no eval),
 * compiles it here with the matcher's own compiler, and stores the compiled
 * index and card bundle in storage.local. Content scripts load the enabled
 * ones beside the bundled dataset (src/content/dataset.ts); the bundled
 * dataset itself is never replaced or touched.
 */
import browser from 'webextension-polyfill';
import { compileIndex } from '../matcher/index.ts';
import { makeBundle, orderedEntries, patternSet } from '../dataset/bundle.ts';
import type { Dataset, DatasetHeader } from '../dataset/types.ts';
import { encodeCategories } from './categories.ts';
import { encodeBase64 } from './base64.ts';

export const USER_DATASETS_KEY = 'userDatasets';
/** Larger files are refused before parsing: storage.local holds about 10 MB in all. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_DATASETS = 10;

export interface StoredUserDataset {
  /** Content hash: the same file imported twice is one dataset. */
  id: string;
  fileName: string;
  header: DatasetHeader;
  importedAt: string;
  enabled: boolean;
  entities: number;
  claims: number;
  /** Aliases or cues the matcher could not use, as "entry-id field: message". */
  problems: string[];
  /** The compiled matcher index, base64. */
  index: string;
  /** The card bundle (src/dataset/bundle.ts Bundle) as JSON text. */
  bundle: string;
  /** One character per entry: its category code, as in the bundled dataset module. */
  categories: string;
}

export async function compileUserDataset(dataset: Dataset, fileName: string, now = new Date()): Promise<StoredUserDataset> {
  const hash = await sha256(JSON.stringify(dataset));
  const compiled = compileIndex(patternSet(dataset, hash));
  const bundle = makeBundle(dataset, hash);
  const { entities, claims } = orderedEntries(dataset);
  const ids = [...entities, ...claims].map((e) => e.id);
  return {
    id: hash.slice(0, 16),
    fileName,
    header: dataset.header,
    importedAt: now.toISOString(),
    enabled: true,
    entities: entities.length,
    claims: claims.length,
    problems: compiled.problems.map((p) => `${ids[p.entry] ?? `#${p.entry}`} ${p.field}: ${p.message}`).slice(0, 100),
    index: encodeBase64(compiled.bytes),
    bundle: JSON.stringify(bundle),
    categories: encodeCategories(bundle.entries),
  };
}

/**
 * Only well-formed records count; anything else in storage is ignored, not
 * trusted. Every field the options page and the content script read is
 * checked here, so that neither has to guard against a damaged record.
 */
export function isStoredUserDataset(v: unknown): v is StoredUserDataset {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.id === 'string' &&
    typeof d.fileName === 'string' &&
    isHeader(d.header) &&
    typeof d.enabled === 'boolean' &&
    isCount(d.entities) &&
    isCount(d.claims) &&
    Array.isArray(d.problems) &&
    d.problems.every((p) => typeof p === 'string') &&
    typeof d.index === 'string' &&
    typeof d.bundle === 'string' &&
    typeof d.categories === 'string'
  );
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The header fields the card footer and the options page show. */
function isHeader(v: unknown): v is DatasetHeader {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  return typeof h.name === 'string' && typeof h.version === 'string' && typeof h.date === 'string';
}

export async function listUserDatasets(): Promise<StoredUserDataset[]> {
  try {
    const stored = (await browser.storage.local.get(USER_DATASETS_KEY))[USER_DATASETS_KEY];
    return Array.isArray(stored) ? stored.filter(isStoredUserDataset) : [];
  } catch {
    return [];
  }
}

// Changes run one after another, each on the list as stored when it runs:
// two quick switches on the options page never undo each other.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Changes the stored list: `change` gets the list as stored when it runs and
 * returns the new one (the same array: nothing to write). Rejects when
 * storage refuses the write (full).
 */
export function updateUserDatasets(change: (list: StoredUserDataset[]) => StoredUserDataset[]): Promise<void> {
  const run = queue.then(async () => {
    const list = await listUserDatasets();
    const next = change(list);
    if (next !== list) await browser.storage.local.set({ [USER_DATASETS_KEY]: next });
  });
  queue = run.catch(() => undefined);
  return run;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
