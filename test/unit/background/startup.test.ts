/**
 * The background starts whole where the browser lacks an optional API:
 * Firefox for Android has no keyboard commands, and everything registered
 * after them (install, permissions, start-up) must still be.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../shared/fake-browser.ts';

const registered: string[] = [];
const event = (name: string) => ({ addListener: () => void registered.push(name) });
const fake = {
  ...fakeBrowser(),
  runtime: {
    onMessage: event('runtime.onMessage'),
    onStartup: event('runtime.onStartup'),
    onInstalled: event('runtime.onInstalled'),
    getURL: (path: string) => `moz-extension://backstory/${path.replace(/^\//, '')}`,
    getManifest: () => ({ content_scripts: [] }),
  },
  permissions: { onAdded: event('permissions.onAdded'), onRemoved: event('permissions.onRemoved'), contains: async () => false },
  scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: async () => undefined, unregisterContentScripts: async () => undefined },
  tabs: { query: async () => [], sendMessage: async () => undefined },
  action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
  // No `commands`: as on Firefox for Android.
};
vi.mock('webextension-polyfill', () => ({ default: fake }));
vi.mock('virtual:backstory-data', () => ({ datasetKey: 'key', entryCategories: '' }));

describe('background start-up', () => {
  it('without the commands API, registers everything else', async () => {
    await import('../../../src/background/index.ts');
    expect(registered).toEqual(
      expect.arrayContaining(['runtime.onMessage', 'runtime.onStartup', 'runtime.onInstalled', 'permissions.onAdded', 'permissions.onRemoved']),
    );
  });
});
