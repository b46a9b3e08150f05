/**
 * Screenshots for the README: the card on a light page, the card on a dark
 * page, and the popup. Every test run takes them (and checks the card is
 * fully on screen); `npm run screenshots` also writes them to
 * docs/screenshots/ (UPDATE_SCREENSHOTS=1).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, serviceWorker, test } from '../support/extension.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { FIXTURE_PAGES, ROOT } from '../support/paths.ts';
import type ExtensionApi from 'webextension-polyfill';

/** The extension API in the service worker, where the tests' evaluate() callbacks run (Chrome's promise-based API). */
declare const chrome: ExtensionApi.Browser;

const update = process.env.UPDATE_SCREENSHOTS === '1';
const target = (name: string) => resolve(ROOT, update ? 'docs/screenshots' : 'test-results/screenshots', name);
const WIDTH = 1100;
const HEIGHT = 760;

async function cardOn(page: Page, url: string, text: string): Promise<void> {
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.goto(url);
  await expect.poll(async () => (await highlightedTexts(page)).includes(text)).toBe(true);
  const point = await pointOfText(page, text);
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
}

test('card open on the demo article', async ({ page, server }) => {
  await cardOn(page, `${server.url}/seed-article.html`, 'Al Tanf Garrison');
  await page.screenshot({ path: target('card.png'), animations: 'disabled' });
});

test('card open on the demo article in a dark design', async ({ page, server }) => {
  const url = `${server.url}/reader/seed-article-dark.html`;
  const dark = readFileSync(resolve(FIXTURE_PAGES, 'seed-article.html'), 'utf8').replace(
    '</head>',
    '<style>:root { --ink: #e4e4e4; --muted: #a0a0a0; --rule: #3a3a3a; } body { background: #141518; } a { color: #8cb4ff; }</style></head>',
  );
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: dark }));
  await cardOn(page, url, 'Islamic Resistance in Iraq');
  await expect(page.locator('backstory-root .frame')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: target('card-dark.png'), animations: 'disabled' });
});

test('the popup on the demo article', async ({ page, server, extensionContext, extensionId }) => {
  await page.goto(`${server.url}/seed-article.html`);
  await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(10);
  await page.bringToFront();
  const tabId = await (await serviceWorker(extensionContext)).evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
  );
  const popup = await extensionContext.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready]');
  await expect(popup.locator('#page-groups .group').first()).toBeVisible();
  await popup.screenshot({ path: target('popup.png'), fullPage: true, animations: 'disabled' });
  await popup.close();
});
