/** The settings module against a fake browser storage: what is written where, and what survives. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser.ts';
import { fakeLockManager, withFakeLocks } from './fake-locks.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as ReturnType<typeof import('./fake-browser.ts').fakeBrowser> }));
vi.mock('webextension-polyfill', () => ({ default: new Proxy({}, { get: (_, key) => (fake.browser as Record<string | symbol, unknown>)[key] }) }));

let settings: typeof import('../../../src/shared/settings.ts');

beforeEach(async () => {
  fake.browser = fakeBrowser();
  vi.resetModules();
  settings = await import('../../../src/shared/settings.ts');
});

afterEach(() => vi.restoreAllMocks());

describe('settings storage', () => {
  it('writes only what the reader changed, to sync, with the version', async () => {
    await settings.updateSettings({ mentions: 'all' });
    expect(fake.browser.storage.sync.data).toEqual({ mentions: 'all', settingsVersion: 1 });
    expect(fake.browser.storage.local.data).toEqual({});
    // Back to the default: the key goes, so a later release can change the default.
    await settings.updateSettings({ mentions: 'first' });
    expect(fake.browser.storage.sync.data).toEqual({ settingsVersion: 1 });
    expect(await settings.loadSettings()).toEqual(settings.defaults);
  });

  it('falls back to local storage when sync fails, and reads it back', async () => {
    fake.browser.storage.sync.failing = true;
    await settings.updateSettings({ badge: false, disabledSites: ['example.com'] });
    expect(fake.browser.storage.local.data).toEqual({ badge: false, disabledSites: ['example.com'], settingsVersion: 1 });
    const loaded = await settings.loadSettings();
    expect(loaded.badge).toBe(false);
    expect(loaded.disabledSites).toEqual(['example.com']);
  });

  for (const removals of [true, false]) {
    it(`a setting put back to its default while sync refuses writes stays at its default (sync ${removals ? 'still removes keys' : 'takes no change'})`, async () => {
      await settings.updateSettings({ enabled: false });
      expect(fake.browser.storage.sync.data).toMatchObject({ enabled: false });
      fake.browser.storage.sync.refusing = { removals };
      await settings.updateSettings({ enabled: true });
      expect((await settings.loadSettings()).enabled).toBe(true);
      expect(fake.browser.storage.sync.data.enabled === undefined || fake.browser.storage.local.data.enabled === true).toBe(true);
    });
  }

  it('a change given as a function starts from the settings as stored when it runs: quick clicks on a list never undo each other', async () => {
    await Promise.all([
      settings.updateSettings((current) => ({ categories: { ...current.categories, people: false } })),
      settings.updateSettings((current) => ({ categories: { ...current.categories, places: false } })),
      settings.updateSettings((current) => settings.withSite(current, 'a.example', false)),
      settings.updateSettings((current) => settings.withSite(current, 'b.example', false)),
    ]);
    const loaded = await settings.loadSettings();
    expect(loaded.categories).toMatchObject({ people: false, places: false, organizations: true });
    expect(loaded.disabledSites).toEqual(['a.example', 'b.example']);
  });

  it('changes from two pages at once (the popup and the options page) both land: a lock spans the pages', async () => {
    await withFakeLocks(async () => {
      vi.resetModules();
      const otherPage = await import('../../../src/shared/settings.ts');
      await Promise.all([
        settings.updateSettings((current) => settings.withSite(current, 'a.example', false)),
        otherPage.updateSettings((current) => otherPage.withSite(current, 'b.example', false)),
      ]);
      expect((await settings.loadSettings()).disabledSites).toEqual(['a.example', 'b.example']);
    });
  });

  it('migrating storage at start-up takes the same lock as a change, so it never writes over one made meanwhile', async () => {
    const locks = fakeLockManager();
    const held: string[] = [];
    const recording = { request: <T,>(name: string, task: () => Promise<T>) => locks.request(name, () => (held.push(name), task())) };
    await withFakeLocks(async () => {
      fake.browser.storage.sync.data = { disabledSites: ['WWW.A.com'] };
      await settings.persistMigrations();
      await settings.updateSettings({ badge: false });
      expect(held).toEqual(['backstory-settings', 'backstory-settings']);
      expect(fake.browser.storage.sync.data).toMatchObject({ disabledSites: ['a.com'], badge: false });
    }, recording);
  });

  it('prefers a local copy over a stale sync one, and moves it back to sync once sync works', async () => {
    fake.browser.storage.sync.data = { highlightStyle: 'background' };
    fake.browser.storage.local.data = { highlightStyle: 'hover' };
    expect((await settings.loadSettings()).highlightStyle).toBe('hover');
    await settings.updateSettings({ badge: false });
    expect(fake.browser.storage.sync.data).toMatchObject({ highlightStyle: 'hover', badge: false });
    expect(fake.browser.storage.local.data).toEqual({});
  });

  it('serialises quick successive updates so none is lost', async () => {
    await Promise.all([
      settings.updateSettings({ badge: false }),
      settings.updateSettings({ mentions: 'all' }),
      settings.updateSettings({ scope: 'page' }),
    ]);
    expect(await settings.loadSettings()).toMatchObject({ badge: false, mentions: 'all', scope: 'page' });
  });

  it('uses defaults for corrupt values, logs each once, and keeps them until the reader sets that key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.browser.storage.sync.data = { enabled: 'yes', renderer: 7, mentions: 'all', categories: { people: 'no', places: false } };
    const first = await settings.loadSettings();
    expect(first.enabled).toBe(true);
    expect(first.renderer).toBe('highlight-api');
    expect(first.mentions).toBe('all');
    expect(first.categories).toEqual({ ...settings.defaults.categories, places: false });
    await settings.loadSettings();
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/"enabled".*"yes"/);

    // An unrelated change does not wipe them...
    await settings.updateSettings({ badge: false });
    expect(fake.browser.storage.sync.data).toMatchObject({ enabled: 'yes', renderer: 7, categories: { people: 'no', places: false } });
    // ...setting the key does.
    await settings.updateSettings({ renderer: 'wrap' });
    expect(fake.browser.storage.sync.data).toMatchObject({ enabled: 'yes', renderer: 'wrap' });
  });

  it('a change to the switched-off sites keeps every stored site, the unusable ones included', async () => {
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
    fake.browser.storage.sync.data = { settingsVersion: 1, disabledSites: ['keep-one.example', long, 'keep-two.example'] };
    expect((await settings.loadSettings()).disabledSites).toEqual(['keep-one.example', 'keep-two.example']);
    await settings.updateSettings((current) => settings.withSite(current, 'new.example', false));
    expect((await settings.loadSettings()).disabledSites.sort()).toEqual(['keep-one.example', 'keep-two.example', 'new.example']);
    expect(fake.browser.storage.sync.data.disabledSites).toContain(long);
  });

  it('a site whose address ends in a dot is the same site without it, and switching it off and on stores it once', async () => {
    for (let i = 0; i < 3; i++) {
      await settings.updateSettings((current) => settings.withSite(current, 'www.bbc.co.uk.', false));
      expect(settings.isSiteEnabled(await settings.loadSettings(), 'bbc.co.uk')).toBe(false);
      await settings.updateSettings((current) => settings.withSite(current, 'bbc.co.uk.', true));
    }
    await settings.updateSettings((current) => settings.withSite(current, 'bbc.co.uk.', false));
    expect(fake.browser.storage.sync.data.disabledSites).toEqual(['bbc.co.uk']);
    // A list stored before, with the dot and a duplicate, reads as one site; an unusable entry is kept once.
    fake.browser.storage.sync.data = { settingsVersion: 1, disabledSites: ['example.com.', 'example.com', 'x'.repeat(300), 'x'.repeat(300)] };
    expect((await settings.loadSettings()).disabledSites).toEqual(['example.com']);
    await settings.updateSettings((current) => settings.withSite(current, 'new.example', false));
    expect(fake.browser.storage.sync.data.disabledSites).toEqual(['example.com', 'new.example', 'x'.repeat(300)]);
  });

  it('a reset waits for a change already under way, so the change cannot write old values back after it', async () => {
    await settings.updateSettings({ badge: false, mentions: 'all' });
    await Promise.all([settings.updateSettings({ enabled: false }), settings.resetSettings()]);
    expect(await settings.loadSettings()).toEqual(settings.defaults);
  });

  it('survives storage that is entirely garbage', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.browser.storage.sync.data = { enabled: null, disabledSites: 'all', categories: 'none', highlightStyle: {}, settingsVersion: 'x' };
    expect(await settings.loadSettings()).toEqual(settings.defaults);
  });

  it('resets to defaults by removing every stored setting, and nothing else', async () => {
    fake.browser.storage.sync.data = { enabled: false, badge: false, settingsVersion: 1, unrelated: 1 };
    fake.browser.storage.local.data = { mentions: 'all', userDatasets: [] };
    await settings.resetSettings();
    expect(fake.browser.storage.sync.data).toEqual({ unrelated: 1 });
    expect(fake.browser.storage.local.data).toEqual({ userDatasets: [] });
    expect(await settings.loadSettings()).toEqual(settings.defaults);
  });

  it('persists migrations into storage once', async () => {
    fake.browser.storage.sync.data = { disabledSites: ['WWW.A.com', 'a.com'] };
    expect(await settings.persistMigrations()).toEqual([1]);
    expect(fake.browser.storage.sync.data).toEqual({ disabledSites: ['a.com'], settingsVersion: 1 });
    expect(await settings.persistMigrations()).toEqual([]);
  });

  it('tells watchers about changes until their signal aborts', async () => {
    const seen: boolean[] = [];
    const lifetime = new AbortController();
    settings.watchSettings((s) => seen.push(s.enabled), lifetime.signal);
    await settings.updateSettings({ enabled: false });
    await vi.waitFor(() => expect(seen).toContain(false));
    lifetime.abort();
    expect(fake.browser.listeners.size).toBe(0);
  });
});

