/**
 * Numbered migrations of stored settings. Pure: raw stored values in, raw
 * values out; readSettings (settings-schema.ts) validates the result.
 *
 * Storage carries `settingsVersion`, the number of the last migration applied.
 * Storage written before migrations existed has none and counts as version 0.
 * A migration only rewrites keys it is about; everything else passes through
 * untouched, including keys this release does not know (a newer release may
 * have written them to sync).
 *
 * To change how a setting is stored: add a migration at the end with the next
 * number. Never edit or renumber a published one.
 *
 * Every write stamps this release's version, also over a higher one: sync
 * carries settings between devices, and an older release on one of them
 * writes its keys in the form it knows. Stamping its own (lower) version
 * makes a newer release migrate those keys again, which is right for the
 * keys it wrote and harmless for the rest only if a migration leaves a value
 * already in its new form as it is. So every migration must be idempotent
 * (settings-migrations.test.ts checks each one on its own samples).
 */

export const VERSION_KEY = 'settingsVersion';

export type StoredValues = Record<string, unknown>;

export interface Migration {
  version: number;
  /** What it changes and why, for the next engineer. */
  description: string;
  migrate(values: StoredValues): StoredValues;
  /** Stored values from before it, in the forms it must handle: the test runs it twice on each and wants the same result. */
  samples: readonly StoredValues[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'disabledSites holds site keys (lower case, without "www.", no duplicates): 0.1.0 stored whatever host name it was given, ' +
      'so "WWW.Example.com" never matched the page it was meant for.',
    migrate(values) {
      const sites = values.disabledSites;
      if (!Array.isArray(sites)) return values;
      const keys = sites.map((s) => (typeof s === 'string' ? s.trim().toLowerCase().replace(/^www\./, '') : s));
      // Values that are not strings stay, so that validation reports them rather than this quietly dropping them.
      const unique = keys.filter((key, i) => typeof key !== 'string' || (key.length > 0 && keys.indexOf(key) === i));
      return { ...values, disabledSites: unique };
    },
    samples: [{ disabledSites: [' WWW.Example.com', 'example.com', '', 'B.org', 7] }, { disabledSites: 'a.com' }, { badge: false }],
  },
];

export const CURRENT_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export interface MigrationResult {
  values: StoredValues;
  /** The version the values are at now. */
  version: number;
  /** Versions of the migrations that ran, in order. */
  applied: number[];
}

/** The stored version; missing or unreadable counts as 0 (storage from before migrations). */
export function storedVersion(values: StoredValues): number {
  const v = values[VERSION_KEY];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Runs every migration newer than the stored version, in order. Storage from
 * a newer release (a version above ours, e.g. through sync) is left as it is:
 * its keys are still read one by one and fall back to defaults where this
 * release cannot read them.
 */
export function migrate(values: StoredValues, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const from = storedVersion(values);
  const target = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (from >= target) return { values, version: from, applied: [] };
  let current = { ...values };
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= from) continue;
    current = migration.migrate(current);
    applied.push(migration.version);
  }
  current[VERSION_KEY] = target;
  return { values: current, version: target, applied };
}
