import { describe, expect, it } from 'vitest';
import { changedKeys, defaults, isSiteDisabled, isSiteEnabled, readSettings, siteKey, withSite } from '../../../src/shared/settings-schema.ts';

describe('readSettings', () => {
  it('gives the defaults for empty storage', () => {
    expect(readSettings({})).toEqual({ settings: defaults, rejected: [], stored: [] });
  });

  it('keeps valid stored values', () => {
    const { settings, rejected } = readSettings({ enabled: false, mentions: 'all', disabledSites: ['example.com'], badge: false });
    expect(rejected).toEqual([]);
    expect(settings.enabled).toBe(false);
    expect(settings.mentions).toBe('all');
    expect(settings.badge).toBe(false);
    expect(settings.disabledSites).toEqual(['example.com']);
  });

  it('falls back per key on corrupt values and reports each with what was stored', () => {
    const { settings, rejected } = readSettings({ enabled: 'yes', mentions: 'all', renderer: 42, disabledSites: 'example.com', highlightStyle: null });
    expect(settings.enabled).toBe(defaults.enabled);
    expect(settings.renderer).toBe(defaults.renderer);
    expect(settings.disabledSites).toEqual(defaults.disabledSites);
    expect(settings.highlightStyle).toBe(defaults.highlightStyle);
    expect(settings.mentions).toBe('all');
    expect(rejected.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'disabledSites', value: 'example.com' },
      { key: 'enabled', value: 'yes' },
      { key: 'highlightStyle', value: null },
      { key: 'renderer', value: 42 },
    ]);
  });

  it('reads categories one by one, reports corrupt ones and ignores unknown ones', () => {
    const { settings, rejected } = readSettings({ categories: { people: false, claims: 'no', spaceships: true } });
    expect(settings.categories).toEqual({ ...defaults.categories, people: false });
    expect(rejected).toEqual([{ key: 'categories.claims', value: 'no' }]);
    expect(readSettings({ categories: [true] }).rejected).toEqual([{ key: 'categories', value: [true] }]);
  });

  it('reads switched-off sites one by one: an unusable entry falls back alone', () => {
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
    const { settings, rejected } = readSettings({ disabledSites: ['keep-one.example', long, 7, 'keep-two.example', 'x'.repeat(64) + '.example'] });
    expect(settings.disabledSites).toEqual(['keep-one.example', 'keep-two.example']);
    expect(rejected).toEqual([
      { key: 'disabledSites.1', value: long },
      { key: 'disabledSites.2', value: 7 },
      { key: 'disabledSites.4', value: 'x'.repeat(64) + '.example' },
    ]);
  });

  it('ignores keys it does not know, such as a newer release’s', () => {
    expect(readSettings({ someFutureKey: 1 }).settings).toEqual(defaults);
    expect(readSettings({ someFutureKey: 1 }).rejected).toEqual([]);
  });

  it('applies migrations to unversioned storage', () => {
    const { settings } = readSettings({ disabledSites: ['WWW.Example.com', 'example.com', 'News.Site'] });
    expect(settings.disabledSites).toEqual(['example.com', 'news.site']);
  });

  it('never shares state with the defaults object', () => {
    const { settings } = readSettings({});
    settings.categories.people = false;
    settings.disabledSites.push('x.com');
    expect(defaults.categories.people).toBe(true);
    expect(defaults.disabledSites).toEqual([]);
  });
});

describe('changedKeys', () => {
  it('is empty for the defaults', () => {
    expect(changedKeys(structuredClone(defaults))).toEqual({});
  });

  it('holds only what differs', () => {
    expect(changedKeys({ ...structuredClone(defaults), enabled: false, highlightStyle: 'background' })).toEqual({
      enabled: false,
      highlightStyle: 'background',
    });
  });
});

describe('sites', () => {
  it('treats www. and case as the same site', () => {
    expect(siteKey('WWW.Example.com')).toBe('example.com');
  });

  it('is off where the reader switched it off, and everywhere when disabled', () => {
    const settings = { ...structuredClone(defaults), disabledSites: ['rt.com'] };
    expect(isSiteEnabled(settings, 'www.rt.com')).toBe(false);
    expect(isSiteEnabled(settings, 'bbc.com')).toBe(true);
    expect(isSiteEnabled({ ...settings, enabled: false }, 'bbc.com')).toBe(false);
  });

  it('knows a site is switched off even while Backstory is off everywhere', () => {
    const settings = { ...structuredClone(defaults), enabled: false, disabledSites: ['rt.com'] };
    expect(isSiteDisabled(settings, 'WWW.RT.com')).toBe(true);
    expect(isSiteDisabled(settings, 'bbc.com')).toBe(false);
  });

  it('switches one site off and on without touching the others', () => {
    const settings = { ...structuredClone(defaults), disabledSites: ['a.com'] };
    const off = withSite(settings, 'www.B.com', false);
    expect(off).toEqual({ disabledSites: ['a.com', 'b.com'] });
    expect(withSite({ ...settings, ...off }, 'b.com', true)).toEqual({ disabledSites: ['a.com'] });
    // Switching off twice lists it once.
    expect(withSite({ ...settings, ...off }, 'b.com', false)).toEqual({ disabledSites: ['a.com', 'b.com'] });
  });
});
