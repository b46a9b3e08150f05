/**
 * The content script's dataset (src/content/dataset.ts), with the real
 * matcher and a fixture dataset stored as the background stores it: loaded
 * once, refused before it is loaded, tried again after a failure, and a
 * damaged card bundle costs the cards, not the page.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../../tools/data/build.ts';
import { packageDataset } from '../../../tools/dataset-module.ts';
import { BUNDLED_CARDS_KEY, storedItems, type BundledDatasetRecord } from '../../../src/shared/bundled-dataset-record.ts';
import { fakeBrowser } from '../shared/fake-browser.ts';

const built = await buildDataset(resolve(import.meta.dirname, '../../fixtures/data/valid'), { today: '2026-01-01' });
if (!built.ok) throw new Error('the fixture dataset should build');
// Packaged as the build packages it (tools/dataset-module.ts), and stored as the background stores it.
const packaged = packageDataset(built);
const key = packaged.key;
const record: BundledDatasetRecord = { key, index: packaged.indexGzip, bundle: packaged.bundleGzip };

const fake = { ...fakeBrowser(), runtime: { id: 'backstory', sendMessage: vi.fn<(message: unknown) => Promise<unknown>>() } };
vi.mock('webextension-polyfill', () => ({ default: fake }));
vi.mock('virtual:backstory-data', () => ({ datasetKey: key, entryCategories: packaged.categories }));

/** A fresh copy of the module: its loaded state lives in module variables, as in one page. */
async function freshDataset() {
  vi.resetModules();
  return import('../../../src/content/dataset.ts');
}

beforeEach(async () => {
  fake.storage.local.data = {};
  fake.storage.local.failing = false;
  fake.runtime.sendMessage.mockReset().mockResolvedValue(structuredClone(record));
  await fake.storage.local.set(storedItems(record));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('content dataset', () => {
  it('refuses to match before it is loaded, and then finds the fixture names with the stored index', async () => {
    const dataset = await freshDataset();
    expect(dataset.isDatasetLoaded()).toBe(false);
    expect(() => dataset.getMatcher()).toThrow(/not loaded/);
    expect(dataset.findEntryById('mara-quill')).toBe(-1);

    await dataset.loadDataset();
    expect(dataset.isDatasetLoaded()).toBe(true);
    const { matches } = dataset.getMatcher().session().scan(['The harbour master Mara Quill spoke.']);
    expect(matches).toHaveLength(1);
    await dataset.cardsReady();
    expect(dataset.getEntry(matches[0]!.entry)?.id).toBe('mara-quill');
    expect(dataset.headerOf(matches[0]!.entry)?.name).toBe(built.bundle.header.name);
    expect(dataset.findEntryById('mara-quill')).toBe(matches[0]!.entry);
    expect(fake.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('loads once, however many times it is asked', async () => {
    const dataset = await freshDataset();
    const get = vi.spyOn(fake.storage.local, 'get');
    await Promise.all([dataset.loadDataset(), dataset.loadDataset()]);
    await dataset.loadDataset();
    expect(get).toHaveBeenCalledTimes(2); // the index and the card bundle, once each
    get.mockRestore();
  });

  it('after a failure (no copy stored, no answer), a later start tries again', async () => {
    const dataset = await freshDataset();
    fake.storage.local.data = {};
    fake.runtime.sendMessage.mockRejectedValueOnce(new Error('no background'));
    await expect(dataset.loadDataset()).rejects.toThrow('no background');
    expect(dataset.isDatasetLoaded()).toBe(false);
    await dataset.loadDataset();
    expect(dataset.isDatasetLoaded()).toBe(true);
  });

  it('highlights can start before the card bundle is read; cardsReady waits for it (the popup\'s list asks through it)', async () => {
    const get = fake.storage.local.get.bind(fake.storage.local);
    let releaseCards!: () => void;
    const cardsHeld = new Promise<void>((resolve) => (releaseCards = resolve));
    const spy = vi.spyOn(fake.storage.local, 'get').mockImplementation(async (keys) => {
      if (keys === BUNDLED_CARDS_KEY || (Array.isArray(keys) && keys.includes(BUNDLED_CARDS_KEY))) await cardsHeld;
      return get(keys);
    });
    const dataset = await freshDataset();
    await dataset.loadDataset();
    const { matches } = dataset.getMatcher().session().scan(['Mara Quill spoke.']);
    expect(matches).toHaveLength(1);
    expect(dataset.getEntry(matches[0]!.entry)).toBeUndefined(); // no cards yet
    let ready = false;
    const waiting = dataset.cardsReady().then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    releaseCards();
    await waiting;
    expect(dataset.getEntry(matches[0]!.entry)?.id).toBe('mara-quill');
    spy.mockRestore();
  });

  it('an imported dataset matches at once, and its card bundle is parsed only when an entry is first asked for', async () => {
    const { compileUserDataset, USER_DATASETS_KEY } = await import('../../../src/shared/user-datasets.ts');
    const { validateUserDataset } = await import('../../../src/dataset/validate.ts');
    const dir = resolve(import.meta.dirname, '../../fixtures/data/valid');
    const json = (path: string) => JSON.parse(readFileSync(resolve(dir, path), 'utf8')) as Record<string, unknown>;
    // One name the bundled (fixture) dataset does not know: where both know a name, the bundled one keeps it.
    const entities = [
      { id: 'zed-orrin', kind: 'person', name: 'Zed Orrin', aliases: [{ text: 'Zed Orrin' }], summary: 'A fictional ferry captain.', asOf: '2024-05', sources: [{ title: 'Example source', publisher: 'Example Publisher', url: 'https://example.org/zed-orrin' }] },
    ];
    const input = validateUserDataset({ header: { ...json('dataset.json'), name: 'Imported' }, entities, claims: [] });
    if (!input.ok) throw new Error('the fixture should validate');
    const compiled = await compileUserDataset(input.dataset, 'imported.json');
    if (!compiled.ok) throw new Error(compiled.errors.join('\n'));
    const imported = compiled.dataset;
    fake.storage.local.data[USER_DATASETS_KEY] = [imported];

    const dataset = await freshDataset();
    await dataset.loadDataset();
    const parse = vi.spyOn(JSON, 'parse');
    const parsedBundle = () => parse.mock.calls.filter(([text]) => text === imported.bundle).length;
    const loaded = new Promise<void>((done) => dataset.onDatasetChange(done, new AbortController().signal));
    await loaded;
    expect(parsedBundle()).toBe(0);
    const { matches } = dataset.getMatcher().session().scan(['Captain Zed Orrin spoke.']);
    const importedMatch = matches.find((m) => m.entry >= built.bundle.entries.length);
    expect(importedMatch).toBeDefined();
    expect(parsedBundle()).toBe(0);
    expect(dataset.getEntry(importedMatch!.entry)?.id).toBe('zed-orrin');
    expect(parsedBundle()).toBe(1);
    dataset.getEntry(importedMatch!.entry);
    expect(parsedBundle()).toBe(1);
    parse.mockRestore();
  });

  it('a card bundle that unzips but is no bundle: matching works, cards do not, and the stored bundle is removed', async () => {
    // Every entry there, but no header: the card's footer would have nothing to show.
    fake.storage.local.data[BUNDLED_CARDS_KEY] = { key, bundle: gzipSync(JSON.stringify({ ...built.bundle, header: null })).toString('base64') };
    const dataset = await freshDataset();
    await dataset.loadDataset();
    const { matches } = dataset.getMatcher().session().scan(['Mara Quill spoke.']);
    expect(matches).toHaveLength(1);
    await dataset.cardsReady();
    expect(dataset.getEntry(matches[0]!.entry)).toBeUndefined();
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('card bundle of the dataset could not be read'), expect.anything());
    await vi.waitFor(() => expect(fake.storage.local.data[BUNDLED_CARDS_KEY]).toBeUndefined());
  });
});
