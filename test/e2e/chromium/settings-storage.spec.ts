/**
 * Settings in a real browser profile: switching a site off survives closing
 * and reopening the browser, and stored values that make no sense fall back
 * to the defaults with nothing breaking.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { activeTabId, expect, launchWithExtension, popupForTab, serviceWorker, test } from '../support/extension.ts';
import { highlightedTexts, readHighlights } from '../support/page-probes.ts';
import { resetSettings } from './page-support.ts';
import type ExtensionApi from 'webextension-polyfill';

/** The extension API in the service worker, where the tests' evaluate() callbacks run (Chrome's promise-based API). */
declare const chrome: ExtensionApi.Browser;

const DEMO = '/seed-article.html';

/** The content script's list for the tab, once it answers at all. */
async function annotationsOf(context: BrowserContext, page: Page): Promise<unknown[]> {
  const id = await activeTabId(context, page);
  const worker = await serviceWorker(context);
  let reply: { annotations: unknown[] } | undefined;
  await expect
    .poll(async () => {
      reply = (await worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'get-annotations' }).catch(() => undefined), id)) as
        | { annotations: unknown[] }
        | undefined;
      return reply !== undefined;
    })
    .toBe(true);
  return reply!.annotations;
}

test('a site switched off stays off after the browser restarts', async ({ server }) => {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-restart-'));
  try {
    let context = await launchWithExtension(profile);
    let page = await context.newPage();
    await page.goto(server.url + DEMO);
    await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(10);
    const popup = await popupForTab(context, page);
    await popup.locator('#site-enabled').uncheck();
    await expect.poll(async () => (await highlightedTexts(page)).length).toBe(0);
    await context.close();

    // The same profile, a new browser.
    context = await launchWithExtension(profile);
    page = await context.newPage();
    await page.goto(server.url + DEMO);
    expect(await annotationsOf(context, page)).toEqual([]);
    expect(await highlightedTexts(page)).toEqual([]);
    const again = await popupForTab(context, page);
    await expect(again.locator('#site-enabled')).not.toBeChecked();
    await expect(again.locator('#status')).toHaveText('Backstory is off on this site');
    // And on again: the page would have been annotated.
    await again.locator('#site-enabled').check();
    await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(10);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test.describe('corrupt stored settings', () => {
  // Everything but the bundled dataset's stored copy, as a reader's storage keeps it.
  test.afterEach(async ({ extensionContext }) => resetSettings(extensionContext));

  test('fall back to the defaults: the page, the popup and the options page all work', async ({
    page,
    server,
    extensionContext,
    extensionId,
    pageErrors,
  }) => {
    const worker = await serviceWorker(extensionContext);
    await worker.evaluate(() =>
      Promise.all([
        chrome.storage.sync.set({
          enabled: 'yes',
          categories: { people: 'maybe', places: false },
          highlightStyle: 42,
          mentions: null,
          disabledSites: { localhost: true },
          renderer: ['wrap'],
          settingsVersion: 'x',
        }),
        chrome.storage.local.set({ badge: 'on', scope: {} }),
      ]),
    );
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));

    await page.goto(server.url + DEMO);
    // Defaults everywhere except the one readable value (places off).
    await expect.poll(async () => (await readHighlights(page)).length).toBeGreaterThan(0);
    const names = (await readHighlights(page)).map((h) => h.name);
    expect(names.every((n) => n.endsWith('-underline'))).toBe(true);
    expect(names.some((n) => n.startsWith('backstory-people-'))).toBe(true);
    expect(names.some((n) => n.startsWith('backstory-places-'))).toBe(false);
    expect(await page.locator('backstory-mark').count()).toBe(0);
    // Said, not silently dropped: one warning per unreadable value.
    await expect.poll(() => warnings.filter((w) => w.includes('Backstory: the stored setting')).length).toBeGreaterThanOrEqual(8);
    expect(pageErrors).toEqual([]);

    const popup = await extensionContext.newPage();
    const popupErrors: string[] = [];
    popup.on('pageerror', (e) => popupErrors.push(String(e)));
    await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
    await popup.waitForSelector('body[data-ready]');
    await expect(popup.locator('#enabled')).toBeChecked();
    await expect(popup.locator('input[name="highlightStyle"][value="underline"]')).toBeChecked();
    await expect(popup.locator('input[name="category"][value="places"]')).not.toBeChecked();
    await expect(popup.locator('#badge')).toBeChecked();

    const options = await extensionContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/src/options/options.html`);
    await options.waitForSelector('body[data-ready]');
    const notice = options.locator('#rejected');
    await expect(notice).toBeVisible();
    for (const key of ['enabled', 'categories.people', 'highlightStyle', 'mentions', 'disabledSites', 'renderer', 'badge', 'scope']) {
      await expect(notice).toContainText(key);
    }
    expect(popupErrors).toEqual([]);

    // The unreadable values are still in storage (nothing lost), until reset.
    expect(await worker.evaluate(() => chrome.storage.sync.get('highlightStyle'))).toEqual({ highlightStyle: 42 });
    await options.locator('#reset').click();
    await expect(options.locator('#reset-done')).not.toBeEmpty();
    expect(await worker.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
    // Places come back on the open page: reset is a setting change like any other.
    await expect.poll(async () => (await readHighlights(page)).some((h) => h.name.startsWith('backstory-places-'))).toBe(true);
  });
});
