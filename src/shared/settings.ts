/**
 * Settings in browser storage: the one place that reads, writes and watches
 * them. Every part of the extension goes through here.
 *
 * Only keys that differ from the defaults are stored (see changedKeys), so a
 * later release can improve a default for everyone who never chose otherwise.
 * They go to storage.sync so they follow the reader, and to storage.local
 * where sync is unavailable or full. A stored value this release cannot read
 * falls back to its default, is logged once, and stays in storage until the
 * reader sets that key: an unrelated change never wipes it.
 */
import browser from 'webextension-polyfill';
import {
  changedKeys,
  readSettings,
  SETTINGS_KEYS,
  type ReadResult,
  type Rejection,
  type Settings,
  type SettingsKey,
} from './settings-schema.ts';
import { CURRENT_VERSION, migrate, VERSION_KEY, type StoredValues } from './settings-migrations.ts';
import { withExtensionLock } from './extension-lock.ts';

export * from './settings-schema.ts';

type Area = 'sync' | 'local';
const AREAS: readonly Area[] = ['sync', 'local'];
const STORED_KEYS = [...SETTINGS_KEYS, VERSION_KEY];
const logged = new Set<string>();

async function readArea(area: Area): Promise<StoredValues> {
  try {
    return (await browser.storage[area].get(STORED_KEYS)) ?? {};
  } catch {
    // storage.sync can be missing or disabled by policy; the other area still works.
    return {};
  }
}

/** Settings plus what fell back to defaults, for pages that want to tell the reader. */
export async function readStoredSettings(): Promise<ReadResult> {
  const [sync, local] = await Promise.all(AREAS.map(readArea));
  // Each area migrates on its own (they can be at different versions); a key
  // written to local because sync failed wins over a stale sync copy.
  const result = readSettings({ ...migrate(sync!).values, ...migrate(local!).values });
  reportOnce(result.rejected);
  return result;
}

export async function loadSettings(): Promise<Settings> {
  return (await readStoredSettings()).settings;
}

function reportOnce(rejected: readonly Rejection[]): void {
  for (const { key, value } of rejected) {
    const shown = JSON.stringify(value)?.slice(0, 200) ?? String(value);
    if (logged.has(key + shown)) continue;
    logged.add(key + shown);
    console.warn(`Backstory: the stored setting "${key}" holds a value this version cannot use (${shown}); using the default. The stored value is kept.`);
  }
}

// Updates run one after another, so two quick clicks in the popup never
// write from the same stale read; the lock does the same between pages.
let queue: Promise<unknown> = Promise.resolve();
const SETTINGS_LOCK = 'backstory-settings';

/**
 * A change: the new values, or a function of the settings as stored when the
 * change runs. A change made from a list or a map (the categories, the
 * switched-off sites) must be a function: built from the page's own copy,
 * two quick clicks would both start from it, and the second undo the first.
 */
export type SettingsChange = Partial<Settings> | ((current: Settings) => Partial<Settings>);

/** Applies a change and stores only the keys that differ from the defaults. */
export function updateSettings(change: SettingsChange): Promise<Settings> {
  const run = queue.then(() => withExtensionLock(SETTINGS_LOCK, () => write(change)));
  queue = run.catch(() => undefined);
  return run;
}

async function write(request: SettingsChange): Promise<Settings> {
  const { settings, rejected } = await readStoredSettings();
  const change = typeof request === 'function' ? request(structuredClone(settings)) : request;
  const next: Settings = { ...settings, ...structuredClone(change) };
  const changed: StoredValues = { ...changedKeys(next), [VERSION_KEY]: CURRENT_VERSION };
  // An unreadable value stays until the reader sets that key themselves.
  const kept = new Set(rejected.map((r) => r.key.split('.')[0]!).filter((key) => !(key in change)));
  // Unusable entries of a site list the reader changes go back with it: they never were theirs to lose.
  const keptSites = 'disabledSites' in change ? [...new Set(rejected.filter((r) => r.key.startsWith('disabledSites.')).map((r) => r.value))] : [];
  if (keptSites.length > 0) changed.disabledSites = [...next.disabledSites, ...keptSites] as string[];
  const removed = SETTINGS_KEYS.filter((key) => !(key in changed) && !kept.has(key));
  for (const key of kept) delete changed[key];
  let lastError: unknown;
  for (const area of AREAS) {
    try {
      await browser.storage[area].set(changed);
      await browser.storage[area].remove(removed);
      if (area === 'sync') await browser.storage.local.remove([...Object.keys(changed), ...removed]).catch(() => undefined);
      else await outweighSync(removed, next);
      return next;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * After a write that fell back to local storage (sync full or refusing
 * writes): keys set back to their defaults were removed from local, but
 * sync may still hold an older value for them, which reads would take. They
 * are removed from sync too, or, if sync takes no change at all, their
 * defaults are written to local, which reads prefer.
 */
async function outweighSync(removed: readonly SettingsKey[], next: Settings): Promise<void> {
  const inSync = await readArea('sync');
  const stale = removed.filter((key) => key in inSync);
  if (stale.length === 0) return;
  try {
    await browser.storage.sync.remove(stale);
  } catch {
    await browser.storage.local.set(Object.fromEntries(stale.map((key) => [key, next[key]])));
  }
}

/** Back to the defaults: every stored setting removed, in both areas. */
export function resetSettings(): Promise<void> {
  // In turn with changes, here and in other pages: one that read before the reset must not write the old values back after it.
  const run = queue.then(() =>
    withExtensionLock(SETTINGS_LOCK, async () => {
      await Promise.all(AREAS.map((area) => browser.storage[area].remove(STORED_KEYS).catch(() => undefined)));
    }),
  );
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Writes migrated values back to storage, once, when the extension is
 * installed or updated (the background calls it). Readers migrate in memory
 * anyway; this keeps storage itself current.
 */
export function persistMigrations(): Promise<number[]> {
  // Under the settings lock: a change the popup makes meanwhile is not written over.
  return withExtensionLock(SETTINGS_LOCK, persistMigrationsNow);
}

async function persistMigrationsNow(): Promise<number[]> {
  const applied: number[] = [];
  for (const area of AREAS) {
    const raw = await readArea(area);
    if (!SETTINGS_KEYS.some((key) => key in raw)) continue;
    const result = migrate(raw);
    if (result.applied.length === 0) continue;
    try {
      await browser.storage[area].set(result.values);
      applied.push(...result.applied);
    } catch {
      // Storage is read-only or full: readers still migrate in memory.
    }
  }
  return applied;
}

/** Calls back with fresh settings whenever any settings key changes. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!STORED_KEYS.some((key) => key in changes)) return;
    void loadSettings().then((settings) => {
      if (!signal.aborted) onChange(settings);
    });
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

