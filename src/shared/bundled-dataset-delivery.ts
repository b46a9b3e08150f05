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
import type { BackgroundRequest } from './messages.ts';
import { isExtensionAlive } from './extension-alive.ts';

export interface LoadedDataset<T, B> {
  /** What `useIndex` made of the index. */
  value: T;
  /** What `useBundle` made of the card bundle, which may arrive later. */
  bundle: Promise<B>;
}

/**
 * Content side: this build's index and card bundle (both as stored:
 * gzipped, base64), each made into what the caller needs. Both storage
 * reads start at once, the index's first; only the index is waited for.
 * A `use` that throws or rejects (a damaged copy) has the background's
 * copy tried next, and the background told to repair the stored one.
 */
export async function loadBundledDataset<T, B>(
  key: string,
  useIndex: (index: string) => T | Promise<T>,
  useBundle: (bundle: string) => B | Promise<B>,
): Promise<LoadedDataset<T, B>> {
  let asked: Promise<BundledDatasetRecord> | undefined;
  const ask = (repair: boolean) => (asked ??= askBackground(key, repair));
  // The index's read first: the browser answers storage reads in turn.
  const storedIndex = fromStorage(key, 'index');
  const bundle = fromStorage(key, 'bundle').then(async (stored) => {
    if (stored !== undefined) {
      try {
        return await useBundle(stored);
      } catch (error) {
        warnDamaged(error);
      }
    }
    return useBundle((await ask(stored !== undefined)).bundle);
  });
  bundle.catch(() => undefined); // the caller hears of it when it uses the bundle
  const index = await storedIndex;
  if (index !== undefined) {
    try {
      return { value: await useIndex(index), bundle };
    } catch (error) {
      warnDamaged(error);
    }
  }
  return { value: await useIndex((await ask(index !== undefined)).index), bundle };
}

function warnDamaged(error: unknown): void {
  console.warn('Backstory: the stored copy of the dataset could not be loaded; asking for a new one.', error);
}

async function fromStorage(key: string, part: 'index' | 'bundle'): Promise<string | undefined> {
  const storageKey = part === 'index' ? BUNDLED_INDEX_KEY : BUNDLED_CARDS_KEY;
  try {
    const stored: unknown = (await browser.storage.local.get(storageKey))[storageKey];
    return isStoredPart(stored, key, part) ? stored[part] : undefined;
  } catch (error) {
    if (!isExtensionAlive()) throw error; // the extension was reloaded: a shutdown, not a storage problem
    console.warn('Backstory: could not read the stored copy of the dataset; asking for it instead.', error);
    return undefined;
  }
}

async function askBackground(key: string, repair: boolean): Promise<BundledDatasetRecord> {
  const request: BackgroundRequest = { type: 'bundled-dataset', repair };
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (!isBundledDatasetRecord(reply, key)) throw new Error('the background did not send the dataset this script was built with');
  return reply;
}

/**
 * Background side: keeps the stored copy current and answers content
 * scripts that found none. It writes only what is missing or another
 * build's: every write reaches every open tab as a storage change, and
 * Firefox reports one even when nothing changed.
 */
export class BundledDatasetServer {
  #record: Promise<BundledDatasetRecord> | null = null;
  #writing: Promise<void> | null = null;
  /** After a failed write (storage full), pages ask instead, until the background starts again. */
  #failed = false;

  /** `load`: reads the packaged copy; called when first needed, not at every start of the background. */
  constructor(private readonly load: () => Promise<BundledDatasetRecord>) {}

  #loaded(): Promise<BundledDatasetRecord> {
    this.#record ??= this.load().catch((error: unknown) => {
      this.#record = null; // tried again next time
      throw error;
    });
    return this.#record;
  }

  /**
   * Brings the stored copy up to date; concurrent calls share one write.
   * `repair`: a page could not use a copy with this build's key, so a part
   * that differs from this one is rewritten too (one identical to it would
   * fail the same way again). Never throws.
   */
  store(repair = false): Promise<void> {
    this.#writing ??= this.#write(repair).finally(() => {
      this.#writing = null;
    });
    return this.#writing;
  }

  async #write(repair: boolean): Promise<void> {
    if (this.#failed) return;
    let record: BundledDatasetRecord;
    try {
      record = await this.#loaded();
    } catch (error) {
      console.error('Backstory: the packaged dataset could not be read.', error);
      return;
    }
    try {
      const items = storedItems(record);
      const stored = await browser.storage.local.get(Object.keys(items));
      const stale = Object.fromEntries(Object.entries(items).filter(([name, ours]) => isStale(stored[name], ours, record.key, repair)));
      if (Object.keys(stale).length > 0) await browser.storage.local.set(stale);
    } catch (error) {
      this.#failed = true;
      console.warn('Backstory: could not store the dataset for pages; they will ask for it instead.', error);
    }
  }

  /** A content script's request: the record, and a stored copy for the next page. */
  answer(repair = false): Promise<BundledDatasetRecord> {
    void this.store(repair);
    return this.#loaded();
  }
}

function isStale(stored: unknown, ours: unknown, key: string, repair: boolean): boolean {
  const part = stored as Record<string, unknown> | undefined;
  if (part?.key !== key) return true;
  if (!repair) return false;
  const fresh = ours as Record<string, unknown>;
  return Object.keys(fresh).some((field) => part[field] !== fresh[field]);
}
