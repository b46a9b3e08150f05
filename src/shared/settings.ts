/**
 * Settings in browser storage: the one place that reads, writes and watches
 * them. Every part of the extension goes through here.
 *
 * Only keys that differ from the defaults are stored (see changedKeys), in
 * storage.sync so they follow the reader, falling back to storage.local where
 * sync is unavailable or full.
 */
import browser from 'webextension-polyfill';
import { changedKeys, defaults, readSettings, type Settings, type SettingsKey } from './settings-schema.ts';

export * from './settings-schema.ts';

type Area = 'sync' | 'local';
const KEYS = Object.keys(defaults) as SettingsKey[];
let loggedRejections = false;

async function readArea(area: Area): Promise<Record<string, unknown> | undefined> {
  try {
    return await browser.storage[area].get(KEYS);
  } catch {
    return undefined;
  }
}

export async function loadSettings(): Promise<Settings> {
  const sync = (await readArea('sync')) ?? {};
  const local = (await readArea('local')) ?? {};
  // A key written to local (sync was unavailable) wins over a stale sync copy.
  const { settings, rejected } = readSettings({ ...sync, ...local });
  if (rejected.length > 0 && !loggedRejections) {
    loggedRejections = true;
    console.warn(`Backstory: stored settings ${rejected.join(', ')} were unreadable; using defaults for them.`);
  }
  return settings;
}

/** Applies a change and stores only the keys that differ from the defaults. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  const changed = changedKeys(next);
  const removed = KEYS.filter((key) => !(key in changed));
  for (const area of ['sync', 'local'] as const) {
    try {
      await browser.storage[area].set(changed);
      await browser.storage[area].remove(removed);
      if (area === 'sync') await browser.storage.local.remove(KEYS);
      return next;
    } catch (error) {
      if (area === 'local') throw error;
    }
  }
  return next;
}

/** Calls back with fresh settings whenever any settings key changes. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!KEYS.some((key) => key in changes)) return;
    void loadSettings().then((settings) => {
      if (!signal.aborted) onChange(settings);
    });
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
