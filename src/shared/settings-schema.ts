/**
 * What Backstory's settings are, their defaults, and how stored values are
 * read back. Pure: no browser API, so it is unit-tested in Node.
 *
 * Stored values are never trusted: each key is checked on its own, and a
 * value that is missing, corrupt or from a newer version falls back to its
 * default without touching the other keys.
 */
import { CATEGORIES, type Category } from './categories.ts';

export type HighlightStyle = 'underline' | 'background' | 'hover';
export type MentionMode = 'first' | 'all';
export type RendererKind = 'highlight-api' | 'wrap';
export type Scope = 'article' | 'page';

export const defaults = {
  enabled: true,
  /** Hostnames where the reader switched Backstory off. */
  disabledSites: [] as string[],
  categories: { people: true, organizations: true, places: true, events: true, claims: true } as Record<Category, boolean>,
  highlightStyle: 'underline' as HighlightStyle,
  mentions: 'first' as MentionMode,
  renderer: 'highlight-api' as RendererKind,
  scope: 'article' as Scope,
  badge: true,
};

export type Settings = typeof defaults;
export type SettingsKey = keyof Settings;

const oneOf =
  <T extends string>(...values: T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as string[]).includes(v);

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

const isHostList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 10_000 && v.every((h) => typeof h === 'string' && h.length > 0 && h.length <= 253);

const isCategoryMap = (v: unknown): v is Record<Category, boolean> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Per-key validators: the schema of a stored value. */
const validators: { [K in SettingsKey]: (v: unknown) => boolean } = {
  enabled: isBoolean,
  disabledSites: isHostList,
  categories: isCategoryMap,
  highlightStyle: oneOf<HighlightStyle>('underline', 'background', 'hover'),
  mentions: oneOf<MentionMode>('first', 'all'),
  renderer: oneOf<RendererKind>('highlight-api', 'wrap'),
  scope: oneOf<Scope>('article', 'page'),
  badge: isBoolean,
};

export interface ReadResult {
  settings: Settings;
  /** Keys whose stored value was unusable and fell back to the default. */
  rejected: SettingsKey[];
}

/** Builds Settings from whatever storage held, key by key. */
export function readSettings(stored: Readonly<Record<string, unknown>>): ReadResult {
  const settings = structuredClone(defaults);
  const rejected: SettingsKey[] = [];
  for (const key of Object.keys(defaults) as SettingsKey[]) {
    if (!(key in stored)) continue;
    const value = stored[key];
    if (!validators[key](value)) {
      rejected.push(key);
      continue;
    }
    if (key === 'categories') {
      // Unknown or corrupt categories fall back one by one; a category added
      // later keeps its default.
      const map = value as Record<string, unknown>;
      for (const category of CATEGORIES) {
        if (typeof map[category] === 'boolean') settings.categories[category] = map[category] as boolean;
      }
    } else {
      (settings as Record<SettingsKey, unknown>)[key] = structuredClone(value);
    }
  }
  return { settings, rejected };
}

/**
 * Only what differs from the defaults is written, so that a later release
 * can change a default for everyone who never touched it.
 */
export function changedKeys(settings: Settings): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const key of Object.keys(defaults) as SettingsKey[]) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(defaults[key])) {
      (out as Record<string, unknown>)[key] = settings[key];
    }
  }
  return out;
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteKey(hostname));
}

/** "www.example.com" and "example.com" are one site to a reader. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}
