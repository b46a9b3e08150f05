/** The stored list of imported datasets: changes run in turn on the list as stored, and a refused write is reported. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser.ts';
import { fakeLockManager, withFakeLocks } from './fake-locks.ts';
import { validateUserDataset } from '../../../src/dataset/validate.ts';
import type { StoredUserDataset } from '../../../src/shared/user-datasets.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as ReturnType<typeof import('./fake-browser.ts').fakeBrowser> }));
vi.mock('webextension-polyfill', () => ({ default: new Proxy({}, { get: (_, key) => (fake.browser as Record<string | symbol, unknown>)[key] }) }));

let datasets: typeof import('../../../src/shared/user-datasets.ts');

/** A real compiled record of the fixture dataset, stored twice under two ids. */
let record: StoredUserDataset;
const stored = (id: string): StoredUserDataset => ({ ...record, id });

beforeAll(async () => {
  fake.browser = fakeBrowser();
  const { compileUserDataset } = await import('../../../src/shared/user-datasets.ts');
  const dir = resolve(import.meta.dirname, '../../fixtures/data/valid');
  const json = (path: string) => JSON.parse(readFileSync(resolve(dir, path), 'utf8')) as Record<string, unknown>;
  const entities = ['entities/people.json', 'entities/places.json', 'entities/outlets.json'].flatMap((f) => json(f).entities as unknown[]);
  const result = validateUserDataset({ header: json('dataset.json'), entities, claims: json('claims/harbour.json').claims });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const compiled = await compileUserDataset(result.dataset, 'fixture.json');
  if (!compiled.ok) throw new Error(compiled.errors.join('\n'));
  record = compiled.dataset;
});

beforeEach(async () => {
  fake.browser = fakeBrowser();
  vi.resetModules();
  datasets = await import('../../../src/shared/user-datasets.ts');
  fake.browser.storage.local.data[datasets.USER_DATASETS_KEY] = [stored('a'), stored('b')];
});

/** The stored list, ids and switches (the fake stores records as given, without checking them). */
const list = () => (fake.browser.storage.local.data[datasets.USER_DATASETS_KEY] as Array<{ id: string; enabled: boolean }>).map((d) => `${d.id}:${d.enabled}`);

describe('updateUserDatasets', () => {
  it('runs quick changes in turn, each on the list as stored: none undoes another', async () => {
    const toggle = (id: string) => datasets.updateUserDatasets((l) => l.map((d) => (d.id === id ? { ...d, enabled: false } : d)));
    await Promise.all([toggle('a'), toggle('b')]);
    expect(list()).toEqual(['a:false', 'b:false']);
  });

  it('writes nothing when the change returns the same list, and rejects when storage refuses the write', async () => {
    const writes = fake.browser.storage.local.writes;
    await datasets.updateUserDatasets((l) => l);
    expect(fake.browser.storage.local.writes).toBe(writes);
    fake.browser.storage.local.refusing = { removals: true };
    await expect(datasets.updateUserDatasets((l) => [...l])).rejects.toThrow(/full/);
    // The queue goes on after a failure.
    fake.browser.storage.local.refusing = null;
    await datasets.updateUserDatasets((l) => l.slice(0, 1));
    expect(fake.browser.storage.local.data[datasets.USER_DATASETS_KEY]).toHaveLength(1);
  });
});

describe('imported datasets from two options tabs at once', () => {
  it('both changes land: a lock spans the pages', async () => {
    await withFakeLocks(async () => {
      vi.resetModules();
      const otherTab = await import('../../../src/shared/user-datasets.ts');
      await Promise.all([
        datasets.updateUserDatasets((l) => l.map((d) => (d.id === 'a' ? { ...d, enabled: false } : d))),
        otherTab.updateUserDatasets((l) => l.filter((d) => d.id !== 'b')),
      ]);
      expect(list()).toEqual(['a:false']);
    });
  });
});
