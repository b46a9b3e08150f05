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
import type { Claim, Dataset, DatasetHeader, Entity } from '../dataset/types.ts';
import { entryLabel } from '../dataset/validate.ts';
import type { PatternProblem } from '../matcher/problems.ts';
import { encodeCategories } from './categories.ts';
import { encodeBase64 } from './base64.ts';
import { withExtensionLock } from './extension-lock.ts';

export const USER_DATASETS_KEY = 'userDatasets';
/**
 * Larger files are refused before parsing. What a file weighs says little
 * about what it weighs stored: its aliases compile to an index several times
 * its size (a 3.9 MB file of 2,294 entries with 40 aliases each compiles to
 * over 20 MB). STORAGE_LIMITS is the limit that counts.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_DATASETS = 10;

/** The most storage, in bytes, one imported dataset may take (`dataset`), and all of them together (`total`). */
export interface StorageLimits {
  dataset: number;
  total: number;
}

/**
 * Every page load in every tab reads the whole stored list of imported
 * datasets, switched off or not, and every switch or removal sends the whole
 * old and new list to every tab (storage.onChanged). The bundled dataset
 * costs a page about 430 KB (its index and cards, gzipped; stored as an
 * import stores it, not gzipped, it would take 1.6 MB). A dataset of 4 MB
 * is about two and a half bundled datasets, and costs every page load about
 * ten times what the bundled one does: the most we let one dataset add.
 * All of them together are held to 8 MB, twenty times the bundled dataset:
 * what a page load can be asked to read in all. It is also about what
 * Chrome's storage.local holds (10 MB, with the bundled copy and the
 * settings), so a Chrome reader meets this message before a full storage;
 * Firefox refuses nothing, so without these limits a Firefox reader could
 * make every page read hundreds of MB.
 */
export const STORAGE_LIMITS: StorageLimits = { dataset: 4 * 1024 * 1024, total: 8 * 1024 * 1024 };

export interface StoredUserDataset {
  /** Content hash: the same file imported twice is one dataset. */
  id: string;
  fileName: string;
  header: DatasetHeader;
  importedAt: string;
  enabled: boolean;
  entities: number;
  claims: number;
  /** Warnings about aliases or cues, as `entities[3] ("entry-id").field: message` (errors refuse the import). */
  problems: string[];
  /** The compiled matcher index, base64. */
  index: string;
  /** The card bundle (src/dataset/bundle.ts Bundle) as JSON text. */
  bundle: string;
  /** One character per entry: its category code, as in the bundled dataset module. */
  categories: string;
}

export type CompileOutcome = { ok: true; dataset: StoredUserDataset } | { ok: false; errors: string[] };

/**
 * Compiles a validated dataset for storage, or refuses it. The matcher
 * skips an alias or cue it reports as an error, and data:build refuses a
 * dataset with any: imported anyway, an entry could be left unmatchable
 * (an alias two entries share ungated is taken from one of them). So an
 * error refuses the whole file, with every problem listed; warnings are
 * kept with the record and shown on the options page.
 */
export async function compileUserDataset(dataset: Dataset, fileName: string, now = new Date()): Promise<CompileOutcome> {
  const hash = await sha256(JSON.stringify(dataset));
  const compiled = compileIndex(patternSet(dataset, hash));
  const describe = problemNamer(dataset);
  const errors = compiled.problems.filter((p) => p.severity === 'error').map(describe);
  if (errors.length > 0) return { ok: false, errors };
  const bundle = makeBundle(dataset, hash);
  const { entities, claims } = orderedEntries(dataset);
  const stored: StoredUserDataset = {
    id: hash.slice(0, 16),
    fileName,
    header: dataset.header,
    importedAt: now.toISOString(),
    enabled: true,
    entities: entities.length,
    claims: claims.length,
    problems: compiled.problems.map(describe).slice(0, 100),
    index: encodeBase64(compiled.bytes),
    bundle: JSON.stringify(bundle),
    categories: encodeCategories(bundle.entries),
  };
  return { ok: true, dataset: stored };
}

/**
 * What a record takes in storage: its JSON text in UTF-8, as Chrome counts it
 * against its quota (Firefox keeps about as much). The index and the card
 * bundle are nearly all of it.
 */
export function storedBytes(dataset: StoredUserDataset): number {
  return utf8Length(JSON.stringify(dataset));
}

/** UTF-8 length without encoding a copy: 2 bytes up to U+07FF, 3 to U+FFFF, 4 for a surrogate pair (2 + 2). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/**
 * A compile problem as the validator words its errors: the entry by its
 * place in the reader's file and its id, then the field,
 * `entities[3] ("some-id").aliases[0].text: message`. The compiler numbers
 * entries in id order (bundle.ts), which the reader never sees.
 */
function problemNamer(dataset: Dataset): (problem: PatternProblem) => string {
  const { entities, claims } = orderedEntries(dataset);
  const entityAt = new Map(dataset.entities.map((entry, i) => [entry, i]));
  const claimAt = new Map(dataset.claims.map((entry, i) => [entry, i]));
  return (problem) => {
    const isEntity = problem.entry < entities.length;
    const entry = isEntity ? entities[problem.entry] : claims[problem.entry - entities.length];
    const index = entry === undefined ? undefined : isEntity ? entityAt.get(entry as Entity) : claimAt.get(entry as Claim);
    const where = index === undefined ? `entry ${problem.entry}` : entryLabel(isEntity ? 'entities' : 'claims', index, entry);
    return `${where}.${problem.field}: ${problem.message}`;
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
  const run = queue.then(() =>
    // One options tab's change must not undo another's (extension-lock.ts).
    withExtensionLock('backstory-user-datasets', async () => {
      const list = await listUserDatasets();
      const next = change(list);
      if (next !== list) await browser.storage.local.set({ [USER_DATASETS_KEY]: next });
    }),
  );
  queue = run.catch(() => undefined);
  return run;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
