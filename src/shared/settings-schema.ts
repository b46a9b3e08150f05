/**
 * What Backstory's settings are, their defaults, and how stored values are
 * read back. Pure: no browser API, so it is unit-tested in Node.
 *
 * Stored values are never trusted: each key is checked on its own, and a
 * value that is missing, corrupt or from a newer version falls back to its
 * default without touching the other keys. What fell back is reported (see
 * `rejected`), so the caller can say so once instead of losing it silently.
 */
import { CATEGORIES, type Category } from './categories.ts';
import { migrate, type StoredValues } from './settings-migrations.ts';

export type HighlightStyle = 'underline' | 'background' | 'hover';
export type MentionMode = 'first' | 'all';
export type RendererKind = 'highlight-api' | 'wrap';
export type Scope = 'article' | 'page';

export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'hover'];
export const MENTION_MODES: readonly MentionMode[] = ['first', 'all'];
export const RENDERERS: readonly RendererKind[] = ['highlight-api', 'wrap'];
export const SCOPES: readonly Scope[] = ['article', 'page'];

export const defaults = {
  /** Backstory on or off everywhere. */
  enabled: true,
  /** Site keys (see siteKey) where the reader switched Backstory off. */
  disabledSites: [] as string[],
  categories: { people: true, organizations: true, places: true, events: true, claims: true } as Record<Category, boolean>,
  highlightStyle: 'underline' as HighlightStyle,
  mentions: 'first' as MentionMode,
  renderer: 'highlight-api' as RendererKind,
  scope: 'article' as Scope,
  /** The toolbar badge with the number of entries found on the tab. */
  badge: true,
};

export type Settings = typeof defaults;
export type SettingsKey = keyof Settings;
export const SETTINGS_KEYS = Object.keys(defaults) as SettingsKey[];

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/**
 * A site as the settings keep it (siteKey): a host name as DNS allows, at
 * most 253 characters in labels of at most 63. Shared with the options
 * page, so that nothing it stores can be refused here.
 */
export function isSiteName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 253 && v.split('.').every((label) => label.length > 0 && label.length <= 63);
}

/** The list itself; its entries are checked one by one (readSettings). */
const isHostList = (v: unknown): v is unknown[] => Array.isArray(v) && v.length <= 10_000;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Per-key validators: the schema of a stored value. */
const validators: { [K in SettingsKey]: (v: unknown) => boolean } = {
  enabled: isBoolean,
  disabledSites: isHostList,
  categories: isPlainObject,
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  mentions: oneOf(MENTION_MODES),
  renderer: oneOf(RENDERERS),
  scope: oneOf(SCOPES),
  badge: isBoolean,
};

export interface Rejection {
  /** The setting, or "categories.<name>" for one category. */
  key: string;
  /** What storage held, kept so that it can be reported and is never lost silently. */
  value: unknown;
}

export interface ReadResult {
  settings: Settings;
  /** Stored values that were unusable and fell back to the default. */
  rejected: Rejection[];
  /** The keys a stored value exists for (usable or not). */
  stored: SettingsKey[];
}

/** Builds Settings from whatever storage held (after migrations), key by key. */
export function readSettings(stored: Readonly<StoredValues>): ReadResult {
  const { values } = migrate({ ...stored });
  const settings = structuredClone(defaults);
  const rejected: Rejection[] = [];
  const present: SettingsKey[] = [];
  for (const key of SETTINGS_KEYS) {
    if (!(key in values)) continue;
    present.push(key);
    const value = values[key];
    if (!validators[key](value)) {
      rejected.push({ key, value });
      continue;
    }
    if (key === 'disabledSites') {
      // Sites fall back one by one too: one unusable entry must not hide the others.
      (value as unknown[]).forEach((site, i) => {
        const key = typeof site === 'string' ? siteKey(site) : site;
        if (!isSiteName(key)) rejected.push({ key: `disabledSites.${i}`, value: site });
        else if (!settings.disabledSites.includes(key)) settings.disabledSites.push(key);
      });
    } else if (key === 'categories') {
      // Categories fall back one by one; a category added later keeps its
      // default, and one this release no longer has is ignored.
      const map = value as Record<string, unknown>;
      for (const category of CATEGORIES) {
        if (!(category in map)) continue;
        if (typeof map[category] === 'boolean') settings.categories[category] = map[category] as boolean;
        else rejected.push({ key: `categories.${category}`, value: map[category] });
      }
    } else {
      (settings as Record<SettingsKey, unknown>)[key] = structuredClone(value);
    }
  }
  return { settings, rejected, stored: present };
}

/**
 * Only what differs from the defaults is written, so that a later release
 * can change a default for everyone who never touched it.
 */
export function changedKeys(settings: Settings): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const key of SETTINGS_KEYS) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(defaults[key])) {
      (out as Record<string, unknown>)[key] = settings[key];
    }
  }
  return out;
}

/** Backstory runs on the page: on everywhere, and not switched off for its site. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, hostname);
}

/** The reader switched Backstory off for this site (whether or not it is on everywhere). */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, hostname: string): boolean {
  return settings.disabledSites.includes(siteKey(hostname));
}

/** "www.example.com" and "example.com" are one site to a reader. */
export function siteKey(hostname: string): string {
  // A fully qualified name ("bbc.co.uk.") is the same site as without its final dot.
  return hostname.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** The settings with one site switched on or off. */
export function withSite(settings: Settings, hostname: string, on: boolean): Pick<Settings, 'disabledSites'> {
  const key = siteKey(hostname);
  const others = settings.disabledSites.filter((s) => s !== key);
  return { disabledSites: on ? others : [...others, key].sort() };
}
