/**
 * The bundled dataset's stored copy (bundled-dataset-delivery.ts): where it
 * is kept and what it holds, with no browser API.
 *
 * Two storage keys, so that a page can start reading with the index while
 * the card bundle, needed only when a card opens, is still on its way. Each
 * carries the build's datasetKey (tools/dataset-module.ts).
 */
export const BUNDLED_INDEX_KEY = 'bundledDatasetIndex';
export const BUNDLED_CARDS_KEY = 'bundledDatasetCards';

/** Where the package holds each part, as the stored text (tools/dataset-module.ts writes them; only the background reads them). */
export const BUNDLED_INDEX_FILE = 'bundled-data/index.gz.txt';
export const BUNDLED_CARDS_FILE = 'bundled-data/cards.gz.txt';

/** The whole of it, as the background holds it and sends it. */
export interface BundledDatasetRecord {
  key: string;
  /** The compiled matcher index, gzipped, base64 (gunzipBase64). */
  index: string;
  /** The card bundle's JSON text (UTF-8), gzipped, base64. */
  bundle: string;
}

export function isBundledDatasetRecord(v: unknown, key: string): v is BundledDatasetRecord {
  return isStoredPart(v, key, 'index') && isStoredPart(v, key, 'bundle');
}

/** Is `v` this build's stored index (`{ key, index }`) or card bundle (`{ key, bundle }`)? */
export function isStoredPart<P extends 'index' | 'bundle'>(v: unknown, key: string, part: P): v is Record<P, string> {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.key === key && typeof r[part] === 'string';
}

/** The storage items that hold a record. */
export function storedItems(record: BundledDatasetRecord): Record<string, unknown> {
  return {
    [BUNDLED_INDEX_KEY]: { key: record.key, index: record.index },
    [BUNDLED_CARDS_KEY]: { key: record.key, bundle: record.bundle },
  };
}
