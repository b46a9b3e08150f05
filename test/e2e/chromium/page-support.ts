/**
 * Helpers for the page-layer end-to-end tests: settings written the way the
 * popup writes them, messages sent the way the background sends them, and
 * probes of what the content script did, read from the page's main world.
 *
 * The content script leaves marks in the page's performance timeline
 * (src/content/timeline-marks.ts): "backstory:start" when it starts,
 * "backstory:first-highlight", and "backstory:settled" (with a round
 * counter) each time its work queue drains. Tests wait on those rather than
 * on time.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, serviceWorker } from '../support/extension.ts';
import { highlightedTexts } from '../support/page-probes.ts';
import type { Settings } from '../../../src/shared/settings-schema.ts';
import type { ContentRequest } from '../../../src/shared/messages.ts';
import { BUNDLED_CARDS_KEY, BUNDLED_INDEX_KEY } from '../../../src/shared/bundled-dataset-record.ts';

interface StorageArea {
  set(items: object): Promise<void>;
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
  clear(): Promise<void>;
}

interface ExtensionApi {
  storage: { sync: StorageArea; local: StorageArea };
  tabs: {
    query(filter: { url?: string }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: {
    executeScript(options: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  runtime: { getManifest(): { content_scripts?: Array<{ js?: string[] }> } };
}

/**
 * Stores settings as the settings module does when sync is unavailable
 * (storage.local wins over sync); open tabs hear storage.onChanged. Local,
 * because storage.sync allows only so many writes a minute and the corpus
 * test changes settings on every page.
 */
export async function setSettings(context: BrowserContext, change: Partial<Settings>): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate((items) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.set(items), change);
}

/**
 * Back to the defaults, so that no test leaks settings into the next (the
 * browser is shared). The bundled dataset's stored copy stays, as it does
 * for a reader: pages read it from there (dataset-delivery.spec.ts tests
 * what happens without it).
 */
export async function resetSettings(context: BrowserContext): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate(async (kept) => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
    const local = Object.keys(await chrome.storage.local.get(null)).filter((key) => !kept.includes(key));
    if (local.length > 0) await chrome.storage.local.remove(local);
    if (Object.keys(await chrome.storage.sync.get(null)).length > 0) await chrome.storage.sync.clear();
  }, [BUNDLED_INDEX_KEY, BUNDLED_CARDS_KEY]);
}

/** Serves `html` at a path of the local server (covered by Backstory), opens it, and waits until `waitFor` is highlighted. */
export async function openHtml(page: Page, server: { url: string }, name: string, html: string, waitFor = 'Pat Ryder'): Promise<void> {
  const url = `${server.url}/reader/${name}.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  await expect.poll(async () => (await highlightedTexts(page)).includes(waitFor)).toBe(true);
}

/** Sends a content-script message to the tab showing `page`, from the background, as the extension does. */
export async function sendToTab(context: BrowserContext, page: Page, message: ContentRequest): Promise<unknown> {
  const worker = await serviceWorker(context);
  return worker.evaluate(
    async ({ url, message }) => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab!.id!, message);
    },
    { url: page.url(), message },
  );
}

/** Injects the content script into the tab a second time, as `scripting.executeScript` from the popup does. */
export async function injectAgain(context: BrowserContext, page: Page): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
    const [tab] = await chrome.tabs.query({ url });
    const files = chrome.runtime.getManifest().content_scripts?.[0]?.js ?? [];
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files });
  }, page.url());
}

export interface Settled {
  round: number;
  annotations: number;
  shown: number;
  longestSliceMs: number;
}

/** The content script's last "settled" mark, or null if its queue never drained yet. */
export function lastSettled(page: Page): Promise<Settled | null> {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('backstory:settled')[0] as PerformanceMark | undefined;
    return (mark?.detail as Settled | undefined) ?? null;
  });
}

/** Waits until the content script settles after round `after` (0: the first time). */
export async function waitSettled(page: Page, after = 0, timeout = 30_000): Promise<Settled> {
  const handle = await page.waitForFunction(
    (after) => {
      const mark = performance.getEntriesByName('backstory:settled')[0] as PerformanceMark | undefined;
      const detail = mark?.detail as { round: number } | undefined;
      return detail && detail.round > after ? detail : null;
    },
    after,
    { timeout },
  );
  return (await handle.jsonValue()) as Settled;
}

/** Waits for two animation frames: whatever a change queued for the next frame has run. */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** Text of every highlighted range whose text starts inside `selector`, in registry order. */
export function highlightsIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const texts: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('backstory-') || name === 'backstory-active' || name === 'backstory-focus') return;
      highlight.forEach((range) => {
        const element = (range as Range).startContainer.parentElement;
        if (element?.closest(selector)) texts.push((range as Range).toString());
      });
    });
    return texts;
  }, selector);
}

/** Every highlighted range as text, sorted (for comparing two pages). */
export async function highlightSet(page: Page): Promise<string[]> {
  return (await highlightsIn(page, 'html')).sort();
}

/** Texts of the wrap renderer's marks (outermost only) inside `selector`. */
export function marksIn(page: Page, selector = 'html'): Promise<string[]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll(`${selector} backstory-mark`)]
        .filter((mark) => !mark.parentElement?.closest('backstory-mark'))
        .map((mark) => mark.textContent ?? ''),
    selector,
  );
}

/** Names of Backstory's registered highlights. */
export function highlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names: string[] = [];
    CSS.highlights.forEach((_, name) => {
      if (name.startsWith('backstory-')) names.push(name);
    });
    return names.sort();
  });
}

/**
 * Installs, before the page's own scripts: a long-task observer, and a
 * snapshot of the DOM at DOMContentLoaded (before the content script, which
 * runs at document_idle, can have drawn anything).
 */
export async function installPageProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probes = { longTasks: [] as Array<{ start: number; duration: number }>, domAtLoad: '' };
    (window as unknown as { backstoryProbes: typeof probes }).backstoryProbes = probes;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No Long Tasks API: the check is skipped by the test.
    }
    document.addEventListener('DOMContentLoaded', () => {
      probes.domAtLoad = document.documentElement.outerHTML;
    });
  });
}

/** Long tasks that ended after the content script started (none may be over 50 ms). */
export function longTasksSinceStart(page: Page): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(() => {
    const start = performance.getEntriesByName('backstory:start')[0]?.startTime ?? 0;
    const probes = (window as unknown as { backstoryProbes: { longTasks: Array<{ start: number; duration: number }> } }).backstoryProbes;
    return probes.longTasks.filter((task) => task.start + task.duration >= start);
  });
}

/** The DOM as serialised at DOMContentLoaded, and now (both without Backstory's host element). */
export function domAtLoadAndNow(page: Page): Promise<{ atLoad: string; now: string }> {
  return page.evaluate(() => {
    const probes = (window as unknown as { backstoryProbes: { domAtLoad: string } }).backstoryProbes;
    // Both through the same parser, so that serialisation quirks cancel out.
    const [atLoad, now] = [probes.domAtLoad, document.documentElement.outerHTML].map((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      doc.querySelectorAll('backstory-root').forEach((host) => host.remove());
      return doc.documentElement.outerHTML;
    });
    return { atLoad: atLoad!, now: now! };
  });
}

/** Console errors that come from Backstory: its scripts' URL, or its "Backstory:" prefix. */
export function isBackstoryError(text: string, url: string, extensionId: string): boolean {
  return url.startsWith(`chrome-extension://${extensionId}/`) || /Backstory/.test(text);
}

/**
 * Collects, from now on, the page's uncaught errors and Backstory's console
 * errors (a saved page's own console noise is not ours to judge).
 */
export function collectErrors(page: Page, extensionId: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && isBackstoryError(message.text(), message.location().url, extensionId)) errors.push(message.text());
  });
  return errors;
}

/** Where two serialisations first differ, with some context, for failure messages. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return 'no difference';
  return `at ${i}: …${a.slice(Math.max(0, i - 80), i + 120)}… became …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}
