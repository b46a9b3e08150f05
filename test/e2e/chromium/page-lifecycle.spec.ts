/**
 * The content script's lifecycle and settings, end to end: turning
 * Backstory off removes every highlight and every listener and leaves the
 * DOM as it was; on brings it back; every setting applies to the open tab
 * at once; a second injection never doubles anything; a page restored from
 * the back/forward cache catches up with settings; the keyboard walks the
 * annotations; the extension being reloaded is a quiet shutdown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { expect, launchWithExtension, serviceWorker, test } from '../support/extension.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browsers.ts';
import { pageSnapshot, pointOfText } from '../support/page-probes.ts';
import { startStaticServer } from '../../../tools/static-server.ts';
import { DIST_CHROME, FIXTURE_PAGES } from '../support/paths.ts';
import {
  collectErrors,
  highlightNames,
  highlightSet,
  highlightsIn,
  injectAgain,
  marksIn,
  resetSettings,
  sendToTab,
  setSettings,
  waitSettled,
} from './page-support.ts';

const DEMO = '/seed-article.html';

test.beforeEach(async ({ extensionContext }) => resetSettings(extensionContext));
test.afterEach(async ({ extensionContext }) => resetSettings(extensionContext));

/**
 * Listens for the execution contexts of the page; the content script's
 * isolated world is the one named after the extension.
 */
async function worlds(page: Page): Promise<{ cdp: CDPSession; backstory: () => number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  return {
    cdp,
    backstory: () => {
      const world = contexts.filter((c) => c.origin.startsWith('chrome-extension://')).at(-1);
      if (!world) throw new Error('no content-script world yet');
      return world.id;
    },
  };
}

/**
 * The content script's event listeners on window, document, <html> and the
 * Navigation API object, as "target:type". Listeners belong to the world
 * that added them, so they are read from the content script's world.
 */
async function listeners({ cdp, backstory }: Awaited<ReturnType<typeof worlds>>): Promise<string[]> {
  const out: string[] = [];
  for (const [name, expression] of [
    ['window', 'window'],
    ['document', 'document'],
    ['html', 'document.documentElement'],
    ['navigation', 'globalThis.navigation ?? {}'],
  ] as const) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: backstory() });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    for (const listener of listeners) out.push(`${name}:${listener.type}`);
  }
  return out.sort();
}

/** What stays while Backstory is off: what it needs to hear a newer copy of itself and the back/forward cache. */
const LISTENERS_WHILE_OFF = ['window:backstory:teardown', 'window:pagehide', 'window:pageshow'];

/** Ranges of the focus highlight, as text. */
function focused(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    CSS.highlights.get('backstory-focus')?.forEach((range) => texts.push((range as Range).toString()));
    return texts;
  });
}

/** Every drawn mention, in document order (from the category highlights). */
function mentionsInOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (/^backstory-[a-z]+-(underline|background|hover)$/.test(name)) highlight.forEach((range) => ranges.push(range as Range));
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) || b.compareBoundaryPoints(Range.END_TO_END, a));
    return ranges.map((range) => range.toString());
  });
}

test('turning Backstory off removes every highlight and listener and leaves the DOM as it was; on brings it back', async ({ page, server, extensionContext, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  const cdp = await worlds(page);
  // The baseline: the page with Backstory off from the start.
  await setSettings(extensionContext, { enabled: false });
  await page.goto(server.url + DEMO);
  await page.waitForFunction(() => performance.getEntriesByName('backstory:start').length > 0);
  const before = await pageSnapshot(page);
  const listenersOff = await listeners(cdp);
  expect(listenersOff).toEqual(LISTENERS_WHILE_OFF);
  expect(await highlightNames(page)).toEqual([]);

  await setSettings(extensionContext, { enabled: true });
  await waitSettled(page);
  const on = await highlightSet(page);
  expect(on.length).toBeGreaterThan(10);
  expect((await listeners(cdp)).length).toBeGreaterThan(listenersOff.length);
  // Hovering opens a card (the host element), which turning off must take away too.
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  await expect(page.locator('backstory-root .card')).toBeVisible();

  await setSettings(extensionContext, { enabled: false });
  await expect.poll(() => highlightNames(page)).toEqual([]);
  expect(await listeners(cdp)).toEqual(listenersOff);
  expect(await page.locator('backstory-root').count()).toBe(0);
  const off = await pageSnapshot(page);
  expect(off.html).toBe(before.html);
  expect(off.text).toBe(before.text);

  await setSettings(extensionContext, { enabled: true });
  await expect.poll(() => highlightSet(page)).toEqual(on);
  expect(errors).toEqual([]);
});

test('the wrap renderer, turned off, unwraps exactly and drops its listeners too', async ({ page, server, extensionContext, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  const cdp = await worlds(page);
  await setSettings(extensionContext, { enabled: false, renderer: 'wrap' });
  await page.goto(server.url + DEMO);
  await page.waitForFunction(() => performance.getEntriesByName('backstory:start').length > 0);
  const before = await pageSnapshot(page);
  const listenersOff = await listeners(cdp);

  await setSettings(extensionContext, { enabled: true });
  await expect.poll(async () => (await marksIn(page)).length).toBeGreaterThan(10);
  expect(await page.locator('span backstory-mark, backstory-mark span').count()).toBe(0);
  expect((await pageSnapshot(page)).text).toBe(before.text);

  await setSettings(extensionContext, { enabled: false });
  await expect.poll(async () => (await marksIn(page)).length).toBe(0);
  const off = await pageSnapshot(page);
  expect(off.html).toBe(before.html);
  expect(await listeners(cdp)).toEqual(LISTENERS_WHILE_OFF);
  expect(listenersOff).toEqual(LISTENERS_WHILE_OFF);
  expect(errors).toEqual([]);
});

test('every setting applies to the open tab at once, without a reload', async ({ page, server, extensionContext, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  await page.goto(server.url + DEMO);
  await waitSettled(page);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  const first = await highlightSet(page);
  const names = await highlightNames(page);
  expect(names).toContain('backstory-people-underline');

  // Categories: people off, the rest stays.
  await setSettings(extensionContext, { categories: { people: false, organizations: true, places: true, events: true, claims: true } });
  await expect.poll(() => highlightNames(page)).not.toContain('backstory-people-underline');
  await expect.poll(async () => (await highlightSet(page)).length).toBeGreaterThan(0);
  await setSettings(extensionContext, { categories: { people: true, organizations: true, places: true, events: true, claims: true } });
  await expect.poll(() => highlightSet(page)).toEqual(first);

  // Every mention: more than first mentions, and all of them still there.
  await setSettings(extensionContext, { mentions: 'all' });
  await expect.poll(async () => (await highlightSet(page)).length).toBeGreaterThan(first.length);
  const every = await highlightSet(page);
  for (const text of first) expect(every).toContain(text);

  // Style: the same ranges under other names; "hover" paints nothing until pointed at.
  await setSettings(extensionContext, { highlightStyle: 'background' });
  await expect.poll(() => highlightNames(page)).toContain('backstory-people-background');
  await setSettings(extensionContext, { highlightStyle: 'hover' });
  await expect.poll(() => highlightNames(page)).toContain('backstory-people-hover');
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  await expect
    .poll(() => page.evaluate(() => {
      const texts: string[] = [];
      CSS.highlights.get('backstory-active')?.forEach((range) => texts.push((range as Range).toString()));
      return texts;
    }))
    .toEqual(['Pat Ryder']);

  // Renderer: wrap elements instead of highlights, and back.
  await setSettings(extensionContext, { renderer: 'wrap', highlightStyle: 'underline', mentions: 'first' });
  await expect.poll(async () => (await marksIn(page)).length).toBeGreaterThan(10);
  expect(await highlightSet(page)).toEqual([]);
  await setSettings(extensionContext, { renderer: 'highlight-api' });
  await expect.poll(() => highlightSet(page)).toEqual(first);
  expect(await page.locator('backstory-mark').count()).toBe(0);

  // Scope: the whole page reads the sidebar too.
  expect(await highlightsIn(page, 'aside')).toEqual([]);
  await setSettings(extensionContext, { scope: 'page' });
  await expect.poll(async () => (await highlightsIn(page, 'aside')).length).toBeGreaterThan(0);

  // Off for this site only.
  await setSettings(extensionContext, { disabledSites: ['localhost'] });
  await expect.poll(() => highlightNames(page)).toEqual([]);

  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  expect(errors).toEqual([]);
});

test('a second injection never doubles annotations', async ({ page, server, extensionContext, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  await setSettings(extensionContext, { renderer: 'wrap' });
  await page.goto(server.url + DEMO);
  await waitSettled(page);
  const marks = await marksIn(page);
  expect(marks.length).toBeGreaterThan(10);
  const since = await page.evaluate(() => performance.now());
  await injectAgain(extensionContext, page);
  await page.waitForFunction((since) => (performance.getEntriesByName('backstory:settled')[0]?.startTime ?? 0) > since, since);
  expect(await marksIn(page)).toEqual(marks);
  // Names may sit inside claims, never a mark inside a mark of the same kind.
  expect(await page.locator('backstory-mark[data-category="people"] backstory-mark[data-category="people"]').count()).toBe(0);

  // Hovering opens one card, not two.
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  await expect(page.locator('backstory-root .card')).toBeVisible();
  expect(await page.locator('backstory-root').count()).toBe(1);
  expect(errors).toEqual([]);
});

test('a page dispatching Backstory\'s teardown event does not turn it off', async ({ page, server, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  await page.goto(server.url + DEMO);
  await waitSettled(page);
  const highlights = await highlightSet(page);
  expect(highlights.length).toBeGreaterThan(10);
  // What a hostile page could do to hide Backstory: the event a newer copy sends.
  await page.evaluate(() => {
    window.dispatchEvent(new CustomEvent('backstory:teardown'));
    window.dispatchEvent(new CustomEvent('backstory:teardown', { detail: 'forged' }));
  });
  expect(await highlightSet(page)).toEqual(highlights);
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  await expect(page.locator('backstory-root .card')).toBeVisible();
  expect(errors).toEqual([]);
});

test('keyboard: next and previous walk the drawn mentions with a focus outline and a card; Escape leaves', async ({ page, server, extensionContext, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  await page.goto(server.url + DEMO);
  await waitSettled(page);
  const order = await mentionsInOrder(page);
  expect(order.length).toBeGreaterThan(3);

  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await expect.poll(() => focused(page)).toEqual([order[0]]);
  await expect(page.locator('backstory-root .card')).toBeVisible();
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await expect.poll(() => focused(page)).toEqual([order[2]]);
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'previous' });
  await expect.poll(() => focused(page)).toEqual([order[1]]);

  // Far down the page, the focused mention is scrolled into view.
  for (let i = 1; i < order.length - 1; i++) await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await expect.poll(() => focused(page)).toEqual([order[order.length - 1]]);
  const inView = await page.evaluate(() => {
    let rect: DOMRect | undefined;
    CSS.highlights.get('backstory-focus')?.forEach((range) => (rect = (range as Range).getBoundingClientRect()));
    return rect !== undefined && rect.top >= 0 && rect.bottom <= innerHeight;
  });
  expect(inView).toBe(true);
  // The end wraps around to the start.
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await expect.poll(() => focused(page)).toEqual([order[0]]);

  await page.keyboard.press('Escape');
  await expect.poll(() => focused(page)).toEqual([]);
  await expect(page.locator('backstory-root .card')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a page restored from the back/forward cache shows no stale card and follows settings changed meanwhile', async () => {
  // Playwright turns the back/forward cache off by default; this browser has it on.
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bfcache-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  const server = await startStaticServer({ '/': FIXTURE_PAGES });
  try {
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    const page = await context.newPage();
    const errors = collectErrors(page, extensionId);
    await page.addInitScript(() => {
      window.addEventListener('pageshow', (event) => ((window as unknown as { restored: boolean }).restored = event.persisted));
    });
    await page.goto(server.url + DEMO);
    await waitSettled(page);
    expect((await highlightSet(page)).length).toBeGreaterThan(10);
    // A card open when the reader leaves is not waiting for them when they come back.
    const point = await pointOfText(page, 'Pat Ryder');
    await page.mouse.move(point.x, point.y);
    await expect(page.locator('backstory-root .card')).toBeVisible();
    const away = async () => {
      await page.goto(`${server.url}/dynamic/tricky.html`);
      await waitSettled(page);
    };
    const back = async () => {
      await page.evaluate(() => ((window as unknown as { restored?: boolean }).restored = undefined));
      // A page restored from the cache fires no load event: wait for the commit only.
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { restored?: boolean }).restored !== undefined);
      expect(await page.evaluate(() => (window as unknown as { restored?: boolean }).restored), 'restored from the back/forward cache').toBe(true);
    };
    await away();
    await back();
    expect(await page.locator('backstory-root .card').count()).toBe(0);
    expect((await highlightSet(page)).length).toBeGreaterThan(10);

    await away();
    await setSettings(context, { enabled: false });
    await back();
    await expect.poll(() => highlightNames(page)).toEqual([]);

    // And back on, in the restored page, without a reload.
    await setSettings(context, { enabled: true });
    await expect.poll(async () => (await highlightSet(page)).length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the extension reloaded under an open tab: the old copy shuts down quietly and leaves nothing behind', async () => {
  // A browser of its own: reloading the extension would disturb the shared one.
  const profile = mkdtempSync(join(tmpdir(), 'backstory-reload-'));
  const context = await launchWithExtension(profile);
  const server = await startStaticServer({ '/': FIXTURE_PAGES });
  try {
    const worker = await serviceWorker(context);
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    const errors = collectErrors(page, extensionId);
    await page.goto(server.url + DEMO);
    await waitSettled(page);
    expect((await highlightSet(page)).length).toBeGreaterThan(10);
    const before = await pageSnapshot(page);

    await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    // The old copy notices at its next chance: here, the reader moving the pointer.
    await expect
      .poll(async () => {
        await page.mouse.move(Math.random() * 400 + 100, Math.random() * 400 + 100);
        return highlightNames(page);
      })
      .toEqual([]);
    expect((await pageSnapshot(page)).html).toBe(before.html);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
