/**
 * The popup, driven as a reader would, with the demo article open in another
 * tab: every setting changes that tab at once and without a reload; "On this
 * page" lists exactly what is highlighted and takes the reader to it; "About
 * this site" names a known outlet's owner; the shortcuts are listed.
 *
 * A test cannot click the toolbar button, so the popup is opened as a page
 * with `?tab=<id>` naming the tab it speaks for (src/popup/target-tab.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { activeTabId, expect, popupForTab, serviceWorker, test } from '../support/extension.ts';
import { datasetEntries } from '../support/dataset.ts';
import { readHighlights, type HighlightProbe } from '../support/page-probes.ts';
import { FIXTURE_PAGES } from '../support/paths.ts';
import { CATEGORIES } from '../../../src/shared/categories.ts';
import type ExtensionApi from 'webextension-polyfill';

/** The extension API in the service worker, where the tests' evaluate() callbacks run (Chrome's promise-based API). */
declare const chrome: ExtensionApi.Browser;

const DEMO = '/seed-article.html';

/** How many ranges each category has drawn now. */
function byCategory(highlights: HighlightProbe[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { name, texts } of highlights) {
    const category = CATEGORIES.find((c) => name.startsWith(`backstory-${c}-`));
    if (category) out[category] = (out[category] ?? 0) + texts.length;
  }
  return out;
}
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function openDemo(page: Page, server: { url: string }): Promise<Record<string, number>> {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => total(byCategory(await readHighlights(page)))).toBeGreaterThan(10);
  // Settled: two reads in a row agree.
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(byCategory(await readHighlights(page)));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return JSON.parse(last) as Record<string, number>;
}

async function badgeText(context: BrowserContext, page: Page): Promise<string> {
  const id = await activeTabId(context, page);
  return (await serviceWorker(context)).evaluate((tabId) => chrome.action.getBadgeText({ tabId }), id);
}

test('every popup setting changes the open page at once, without a reload', async ({ page, server, extensionContext, pageErrors }) => {
  const start = await openDemo(page, server);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  const popup = await popupForTab(extensionContext, page);
  const drawn = async () => byCategory(await readHighlights(page));

  // Categories, one at a time.
  for (const category of Object.keys(start)) {
    const box = popup.locator(`input[name="category"][value="${category}"]`);
    await expect(box).toBeChecked();
    await box.uncheck();
    await expect.poll(async () => (await drawn())[category] ?? 0).toBe(0);
    expect(total(await drawn())).toBe(total(start) - start[category]!);
    await box.check();
    await expect.poll(drawn).toEqual(start);
  }

  // Highlight style: the names carry it (and the stylesheet paints by name).
  for (const style of ['background', 'hover', 'underline']) {
    await popup.locator(`input[name="highlightStyle"][value="${style}"]`).check();
    await expect
      .poll(async () => (await readHighlights(page)).filter((h) => /^backstory-[a-z]+-[a-z]+$/.test(h.name)).every((h) => h.name.endsWith(`-${style}`)))
      .toBe(true);
    await expect.poll(async () => total(await drawn())).toBe(total(start));
  }

  // Every mention, then the first again.
  await popup.locator('input[name="mentions"][value="all"]').check();
  await expect.poll(async () => total(await drawn())).toBeGreaterThan(total(start));
  await popup.locator('input[name="mentions"][value="first"]').check();
  await expect.poll(drawn).toEqual(start);

  // The wrap renderer: elements instead of highlights, and back.
  await popup.locator('input[name="renderer"][value="wrap"]').check();
  await expect.poll(() => page.locator('backstory-mark').count()).toBeGreaterThan(10);
  expect(total(await drawn())).toBe(0);
  await popup.locator('input[name="renderer"][value="highlight-api"]').check();
  await expect.poll(() => page.locator('backstory-mark').count()).toBe(0);
  await expect.poll(drawn).toEqual(start);

  // The whole page rather than the article.
  const outside = () =>
    page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('backstory-')) h.forEach((r) => void (!(r as Range).startContainer.parentElement?.closest('article') && n++));
      });
      return n;
    });
  expect(await outside()).toBe(0);
  await popup.locator('input[name="scope"][value="page"]').check();
  await expect.poll(outside).toBeGreaterThan(0);
  await popup.locator('input[name="scope"][value="article"]').check();
  await expect.poll(outside).toBe(0);

  // The badge, off and on.
  await expect.poll(() => badgeText(extensionContext, page)).toMatch(/^\d+$/);
  await popup.locator('#badge').uncheck();
  await expect.poll(() => badgeText(extensionContext, page)).toBe('');
  await popup.locator('#badge').check();
  await expect.poll(() => badgeText(extensionContext, page)).toMatch(/^\d+$/);

  // This site, off and on.
  await expect(popup.locator('#site-name')).toHaveText('localhost');
  await popup.locator('#site-enabled').uncheck();
  await expect.poll(async () => total(await drawn())).toBe(0);
  await expect(popup.locator('#status')).toHaveText('Backstory is off on this site');
  await popup.locator('#site-enabled').check();
  await expect.poll(drawn).toEqual(start);

  // All of it happened in the same page: no reload.
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  expect(pageErrors).toEqual([]);
});

test('"On this page" lists what is highlighted, and a click takes the page there with its card', async ({
  page,
  server,
  extensionContext,
  pageErrors,
}) => {
  const start = await openDemo(page, server);
  const popup = await popupForTab(extensionContext, page);
  // Each category's group counts as many entries as the page draws (first mentions).
  const groups = popup.locator('#page-groups .group');
  await expect(groups).toHaveCount(Object.keys(start).length);
  for (const [category, count] of Object.entries(start)) {
    await expect(popup.locator(`.group[data-category="${category}"] .count`)).toHaveText(String(count));
    await expect(popup.locator(`.group[data-category="${category}"] button.entry`)).toHaveCount(count);
  }
  await expect(popup.locator('#page-count')).toHaveText(String(total(start)));

  // With every mention drawn, the mention counts add up to what is drawn.
  await popup.locator('input[name="mentions"][value="all"]').check();
  await expect.poll(async () => total(byCategory(await readHighlights(page)))).toBeGreaterThan(total(start));
  const drawnAll = total(byCategory(await readHighlights(page)));
  const mentions = await popup.locator('button.entry .mentions').allTextContents();
  expect(mentions.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0)).toBe(drawnAll);
  await popup.locator('input[name="mentions"][value="first"]').check();

  // The entry whose first mention comes last on the page (the content script's
  // list is in document order): from the top, the page scrolls down to it and opens its card.
  const id = await (await serviceWorker(extensionContext)).evaluate(async (tabId) => {
    const reply = (await chrome.tabs.sendMessage(tabId, { type: 'get-annotations' })) as { annotations: Array<{ id: string }> };
    return reply.annotations[reply.annotations.length - 1]!.id;
  }, await activeTabId(extensionContext, page));
  await page.evaluate(() => window.scrollTo(0, 0));
  const ids = await popup.locator('button.entry').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.id));
  expect(new Set(ids).size).toBe(ids.length);
  await popup.locator(`button.entry[data-id="${id}"]`).click();
  const card = page.locator('backstory-root .card');
  await expect(card).toHaveAttribute('data-entry-id', id);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // Its mention is on screen now, with the card by it.
  await expect(page.locator('backstory-root .frame')).toHaveCSS('visibility', 'visible');
  const entry = (await datasetEntries()).find((e) => e.id === id)!;
  await expect(card.locator('.name')).toHaveText(entry.type === 'claim' ? entry.statement : entry.name);
  expect(pageErrors).toEqual([]);
});

test('"About this site" names a known outlet’s owner, country and funding', async ({ page, extensionContext, pageErrors }) => {
  const outlet = (await datasetEntries()).find((e) => e.type === 'entity' && e.kind === 'outlet' && e.publisher && e.domains?.length);
  if (!outlet || outlet.type !== 'entity') throw new Error('the dataset has no outlet with domains');
  const url = `https://www.${outlet.domains![0]}/world/article.html`;
  // The outlet's own address, answered locally with the demo article.
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: readFileSync(resolve(FIXTURE_PAGES, 'seed-article.html')) }));
  await page.goto(url);
  await expect.poll(async () => (await readHighlights(page)).length).toBeGreaterThan(0);
  const popup = await popupForTab(extensionContext, page);
  const about = popup.locator('#about-site');
  await expect(about).toBeVisible();
  await expect(about.locator('#outlet-name')).toHaveText(outlet.name);
  await expect(about.locator('#outlet-owner')).toHaveText(outlet.publisher!.owner);
  await expect(about.locator('#outlet-country')).toHaveText(outlet.publisher!.country);
  await expect(about.locator('#outlet-funding')).not.toBeEmpty();
  await expect(about.locator('#outlet-sources a')).toHaveCount(outlet.sources.length);
  await expect(about.locator('#outlet-sources a').first()).toHaveAttribute('href', outlet.sources[0]!.url);
  expect(pageErrors).toEqual([]);
});

test('the demo page’s own site is no known outlet: no "About this site"', async ({ page, server, extensionContext }) => {
  await openDemo(page, server);
  const popup = await popupForTab(extensionContext, page);
  await expect(popup.locator('#about-site')).toBeHidden();
});

test('the shortcuts are listed as the browser has them, with a way to change them', async ({ page, server, extensionContext }) => {
  await openDemo(page, server);
  const popup = await popupForTab(extensionContext, page);
  const commands = await (await serviceWorker(extensionContext)).evaluate(() => chrome.commands.getAll());
  await expect(popup.locator('#shortcuts dt')).toHaveCount(commands.length);
  const keys = await popup.locator('#shortcuts kbd').allTextContents();
  expect(keys).toEqual(commands.map((c) => c.shortcut || 'not set'));
  for (const command of commands.filter((c) => c.description)) await expect(popup.locator('#shortcuts dt', { hasText: command.description! })).toHaveCount(1);
  const opened = extensionContext.waitForEvent('page');
  await popup.locator('#change-shortcuts').click();
  expect((await opened).url()).toBe('chrome://extensions/shortcuts');
});

test('on a site Backstory does not cover, the popup says so and offers to run there once', async ({ page, extensionContext }) => {
  const url = 'http://not-a-news-site.test/story.html';
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: readFileSync(resolve(FIXTURE_PAGES, 'seed-article.html')) }));
  await page.goto(url);
  expect(await page.locator('backstory-root').count()).toBe(0);
  const popup = await popupForTab(extensionContext, page);
  await expect(popup.locator('#not-covered')).toBeVisible();
  await expect(popup.locator('#annotate-once')).toBeVisible();
  await expect(popup.locator('#page-groups .group')).toHaveCount(0);
  // Without the reader's click on the toolbar button there is no activeTab grant, so the
  // browser refuses: the popup says it could not run (the grant itself needs a real click).
  await popup.locator('#annotate-once').click();
  await expect(popup.locator('#status')).toHaveText('Backstory could not run on this page.');
  expect((await readHighlights(page)).length).toBe(0);
});

test('on a document that is not a web page (plain text), the popup says Backstory reads web pages only and offers no run', async ({ page, server, extensionContext }) => {
  const url = `${server.url}/notes/story.txt`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/plain', body: 'Pat Ryder said the Islamic Resistance in Iraq attacked US forces.' }));
  await page.goto(url);
  const popup = await popupForTab(extensionContext, page);
  await expect(popup.locator('#not-html')).toBeVisible();
  await expect(popup.locator('#not-html')).toHaveText(/web pages only/);
  await expect(popup.locator('#not-covered')).toBeHidden();
  await expect(popup.locator('#page-empty')).toBeHidden();
});
