/** The bundled dataset reaches content scripts through storage, and through the background when storage fails them. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser.ts';

const fake = { ...fakeBrowser(), runtime: { id: 'backstory' as string | undefined, sendMessage: vi.fn<(message: unknown) => Promise<unknown>>() } };
vi.mock('webextension-polyfill', () => ({ default: fake }));
const { BundledDatasetServer, loadBundledDataset } = await import('../../../src/shared/bundled-dataset-delivery.ts');
const { BUNDLED_CARDS_KEY, BUNDLED_INDEX_KEY, isBundledDatasetRecord, isStoredPart } = await import('../../../src/shared/bundled-dataset-record.ts');

const record = { key: 'build-2', index: 'AAEC', bundle: '{"entries":[]}' };
const server = () => new BundledDatasetServer(async () => structuredClone(record));
const asIs = (index: string) => index;
/** A `use` that refuses the text 'damaged', as a decoder refuses a damaged copy. */
const refusingDamaged = (text: string) => {
  if (text === 'damaged') throw new Error('damaged copy');
  return text;
};

beforeEach(() => {
  fake.storage.local.data = {};
  fake.storage.local.failing = false;
  fake.storage.local.writes = 0;
  fake.runtime.id = 'backstory';
  // The background's side of the message, as the real one answers it.
  const background = server();
  fake.runtime.sendMessage.mockReset().mockImplementation(async (message) => {
    expect(message).toMatchObject({ type: 'bundled-dataset' });
    return structuredClone(await background.answer((message as { repair: boolean }).repair));
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the stored record', () => {
  it("is accepted only when it is this build's", () => {
    expect(isBundledDatasetRecord(record, 'build-2')).toBe(true);
    expect(isBundledDatasetRecord(record, 'build-1')).toBe(false);
    for (const bad of [null, 'x', {}, { ...record, index: 3 }, { ...record, bundle: null }, { key: 'build-2' }]) {
      expect(isBundledDatasetRecord(bad, 'build-2')).toBe(false);
    }
    expect(isStoredPart({ key: 'build-2', index: 'A' }, 'build-2', 'index')).toBe(true);
    expect(isStoredPart({ key: 'build-2', index: 'A' }, 'build-2', 'bundle')).toBe(false);
  });

  it('is kept under two keys, the index apart from the card bundle', async () => {
    await server().store();
    expect(fake.storage.local.data).toEqual({
      [BUNDLED_INDEX_KEY]: { key: 'build-2', index: 'AAEC' },
      [BUNDLED_CARDS_KEY]: { key: 'build-2', bundle: '{"entries":[]}' },
    });
  });
});

describe('loadBundledDataset', () => {
  it('reads the stored copy without asking the background', async () => {
    await server().store();
    const loaded = await loadBundledDataset('build-2', asIs, asIs);
    expect(loaded.value).toBe('AAEC');
    expect(await loaded.bundle).toBe('{"entries":[]}');
    expect(fake.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('asks the background once when nothing is stored, and the next page finds it stored', async () => {
    const loaded = await loadBundledDataset('build-2', asIs, asIs);
    expect([loaded.value, await loaded.bundle]).toEqual(['AAEC', '{"entries":[]}']);
    expect(fake.runtime.sendMessage).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.storage.local.data[BUNDLED_INDEX_KEY]).toBeDefined());
    await (await loadBundledDataset('build-2', asIs, asIs)).bundle;
    expect(fake.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it("asks the background when a stored part is another build's", async () => {
    await server().store();
    fake.storage.local.data[BUNDLED_INDEX_KEY] = { key: 'build-1', index: 'OLD' };
    expect((await loadBundledDataset('build-2', asIs, asIs)).value).toBe('AAEC');
    expect(fake.runtime.sendMessage).toHaveBeenCalledTimes(1);

    fake.runtime.sendMessage.mockClear();
    fake.storage.local.data[BUNDLED_CARDS_KEY] = { key: 'build-1', bundle: 'OLD' };
    expect(await (await loadBundledDataset('build-2', asIs, asIs)).bundle).toBe('{"entries":[]}');
    expect(fake.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('asks the background when the stored index cannot be used, or storage fails', async () => {
    await server().store();
    fake.storage.local.data[BUNDLED_INDEX_KEY] = { key: 'build-2', index: 'damaged' };
    expect((await loadBundledDataset('build-2', refusingDamaged, asIs)).value).toBe('AAEC');
    expect(fake.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'bundled-dataset', repair: true });
    await vi.waitFor(() => expect(fake.storage.local.data[BUNDLED_INDEX_KEY]).toEqual({ key: 'build-2', index: 'AAEC' }));
    fake.storage.local.failing = true;
    const loaded = await loadBundledDataset('build-2', refusingDamaged, asIs);
    expect([loaded.value, await loaded.bundle]).toEqual(['AAEC', '{"entries":[]}']);
    expect(fake.runtime.sendMessage).toHaveBeenCalledTimes(2); // one message serves both parts
  });

  it('gives up quietly, without asking, when the extension went away (reloaded or updated)', async () => {
    vi.mocked(console.warn).mockClear();
    fake.storage.local.failing = true;
    fake.runtime.id = undefined;
    await expect(loadBundledDataset('build-2', asIs, asIs)).rejects.toThrow(/unavailable/);
    expect(fake.runtime.sendMessage).not.toHaveBeenCalled();
    expect(console.warn).not.toHaveBeenCalled();
  });

  it("fails clearly when the background's answer is not this build's", async () => {
    fake.runtime.sendMessage.mockResolvedValue({ ...record, key: 'build-3' });
    await expect(loadBundledDataset('build-2', asIs, asIs)).rejects.toThrow(/dataset this script was built with/);
    fake.runtime.sendMessage.mockResolvedValue(undefined);
    await expect(loadBundledDataset('build-2', asIs, asIs)).rejects.toThrow(/dataset this script was built with/);
  });
});

describe('BundledDatasetServer', () => {
  it('shares one write among concurrent requests, and writes nothing once the copy is current', async () => {
    const background = server();
    await Promise.all([background.store(), background.store(), background.answer()]);
    expect(fake.storage.local.writes).toBe(1);
    await background.store();
    background.answer();
    await background.store();
    expect(fake.storage.local.writes).toBe(1);
  });

  it("writes only the part that is missing or another build's", async () => {
    const background = server();
    fake.storage.local.data[BUNDLED_CARDS_KEY] = { key: 'build-2', bundle: '{"entries":[]}' };
    fake.storage.local.data[BUNDLED_INDEX_KEY] = { key: 'build-1', index: 'OLD' };
    const set = vi.spyOn(fake.storage.local, 'set');
    await background.store();
    expect(set).toHaveBeenCalledWith({ [BUNDLED_INDEX_KEY]: { key: 'build-2', index: 'AAEC' } });
    set.mockRestore();
  });

  it('repairs a copy with the right key that differs from its own, and never rewrites one identical to it', async () => {
    const background = server();
    await background.store();
    await background.store(true);
    expect(fake.storage.local.writes).toBe(1);
    fake.storage.local.data[BUNDLED_INDEX_KEY] = { key: 'build-2', index: 'damaged' };
    await background.store();
    expect(fake.storage.local.writes).toBe(1); // without a repair, the key is all it looks at
    await background.store(true);
    expect(fake.storage.local.writes).toBe(2);
    expect(fake.storage.local.data[BUNDLED_INDEX_KEY]).toEqual({ key: 'build-2', index: 'AAEC' });
  });

  it('answers even when storage is full, and stops trying to write until it starts again', async () => {
    fake.storage.local.failing = true;
    const background = server();
    expect(await background.answer()).toEqual(record);
    await expect(background.store()).resolves.toBeUndefined();
    fake.storage.local.failing = false;
    await background.store();
    expect(fake.storage.local.writes).toBe(0);
    await server().store();
    expect(fake.storage.local.writes).toBe(1);
  });
});

describe('BundledDatasetServer, its packaged copy', () => {
  it('is read when first needed, once, and read again after a failure', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = vi.fn<() => Promise<typeof record>>().mockRejectedValueOnce(new Error('no file')).mockResolvedValue(record);
    const background = new BundledDatasetServer(load);
    expect(load).not.toHaveBeenCalled();
    await expect(background.answer()).rejects.toThrow('no file');
    expect(await background.answer()).toEqual(record);
    await background.answer();
    expect(load).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(fake.storage.local.data[BUNDLED_INDEX_KEY]).toBeDefined()); // a failed read does not stop storing
  });
});

describe('loadBundledDataset, the card bundle', () => {
  it('is asked for again, with a repair, when the stored one cannot be used', async () => {
    await server().store();
    fake.storage.local.data[BUNDLED_CARDS_KEY] = { key: 'build-2', bundle: 'damaged' };
    const loaded = await loadBundledDataset('build-2', asIs, refusingDamaged);
    expect(await loaded.bundle).toBe('{"entries":[]}');
    expect(fake.runtime.sendMessage).toHaveBeenCalledWith({ type: 'bundled-dataset', repair: true });
  });
});
