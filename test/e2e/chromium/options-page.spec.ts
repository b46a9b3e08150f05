/**
 * The options page: a reader's own dataset is validated (errors shown, nothing
 * stored), imported, used on open pages at once next to the bundled dataset,
 * switched off and on, and removed; the list of switched-off sites is kept.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { resetSettings } from './page-support.ts';
import { expect, serviceWorker, test } from '../support/extension.ts';
import { readHighlights, pointOfText } from '../support/page-probes.ts';
import type ExtensionApi from 'webextension-polyfill';

/** The extension API in the service worker, where the tests' evaluate() callbacks run (Chrome's promise-based API). */
declare const chrome: ExtensionApi.Browser;

/** A small dataset of invented entries, in the published format (see data/README.md). */
const NAME = 'Ilsabet Varrow';
const userDataset = {
  header: {
    name: 'Reader test dataset',
    version: '1.2.3',
    date: '2026-01-15',
    licence: 'CC0 1.0',
    description: 'Invented entries for the options page test.',
  },
  entities: [
    {
      id: 'ilsabet-varrow',
      kind: 'person',
      name: NAME,
      aliases: [{ text: NAME }],
      summary: 'An invented person, used only to test imported datasets.',
      asOf: '2026-01',
      sources: [{ title: 'Example source', publisher: 'Example Publisher', url: 'https://example.org/ilsabet-varrow' }],
    },
  ],
};

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title></head>
<body><article><h1>A test page</h1><p>Yesterday ${NAME} met Pat Ryder of the Pentagon in Erbil.</p></article></body></html>`;

async function openTestPage(page: Page, server: { url: string }): Promise<void> {
  const url = `${server.url}/reader/user-dataset.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(url);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
}

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/src/options/options.html`);
  await page.waitForSelector('body[data-ready]');
}

/** The texts drawn as mentions (not the pointer's or the keyboard's own highlight of one of them). */
async function highlightedTexts(page: Page): Promise<string[]> {
  return (await readHighlights(page)).filter((h) => /^backstory-[a-z]+-[a-z]+$/.test(h.name)).flatMap((h) => h.texts);
}

const file = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});

// Everything but the bundled dataset's stored copy, as a reader's storage keeps it.
test.afterEach(async ({ extensionContext }) => resetSettings(extensionContext));

test('a file that is not a valid dataset is refused with its errors, and nothing changes', async ({ extensionContext, extensionId }) => {
  const options = await extensionContext.newPage();
  await openOptions(options, extensionId);
  const rows = options.locator('#dataset-rows tr');
  await expect(rows).toHaveCount(1);

  await options.locator('#import-file').setInputFiles(file('broken.json', '{ "entities": [ '));
  await expect(options.locator('#import-result .errors h3')).toHaveText('The file is not valid JSON.');

  const bad = structuredClone(userDataset) as { header: Record<string, unknown>; entities: Array<Record<string, unknown>> };
  bad.header.version = 'one';
  bad.entities[0]!.kind = 'wizard';
  delete bad.entities[0]!.summary;
  await options.locator('#import-file').setInputFiles(file('bad.json', bad));
  const errors = options.locator('#import-result .errors li');
  await expect(options.locator('#import-result .errors h3')).toContainText('The dataset was not imported');
  const texts = await errors.allTextContents();
  expect(texts.some((t) => t.startsWith('header.version'))).toBe(true);
  // Entries are named by position and id.
  expect(texts.some((t) => t.startsWith('entities[0] ("ilsabet-varrow").kind'))).toBe(true);
  expect(texts).toContain('entities[0] ("ilsabet-varrow").summary: is required');
  // The bundled dataset is still the only one.
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('input[type="checkbox"]')).toBeDisabled();
});

/** The options page with the test dataset imported, and the stored list as it then is. */
async function withOneImported(extensionContext: BrowserContext, extensionId: string) {
  const options = await extensionContext.newPage();
  await openOptions(options, extensionId);
  await options.locator('#import-file').setInputFiles(file('my-dataset.json', userDataset));
  await expect(options.locator('#import-result .ok')).toContainText(userDataset.header.name);
  const worker = await serviceWorker(extensionContext);
  const storedBefore = await worker.evaluate(() => chrome.storage.local.get('userDatasets'));
  return { options, worker, storedBefore };
}

test('a dataset with an alias two entries share is refused, naming both ids, and the imported datasets stay as they were', async ({
  extensionContext,
  extensionId,
}) => {
  const { options, worker, storedBefore } = await withOneImported(extensionContext, extensionId);
  const rows = options.locator('#dataset-rows tr');
  await expect(rows).toHaveCount(2);

  // A second entry claims the first one's only alias, ungated: the build refuses that, and so does the import.
  const clash = structuredClone(userDataset) as { header: Record<string, unknown>; entities: Array<Record<string, unknown>> };
  clash.header.name = 'Clashing dataset';
  clash.entities.push({ ...clash.entities[0]!, id: 'ilsabet-varrow-junior', name: 'Ilsabet Varrow Junior' });
  await options.locator('#import-file').setInputFiles(file('clash.json', clash));
  await expect(options.locator('#import-result .errors h3')).toContainText('The dataset was not imported');
  const errors = options.locator('#import-result .errors li');
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toHaveText(/^entities\[1\] \("ilsabet-varrow-junior"\)\.aliases\[0\]\.text: same text as entry "ilsabet-varrow" aliases\[0\]/);

  // Nothing stored: the list shows the one dataset imported before, as before.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(userDataset.header.name);
  await expect(options.locator('#dataset-rows')).not.toContainText('Clashing dataset');
  expect(await worker.evaluate(() => chrome.storage.local.get('userDatasets'))).toEqual(storedBefore);
});

test('a dataset too large once compiled is refused with the size it would take and the limit, and nothing is stored', async ({
  extensionContext,
  extensionId,
}) => {
  const { options, worker, storedBefore } = await withOneImported(extensionContext, extensionId);

  // A 0.6 MB file: 400 invented people with 40 aliases each, whose compiled index is over 4 MB.
  const base = userDataset.entities[0]!;
  const entities = Array.from({ length: 400 }, (_, i) => ({
    ...base,
    id: `person-${i}`,
    name: `Person ${i}`,
    aliases: Array.from({ length: 40 }, (_, k) => ({ text: `Name${i}x${k} Surname${i}y${k}` })),
  }));
  await options.locator('#import-file').setInputFiles(file('heavy.json', { header: { ...userDataset.header, name: 'Heavy dataset' }, entities }));
  await expect(options.locator('#import-result .errors h3')).toHaveText(
    /^The dataset was not imported: stored, it would take \d+(\.\d)? MB, and one dataset may take at most 4 MB, because every page you open reads it\./,
  );
  await expect(options.locator('#dataset-rows tr')).toHaveCount(2);
  await expect(options.locator('#dataset-rows')).not.toContainText('Heavy dataset');
  expect(await worker.evaluate(() => chrome.storage.local.get('userDatasets'))).toEqual(storedBefore);
});

test('an imported dataset is used on open pages at once, can be switched off and on, and removed', async ({
  page,
  server,
  extensionContext,
  extensionId,
  pageErrors,
}) => {
  await openTestPage(page, server);
  expect(await highlightedTexts(page)).not.toContain(NAME);

  const options = await extensionContext.newPage();
  await openOptions(options, extensionId);
  await options.locator('#import-file').setInputFiles(file('my-dataset.json', userDataset));
  await expect(options.locator('#import-result .ok')).toContainText(userDataset.header.name);
  const row = options.locator('#dataset-rows tr').nth(1);
  await expect(row).toContainText(userDataset.header.name);
  await expect(row).toContainText('my-dataset.json');
  await expect(row.locator('td').nth(1)).toHaveText('1');

  // The open page follows without a reload, and keeps the bundled dataset's highlights.
  await expect.poll(async () => highlightedTexts(page)).toContain(NAME);
  expect(await highlightedTexts(page)).toContain('Pat Ryder');
  await page.bringToFront();
  const point = await pointOfText(page, NAME);
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card.locator('.name')).toHaveText(NAME);
  await expect(card.locator('.summary')).toHaveText(userDataset.entities[0]!.summary);
  // Its own dataset's name, version and date in the footer.
  await expect(card.locator('.footer .dataset')).toHaveText('Reader test dataset 1.2.3, 2026-01-15');
  await page.keyboard.press('Escape');

  // Off, on, removed.
  await row.locator('input[type="checkbox"]').uncheck();
  await expect.poll(async () => highlightedTexts(page)).not.toContain(NAME);
  expect(await highlightedTexts(page)).toContain('Pat Ryder');
  await row.locator('input[type="checkbox"]').check();
  await expect.poll(async () => highlightedTexts(page)).toContain(NAME);
  await row.locator('button.remove').click();
  await expect(options.locator('#dataset-rows tr')).toHaveCount(1);
  await expect.poll(async () => highlightedTexts(page)).not.toContain(NAME);
  expect(await highlightedTexts(page)).toContain('Pat Ryder');
  expect(pageErrors).toEqual([]);
});

test('the list of sites where Backstory is off: add, see, switch back on', async ({ extensionContext, extensionId }) => {
  const options = await extensionContext.newPage();
  await openOptions(options, extensionId);
  await expect(options.locator('#no-disabled-sites')).toBeVisible();
  await options.locator('#site-input').fill('https://WWW.Example.com/news/today');
  await options.locator('#add-site button[type="submit"]').click();
  const item = options.locator('#disabled-sites li[data-site="example.com"]');
  await expect(item).toBeVisible();
  const worker = await serviceWorker(extensionContext);
  expect(await worker.evaluate(() => chrome.storage.sync.get('disabledSites'))).toEqual({ disabledSites: ['example.com'] });
  await item.locator('button').click();
  await expect(item).toHaveCount(0);
  await expect(options.locator('#no-disabled-sites')).toBeVisible();
  expect(await worker.evaluate(() => chrome.storage.sync.get('disabledSites'))).toEqual({});
});

test('a site name that cannot be one is refused with a message, and the list stays as it was', async ({ extensionContext, extensionId }) => {
  const options = await extensionContext.newPage();
  await openOptions(options, extensionId);
  const input = options.locator('#site-input');
  await input.fill('keep.example');
  await options.locator('#add-site button[type="submit"]').click();
  await expect(options.locator('#disabled-sites li[data-site="keep.example"]')).toBeVisible();
  // 255 characters: more than a host name may have.
  for (const bad of [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.com`, 'http://']) {
    await input.fill(bad);
    await options.locator('#add-site button[type="submit"]').click();
    await expect(options.locator('#site-error')).toHaveText(/not a site name/);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveValue(bad);
  }
  const worker = await serviceWorker(extensionContext);
  expect(await worker.evaluate(() => chrome.storage.sync.get('disabledSites'))).toEqual({ disabledSites: ['keep.example'] });
  // Typing again clears the message; a good name goes in.
  await input.fill('other.example');
  await expect(options.locator('#site-error')).toBeEmpty();
  await expect(input).not.toHaveAttribute('aria-invalid');
  await options.locator('#add-site button[type="submit"]').click();
  await expect(options.locator('#disabled-sites li')).toHaveCount(2);
  expect(await worker.evaluate(() => chrome.storage.sync.get('disabledSites'))).toEqual({ disabledSites: ['keep.example', 'other.example'] });
});
