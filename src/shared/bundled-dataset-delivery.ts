/**
 * How the bundled dataset (compiled index and card bundle) reaches content
 * scripts: through storage.local, not as part of their script.
 *
 * Inlined in the content script, the two long strings were parsed as script
 * source on every page load: 10 to 20 ms of the injection task in Chromium,
 * traced (BENCHMARKS.md). Read from storage they arrive as plain strings,
 * and the page's main thread barely sees them.
 *
 * The background stores the copy when the extension is installed or
 * updated. A content script that finds no copy, another build's copy (its
 * key differs) or one it cannot load asks the background, which answers
 * from its own and stores it again: storage cleared, full or damaged costs
 * a message, never the page's annotations.
 */
import browser from 'webextension-polyfill';
import {
  BUNDLED_CARDS_KEY,
  BUNDLED_INDEX_KEY,
  isBundledDatasetRecord,
  isStoredPart,
  storedItems,
  type BundledDatasetRecord,
} from './bundled-dataset-record.ts';

export interface LoadedDataset<T> {
  /** What `use` made of the index. */
  value: T;
  /** The card bundle as stored, which may arrive later. */
  bundle: Promise<string>;
}

/**
 * Content side: this build's index, made into what the caller needs, and
 * its card bundle (both as stored: gzipped, base64). `use` may throw or
 * reject (a damaged index): the background's copy is tried next. Both storage reads start at once; only the index is waited
 * for.
 */
export async function loadBundledDataset<T>(key: string, use: (index: string) => T | Promise<T>): Promise<LoadedDataset<T>> {
  let asked: Promise<BundledDatasetRecord> | undefined;
  const ask = () => (asked ??= askBackground(key));
  const bundle = fromStorage(key, 'bundle').then((json) => json ?? ask().then((record) => record.bundle));
  bundle.catch(() => undefined); // the caller hears of it when it uses the bundle
  const index = await fromStorage(key, 'index');
  if (index !== undefined) {
    try {
      return { value: await use(index), bundle };
    } catch (error) {
      console.warn('Backstory: the stored copy of the dataset could not be loaded; asking for a new one.', error);
    }
  }
  return { value: await use((await ask()).index), bundle };
}

async function fromStorage(key: string, part: 'index' | 'bundle'): Promise<string | undefined> {
  const storageKey = part === 'index' ? BUNDLED_INDEX_KEY : BUNDLED_CARDS_KEY;
  try {
    const stored: unknown = (await browser.storage.local.get(storageKey))[storageKey];
    return isStoredPart(stored, key, part) ? stored[part] : undefined;
  } catch (error) {
    console.warn('Backstory: could not read the stored copy of the dataset; asking for it instead.', error);
    return undefined;
  }
}

async function askBackground(key: string): Promise<BundledDatasetRecord> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'bundled-dataset' });
  if (!isBundledDatasetRecord(reply, key)) throw new Error('the background did not send the dataset this script was built with');
  return reply;
}

/** Background side: keeps the stored copy current and answers content scripts that found none. */
export class BundledDatasetServer {
  #writing: Promise<void> | null = null;

  constructor(private readonly record: BundledDatasetRecord) {}

  /** Writes the copy to storage; concurrent calls share one write. Never throws (a full storage is logged; content scripts then ask). */
  store(): Promise<void> {
    this.#writing ??= browser.storage.local
      .set(storedItems(this.record))
      .catch((error: unknown) => console.warn('Backstory: could not store the dataset for pages; they will ask for it instead.', error))
      .finally(() => {
        this.#writing = null;
      });
    return this.#writing;
  }

  /** A content script's request: the record at once, and a stored copy for the next page. */
  answer(): BundledDatasetRecord {
    void this.store();
    return this.record;
  }
}
