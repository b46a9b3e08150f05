import { describe, expect, it } from 'vitest';
import { changedKeys, defaults, isSiteEnabled, readSettings, siteKey } from '../../../src/shared/settings-schema.ts';

describe('readSettings', () => {
  it('gives the defaults for empty storage', () => {
    expect(readSettings({})).toEqual({ settings: defaults, rejected: [] });
  });

  it('keeps valid stored values', () => {
    const { settings, rejected } = readSettings({ enabled: false, mentions: 'all', disabledSites: ['example.com'] });
    expect(rejected).toEqual([]);
    expect(settings.enabled).toBe(false);
    expect(settings.mentions).toBe('all');
    expect(settings.disabledSites).toEqual(['example.com']);
  });

  it('falls back per key on corrupt values and names them', () => {
    const { settings, rejected } = readSettings({ enabled: 'yes', mentions: 'all', renderer: 42, disabledSites: [1, 2] });
    expect(settings.enabled).toBe(defaults.enabled);
    expect(settings.renderer).toBe(defaults.renderer);
    expect(settings.disabledSites).toEqual(defaults.disabledSites);
    expect(settings.mentions).toBe('all');
    expect(rejected.sort()).toEqual(['disabledSites', 'enabled', 'renderer']);
  });

  it('reads categories one by one and ignores unknown ones', () => {
    const { settings } = readSettings({ categories: { people: false, claims: 'no', spaceships: true } });
    expect(settings.categories).toEqual({ ...defaults.categories, people: false });
  });

  it('ignores keys it does not know', () => {
    expect(readSettings({ someFutureKey: 1 }).settings).toEqual(defaults);
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
  it('treats www. as the same site', () => {
    expect(siteKey('WWW.Example.com')).toBe('example.com');
  });

  it('is off where the reader switched it off, and everywhere when disabled', () => {
    const settings = { ...structuredClone(defaults), disabledSites: ['rt.com'] };
    expect(isSiteEnabled(settings, 'www.rt.com')).toBe(false);
    expect(isSiteEnabled(settings, 'bbc.com')).toBe(true);
    expect(isSiteEnabled({ ...settings, enabled: false }, 'bbc.com')).toBe(false);
  });
});
