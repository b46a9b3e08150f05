import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, MIGRATIONS, migrate, storedVersion, VERSION_KEY, type Migration } from '../../../src/shared/settings-migrations.ts';

const numbered: Migration[] = [
  { version: 1, description: 'a', migrate: (v) => ({ ...v, a: 'one' }), samples: [] },
  { version: 2, description: 'b', migrate: (v) => ({ ...v, b: `${String(v.a)}+two` }), samples: [] },
  { version: 3, description: 'c', migrate: (v) => ({ ...v, c: true }), samples: [] },
];

describe('settings migrations', () => {
  it('are numbered 1, 2, 3… without gaps, each explained', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(CURRENT_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.description.length).toBeGreaterThan(20);
  });

  it('are idempotent: a value already migrated stays as it is (an older release on another device stamps its lower version again)', () => {
    for (const m of MIGRATIONS) {
      expect(m.samples.length, `migration ${m.version} needs samples`).toBeGreaterThan(0);
      for (const sample of m.samples) {
        const once = m.migrate(structuredClone(sample));
        expect(m.migrate(structuredClone(once)), `migration ${m.version} on ${JSON.stringify(sample)}`).toEqual(once);
      }
    }
  });

  it('run in order from the stored version and stamp the new one', () => {
    expect(migrate({}, numbered)).toEqual({ values: { a: 'one', b: 'one+two', c: true, [VERSION_KEY]: 3 }, version: 3, applied: [1, 2, 3] });
    expect(migrate({ [VERSION_KEY]: 2, a: 'kept' }, numbered)).toEqual({
      values: { a: 'kept', c: true, [VERSION_KEY]: 3 },
      version: 3,
      applied: [3],
    });
  });

  it('leave current and newer storage alone', () => {
    const current = { [VERSION_KEY]: 3, a: 'x' };
    expect(migrate(current, numbered)).toEqual({ values: current, version: 3, applied: [] });
    const newer = { [VERSION_KEY]: 9, futureKey: 1 };
    expect(migrate(newer, numbered)).toEqual({ values: newer, version: 9, applied: [] });
  });

  it('never change their input', () => {
    const input = { disabledSites: ['WWW.A.com'] };
    migrate(input);
    expect(input).toEqual({ disabledSites: ['WWW.A.com'] });
  });

  it('read a missing or corrupt version as 0', () => {
    expect(storedVersion({})).toBe(0);
    expect(storedVersion({ [VERSION_KEY]: 'two' })).toBe(0);
    expect(storedVersion({ [VERSION_KEY]: -1 })).toBe(0);
    expect(storedVersion({ [VERSION_KEY]: 2 })).toBe(2);
  });

  it('1: normalise disabled sites, keeping values that are not strings for validation to report', () => {
    const { values } = migrate({ disabledSites: [' WWW.Example.com', 'example.com', '', 'b.org', 7] });
    expect(values.disabledSites).toEqual(['example.com', 'b.org', 7]);
    // Something that is not a list at all is left for validation too.
    expect(migrate({ disabledSites: 'a.com' }).values.disabledSites).toBe('a.com');
  });
});
