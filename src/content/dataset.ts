/**
 * The dataset as the content script sees it: the bundled dataset (compiled
 * index and card bundle, read from storage at start: see
 * src/shared/bundled-dataset-delivery.ts) plus the user datasets the reader
 * imported and enabled on the options page (compiled there and kept in
 * storage.local).
 *
 * Entry numbers are global: the bundled entries first, then each enabled
 * user dataset's in turn. Annotations, cards and the popup use these numbers
 * and never need to know which dataset an entry came from.
 */
import browser from 'webextension-polyfill';
import { datasetKey, entryCategories } from 'virtual:backstory-data';
import { Matcher, type Match, type MatchSession, type ScanResult } from '../matcher/index.ts';
import { categoryAt, categoryCode, type Category } from '../shared/categories.ts';
import { decodeBase64 } from '../shared/base64.ts';
import { gunzipBase64 } from '../shared/gzip.ts';
import { loadBundledDataset } from '../shared/bundled-dataset-delivery.ts';
import { BUNDLED_CARDS_KEY } from '../shared/bundled-dataset-record.ts';
import { listUserDatasets, USER_DATASETS_KEY } from '../shared/user-datasets.ts';
import type { Bundle, CardEntry } from '../dataset/bundle.ts';
import type { DatasetHeader } from '../dataset/types.ts';

/** What the annotator needs: a session per page. `Matcher` itself is one. */
export interface PageMatcher {
  /** `knowing`: an earlier session of the page, whose context terms count from the start (Matcher.session). */
  session(knowing?: MatchSession): MatchSession;
}

/** One dataset's part of the global numbering. */
interface Part {
  matcher: Matcher;
  /** Global number of this dataset's entry 0. */
  base: number;
  count: number;
  /** Each entry's category code (see encodeCategories). */
  categories: string;
  /** Local numbers below this are entities, the rest claims. */
  entities: number;
  /** The card bundle; undefined while the bundled one is still on its way (see loadDataset). */
  bundle(): Bundle | undefined;
}

let bundled: Part | undefined;
let loading: Promise<void> | undefined;
/** Settles when the bundled card bundle is here (or known to be lost). */
let bundleArrived: Promise<void> | undefined;
let userParts: Part[] = [];
let merged: PageMatcher | undefined;

/** Entities come first, then claims: the first claim code ends the entities. */
function entityCount(categories: string): number {
  const firstClaim = categories.indexOf(categoryCode('claims'));
  return firstClaim === -1 ? categories.length : firstClaim;
}

/**
 * The bundled dataset's part. Its card bundle arrives after the index (it is
 * needed only when a card opens or the popup asks) and is parsed on first
 * use: a page whose reader never asks never pays for parsing it.
 */
function bundledPartOf(matcher: Matcher, bundleJson: Promise<string>): Part {
  let json: string | undefined;
  let parsed: Bundle | undefined;
  bundleArrived = bundleJson.then(
    (text) => {
      json = text;
    },
    (error: unknown) => {
      parsed = damagedBundle(error);
    },
  );
  return {
    matcher,
    base: 0,
    count: entryCategories.length,
    categories: entryCategories,
    entities: entityCount(entryCategories),
    bundle: () => parsed ?? (json === undefined ? undefined : (parsed = parseBundledBundle(json))),
  };
}

/** The stored card bundle, checked against this script's entry count. */
function parseBundledBundle(json: string): Bundle {
  try {
    return parseBundle(json, entryCategories.length);
  } catch (error) {
    return damagedBundle(error);
  }
}

/**
 * A card bundle that cannot be read leaves this page without cards
 * (highlights stay). Its stored copy is removed, so that the next page asks
 * the background for a good one.
 */
function damagedBundle(error: unknown): Bundle {
  console.error('Backstory: the card bundle of the dataset could not be read; cards are off on this page, and the next page loads a new copy.', error);
  void browser.storage.local.remove(BUNDLED_CARDS_KEY).catch(() => undefined);
  return { header: { name: '', version: '', date: '', licence: '', description: '', hash: '' }, entries: [] };
}

/** Loads the bundled dataset's index, once; the functions below need it (getMatcher throws before). */
export function loadDataset(): Promise<void> {
  loading ??= loadBundledDataset(
    datasetKey,
    async (index) => Matcher.load(await gunzipBase64(index)),
    async (bundle) => new TextDecoder().decode(await gunzipBase64(bundle)),
  ).then(
    ({ value: matcher, bundle }) => {
      bundled = bundledPartOf(matcher, bundle);
    },
    (error: unknown) => {
      loading = undefined; // a later start tries again
      throw error;
    },
  );
  return loading;
}

/** Waits for the card bundle, for what needs entries soon after the page started (the popup's list). */
export async function cardsReady(): Promise<void> {
  await loading;
  await bundleArrived;
}

export function isDatasetLoaded(): boolean {
  return bundled !== undefined;
}

function parts(): Part[] {
  return bundled ? [bundled, ...userParts] : userParts;
}

export function getMatcher(): PageMatcher {
  if (!bundled) throw new Error('the dataset is not loaded yet');
  if (userParts.length === 0) return bundled.matcher;
  return (merged ??= { session: (knowing) => new MergedSession(parts(), knowing) });
}

function partOf(entry: number): Part | undefined {
  return parts().find((p) => entry >= p.base && entry < p.base + p.count);
}

export function getEntry(entry: number): CardEntry | undefined {
  const part = partOf(entry);
  return part?.bundle()?.entries[entry - part.base];
}

/** The header of the dataset an entry comes from, for the card's footer. */
export function headerOf(entry: number): DatasetHeader | undefined {
  return partOf(entry)?.bundle()?.header;
}

/** An id's entry number, -1 if none. The bundled dataset wins when a user dataset reuses an id. */
export function findEntryById(id: string): number {
  for (const part of parts()) {
    const local = part.bundle()?.entries.findIndex((e) => e.id === id) ?? -1;
    if (local !== -1) return part.base + local;
  }
  return -1;
}

/** The category of an entry without parsing the bundle. */
export function categoryOfEntry(entry: number): Category {
  const part = partOf(entry);
  return (part && categoryAt(part.categories, entry - part.base)) ?? 'organizations';
}

/**
 * Calls back when the enabled user datasets are loaded (if there are any)
 * and whenever the reader changes them, so the page is annotated again.
 */
export function onDatasetChange(listener: () => void, signal: AbortSignal): void {
  const reload = () =>
    void loadUserParts().then(
      (changed) => {
        if (changed && !signal.aborted) listener();
      },
      (error: unknown) => {
        // The bundled dataset still works; the imported ones wait for the next change.
        if (!signal.aborted) console.warn('Backstory: the imported datasets could not be loaded:', error);
      },
    );
  reload();
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && USER_DATASETS_KEY in changes) reload();
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), { once: true });
}

let loadedKey = '';

/**
 * Loads the enabled user datasets; true when they differ from what was
 * loaded. Each (4 MB at most, and 8 MB all together: the options page
 * refuses more, see STORAGE_LIMITS) is loaded in a task of its own; its
 * card bundle is parsed only when a card or the popup first needs it (its
 * counts come from its categories), as the bundled one's is.
 */
async function loadUserParts(): Promise<boolean> {
  const enabled = (await listUserDatasets()).filter((d) => d.enabled);
  const key = enabled.map((d) => d.id).join(',');
  if (key === loadedKey) return false;
  const next: Part[] = [];
  let base = entryCategories.length;
  for (const dataset of enabled) {
    await nextTask();
    try {
      const part: Part = {
        matcher: Matcher.load(decodeBase64(dataset.index)),
        base,
        count: dataset.categories.length,
        categories: dataset.categories,
        entities: entityCount(dataset.categories),
        bundle: userBundle(dataset.bundle, dataset.categories.length, dataset.header.name),
      };
      next.push(part);
      base += part.count;
    } catch (error) {
      // A stored dataset this version cannot load (an older index format): the others still work.
      console.warn(`Backstory: the imported dataset "${dataset.header.name}" could not be loaded and is skipped:`, error);
    }
  }
  loadedKey = key;
  userParts = next;
  merged = undefined;
  return true;
}

/** An imported dataset's card bundle, parsed on first use; one that does not match its index gives no cards. */
function userBundle(json: string, entries: number, name: string): () => Bundle {
  let parsed: Bundle | undefined;
  return () => {
    if (parsed) return parsed;
    try {
      parsed = parseBundle(json, entries);
    } catch (error) {
      console.warn(`Backstory: the cards of the imported dataset "${name}" could not be read; its names are highlighted without cards.`, error);
      parsed = { header: { name, version: '', date: '', licence: '', description: '', hash: '' }, entries: [] };
    }
    return parsed;
  };
}

/** Gives the page's other work a turn between two datasets. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A card bundle as stored (the bundled one, or an imported one). Whoever
 * wrote it, storage is still data: a bundle whose entries do not line up
 * with the index's `entries` would give cards the wrong entries, so it is
 * refused.
 */
function parseBundle(json: string, entries: number): Bundle {
  const bundle = JSON.parse(json) as Partial<Bundle> | null;
  if (!bundle || typeof bundle.header !== 'object' || bundle.header === null || !Array.isArray(bundle.entries) || bundle.entries.length !== entries) {
    throw new Error('the card bundle does not match its index');
  }
  return bundle as Bundle;
}

/**
 * One page session over several datasets: each dataset's session scans the
 * same blocks, and the matches are put in one list in global numbering. Where
 * names from two datasets overlap, the earlier dataset (the bundled one first)
 * keeps the text, so entity matches still never overlap each other.
 */
class MergedSession implements MatchSession {
  readonly #sessions: Array<{ part: Part; session: MatchSession }>;

  constructor(parts: readonly Part[], knowing?: MatchSession) {
    // Each dataset's session knows that dataset's earlier session. A dataset
    // loaded since has none (a change of datasets reads the page anew anyway).
    const earlier = knowing instanceof MergedSession ? knowing.#sessions : [];
    this.#sessions = parts.map((part) => ({
      part,
      session: part.matcher.session(earlier.find((e) => e.part === part)?.session),
    }));
  }

  scan(blocks: readonly string[]): ScanResult {
    const matches: Match[] = [];
    const taken = new Map<number, Array<[number, number]>>();
    let revisit = false;
    for (const { part, session } of this.#sessions) {
      const result = session.scan(blocks);
      revisit ||= result.revisit;
      for (const match of result.matches) {
        if (match.entry < part.entities) {
          const spans = taken.get(match.block) ?? [];
          if (spans.some(([start, end]) => match.start < end && start < match.end)) continue;
          spans.push([match.start, match.end]);
          taken.set(match.block, spans);
        }
        matches.push({ ...match, entry: match.entry + part.base });
      }
    }
    matches.sort((x, y) => x.block - y.block || x.start - y.start || y.end - x.end || x.entry - y.entry);
    return { matches, revisit };
  }
}
