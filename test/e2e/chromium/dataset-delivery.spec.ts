/**
 * The bundled dataset reaches pages through storage, not inside the content
 * script (src/shared/bundled-dataset-delivery.ts): pages get it from there,
 * and without a good stored copy (cleared, another build's, damaged) they
 * ask the background and still get every highlight and card.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, serviceWorker, test } from '../support/extension.ts';
import { DIST_CHROME } from '../support/paths.ts';
import { entryById } from '../support/dataset.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { BUNDLED_CARDS_KEY, BUNDLED_INDEX_FILE, BUNDLED_INDEX_KEY, storedItems, type BundledDatasetRecord } from '../../../src/shared/bundled-dataset-record.ts';
import { resetSettings } from './page-support.ts';

const DEMO = '/seed-article.html';

test.beforeEach(async ({ extensionContext }) => resetSettings(extensionContext));

type Storage = { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(keys: string[]): Promise<void> } } };

/** The stored copy, both parts put together (undefined fields where a part is missing). */
async function storedRecord(page: Page): Promise<Partial<BundledDatasetRecord>> {
  const worker = await serviceWorker(page.context());
  const stored = await worker.evaluate(
    (keys) => (globalThis as unknown as { chrome: Storage }).chrome.storage.local.get(keys),
    [BUNDLED_INDEX_KEY, BUNDLED_CARDS_KEY],
  );
  const index = stored[BUNDLED_INDEX_KEY] as { key: string; index: string } | undefined;
  const cards = stored[BUNDLED_CARDS_KEY] as { key: string; bundle: string } | undefined;
  return { key: index?.key, index: index?.index, bundle: cards?.key === index?.key ? cards?.bundle : undefined };
}

/** Stores a copy as the background does (null: removes it). */
async function storeRecord(page: Page, record: BundledDatasetRecord | null): Promise<void> {
  const worker = await serviceWorker(page.context());
  await worker.evaluate(
    ({ keys, items }) => {
      const local = (globalThis as unknown as { chrome: Storage }).chrome.storage.local;
      return items === null ? local.remove(keys) : local.set(items);
    },
    { keys: [BUNDLED_INDEX_KEY, BUNDLED_CARDS_KEY], items: record && storedItems(record) },
  );
}

/** The demo page shows its names, and a hover on one opens its card. */
async function expectAnnotatedWithCards(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  await expect(page.locator('backstory-root .card .name')).toHaveText('Pat Ryder');
}

test('pages read the dataset from storage; the content script does not carry it, and pages cannot fetch the packaged copy', async ({ page, server, pageErrors, extensionId }) => {
  await expectAnnotatedWithCards(page, server.url + DEMO);
  const record = await storedRecord(page);
  expect(record.key).toMatch(/^[0-9a-f]{32}$/);
  expect(record.index!.length).toBeGreaterThan(100_000);

  const manifest = JSON.parse(readFileSync(resolve(DIST_CHROME, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js: string[] }> };
  const script = resolve(DIST_CHROME, manifest.content_scripts[0]!.js[0]!);
  const source = readFileSync(script, 'utf8');
  // With the dataset inlined it was 1.7 MB; its code alone is about 150 KB.
  expect(statSync(script).size).toBeLessThan(300_000);
  expect(source).not.toContain(record.index!.slice(0, 400));
  const ryder = await entryById('pat-ryder');
  if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
  expect(source).not.toContain(ryder.summary.slice(0, 60)); // no card text either

  expect(pageErrors).toEqual([]);
  // The packaged copy is the background's alone: not web-accessible, so a page cannot read it (or tell Backstory is there by it).
  expect(JSON.stringify(manifest)).not.toContain('bundled-data');
  expect(statSync(resolve(DIST_CHROME, BUNDLED_INDEX_FILE)).size).toBeGreaterThan(100_000);
  const fetched = await page.evaluate((url) => fetch(url).then(() => 'read', () => 'refused'), `chrome-extension://${extensionId}/${BUNDLED_INDEX_FILE}`);
  expect(fetched).toBe('refused');
  expect(pageErrors).toEqual(['Failed to load resource: net::ERR_FAILED']); // the refused fetch, and nothing else
});

test("no stored copy, another build's, a damaged index or a card bundle that does not unzip: the page asks the background, still gets highlights and cards, and a good copy is stored", async ({ page, server, pageErrors }) => {
  await page.goto(server.url + DEMO);
  const good = (await storedRecord(page)) as BundledDatasetRecord;

  for (const bad of [
    null,
    { ...good, key: 'another-build' },
    { ...good, index: '%%% not base64 %%%' },
    { ...good, index: good.index.slice(0, 2000) },
    { ...good, bundle: '{"header":{},"entries":[' },
  ]) {
    await storeRecord(page, bad);
    await expectAnnotatedWithCards(page, server.url + DEMO);
    await expect.poll(async () => await storedRecord(page)).toEqual(good);
  }
  expect(pageErrors).toEqual([]);
});

test('a card bundle that unzips but is no bundle: highlights stay, no card, a clear error; the next page is whole again', async ({ page, server, pageErrors }) => {
  await page.goto(server.url + DEMO);
  const good = (await storedRecord(page)) as BundledDatasetRecord;
  await storeRecord(page, { ...good, bundle: gzipSync('{"header":{},"entries":[').toString('base64') });

  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => pageErrors.some((e) => e.includes('card bundle of the dataset could not be read'))).toBe(true);
  await expect(page.locator('backstory-root .card')).toHaveCount(0);

  await expect.poll(async () => (await storedRecord(page)).bundle).toBeUndefined();
  pageErrors.length = 0;
  await expectAnnotatedWithCards(page, server.url + DEMO);
  await expect.poll(async () => await storedRecord(page)).toEqual(good);
  expect(pageErrors).toEqual([]);
});

test('the popup and the options page load the dataset’s summary, not its cards', async () => {
  // They show the header, the entry count and the outlets (bundled-summary.ts); with the card bundle inlined their scripts were 740 KB.
  const assets = resolve(DIST_CHROME, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const total = scripts.reduce((sum, f) => sum + statSync(resolve(assets, f)).size, 0);
  expect(total).toBeLessThan(200_000);
  const ryder = await entryById('pat-ryder');
  if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
  for (const f of scripts) expect(readFileSync(resolve(assets, f), 'utf8'), f).not.toContain(ryder.summary.slice(0, 60));
});
