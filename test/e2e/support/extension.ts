/**
 * Playwright fixtures: one Chromium per worker with the built extension
 * loaded from dist/chrome, a fresh profile, and the local page server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browsers.ts';
import { CORPUS, DIST_CHROME, FIXTURE_PAGES, hasCorpus, requireBuilt } from './paths.ts';
import { startStaticServer, type StaticServer } from '../../../tools/static-server.ts';
import type ExtensionApi from 'webextension-polyfill';

/** The extension API in the service worker, where evaluate() callbacks run (Chrome's promise-based API). */
declare const chrome: ExtensionApi.Browser;

export interface WorkerFixtures {
  server: StaticServer;
  extensionContext: BrowserContext;
  extensionId: string;
}

export interface TestFixtures {
  /** A fresh tab in the extension's browser; closed after the test. */
  page: Page;
  /** Console errors and page errors seen on `page` during the test. */
  pageErrors: string[];
  /** Opens the popup as a page, as the tests drive it. */
  openPopup: () => Promise<Page>;
}

export async function launchWithExtension(userDataDir: string): Promise<BrowserContext> {
  requireBuilt(DIST_CHROME);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
    viewport: { width: 1280, height: 900 },
  });
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** The id of the tab showing `page`: the active tab once brought to the front (its URL may be hidden from the extension). */
export async function activeTabId(context: BrowserContext, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await serviceWorker(context);
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
}

/**
 * The popup, opened as a page that speaks for the tab showing `page`
 * (`?tab=<id>`, see src/popup/target-tab.ts: a test cannot click the
 * toolbar button), once it is ready.
 */
export async function popupForTab(context: BrowserContext, page: Page): Promise<Page> {
  const id = await activeTabId(context, page);
  const extensionId = new URL((await serviceWorker(context)).url()).host;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html?tab=${id}`);
  await popup.waitForSelector('body[data-ready]');
  return popup;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startStaticServer({ '/': FIXTURE_PAGES, ...(hasCorpus ? { '/corpus/': CORPUS } : {}) });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    async ({}, use) => {
      const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
      const context = await launchWithExtension(profile);
      await use(context);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ extensionContext }, use) => {
      const worker = await serviceWorker(extensionContext);
      await use(new URL(worker.url()).host);
    },
    { scope: 'worker' },
  ],
  page: async ({ extensionContext }, use) => {
    const page = await extensionContext.newPage();
    await use(page);
    await page.close();
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(errors);
  },
  openPopup: async ({ extensionContext, extensionId }, use) => {
    const opened: Page[] = [];
    await use(async () => {
      const popup = await extensionContext.newPage();
      opened.push(popup);
      await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
      return popup;
    });
    for (const popup of opened) await popup.close().catch(() => undefined);
  },
});

export { expect } from '@playwright/test';
