/** The all-sites registration follows the permission, one sync at a time. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = { granted: true, registered: [] as string[], registerCalls: 0 };
const fake = {
  runtime: { getManifest: () => ({ content_scripts: [{ js: ['content.js'], css: ['content.css'], matches: ['*://news.example/*'] }] }), getURL: (p: string) => `chrome-extension://id${p}` },
  permissions: { contains: async () => state.granted },
  scripting: {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => state.registered.filter((id) => ids.includes(id)).map((id) => ({ id })),
    registerContentScripts: async (scripts: Array<{ id: string }>) => {
      state.registerCalls++;
      await new Promise((resolve) => setTimeout(resolve, 5)); // the browser answers later
      for (const { id } of scripts) {
        if (state.registered.includes(id)) throw new Error(`Duplicate script ID '${id}'`);
        state.registered.push(id);
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      state.registered = state.registered.filter((id) => !ids.includes(id));
    },
  },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));
const { syncAllSitesScript } = await import('../../../src/shared/permissions.ts');

beforeEach(() => {
  state.granted = true;
  state.registered = [];
  state.registerCalls = 0;
});

describe('syncAllSitesScript', () => {
  it('two syncs at once (start-up and install) register once, and neither throws', async () => {
    const results = await Promise.all([syncAllSitesScript(), syncAllSitesScript()]);
    expect(results).toEqual(['registered', 'unchanged']);
    expect(state.registerCalls).toBe(1);
  });

  it('a revoke and a grant in quick succession end registered', async () => {
    await syncAllSitesScript();
    state.granted = false;
    const revoked = syncAllSitesScript();
    state.granted = true;
    const granted = syncAllSitesScript();
    await Promise.all([revoked, granted]);
    expect(state.registered).toEqual(['backstory-all-sites']);
  });
});
