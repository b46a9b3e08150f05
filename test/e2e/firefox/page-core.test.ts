/**
 * The page layer's core cases in Firefox (puppeteer-core over WebDriver
 * BiDi): the Highlight API leaves the DOM as it was; the wrap renderer
 * unwraps exactly when turned off; a long page read again (revisit) finds
 * what its last paragraph unlocks; text added by infinite scroll and a
 * single-page navigation is read as on a fresh load; a React app
 * re-rendering every 100 ms never throws with either renderer; the keyboard
 * message walks the annotations.
 *
 * Settings are written from an extension page, as the popup does; waits
 * follow the content script's "backstory:settled" performance marks.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectErrors, launchFirefox, waitFor as waitUntil, type FirefoxWithExtension } from '../support/firefox.ts';
import { FIXTURE_PAGES } from '../support/paths.ts';
import { startStaticServer, type StaticServer } from '../../../tools/static-server.ts';
import { buildReactFixture } from '../../fixtures/build-react-fixture.ts';
import type ExtensionApi from 'webextension-polyfill';
import type { Settings } from '../../../src/shared/settings-schema.ts';
import { BUNDLED_CARDS_KEY, BUNDLED_INDEX_KEY } from '../../../src/shared/bundled-dataset-record.ts';

/** The extension API in extension pages, where some evaluate() callbacks run. */
declare const browser: ExtensionApi.Browser;

let firefox: FirefoxWithExtension;
let server: StaticServer;
let extensionPage: Page;

beforeAll(async () => {
  await buildReactFixture();
  server = await startStaticServer({ '/': FIXTURE_PAGES });
  firefox = await launchFirefox();
  extensionPage = await firefox.browser.newPage();
  // puppeteer's goto never resolves for moz-extension:// URLs: wait for the page itself.
  void extensionPage.goto(`${firefox.origin}/src/popup/popup.html`).catch(() => undefined);
  await extensionPage.waitForSelector('#enabled', { timeout: 15_000 });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(async () => {
  await setSettings(null);
});

/**
 * Writes settings to storage.local (null: back to the defaults, keeping the
 * bundled dataset's stored copy, as a reader's storage keeps it); open tabs
 * hear storage.onChanged.
 */
async function setSettings(change: Partial<Settings> | null): Promise<void> {
  await extensionPage.evaluate(
    async (items, kept) => {
      if (items) await browser.storage.local.set(items);
      else {
        await browser.storage.local.remove(Object.keys(await browser.storage.local.get(null)).filter((key) => !kept.includes(key)));
        await browser.storage.sync.clear().catch(() => undefined);
      }
    },
    change,
    [BUNDLED_INDEX_KEY, BUNDLED_CARDS_KEY],
  );
}

/** The bundled dataset's stored index, as pages read it (null: remove the whole copy first). */
function storedIndex(record?: null): Promise<string | undefined> {
  return extensionPage.evaluate(
    async (keys, remove) => {
      if (remove) await browser.storage.local.remove(keys);
      return ((await browser.storage.local.get(keys[0]!))[keys[0]!] as { index?: string } | undefined)?.index;
    },
    [BUNDLED_INDEX_KEY, BUNDLED_CARDS_KEY],
    record === null,
  );
}

/** The page-layer jobs waited on here (whole pages, React at 100 ms) get longer than the default wait. */
function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  return waitUntil(probe, accept, what, 20_000);
}

function settledRound(page: Page): Promise<number> {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('backstory:settled')[0] as PerformanceMark | undefined;
    return (mark?.detail as { round: number } | undefined)?.round ?? 0;
  });
}

async function waitSettled(page: Page, after = 0): Promise<void> {
  await waitFor(() => settledRound(page), (round) => round > after, 'Backstory to settle');
}

/** Every highlighted range's text, sorted. */
function highlightSet(page: Page, selector = 'html'): Promise<string[]> {
  return page.evaluate((selector) => {
    const texts: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!/^backstory-[a-z]+-[a-z]+$/.test(name)) return;
      highlight.forEach((range) => {
        if ((range as Range).startContainer.parentElement?.closest(selector)) texts.push((range as Range).toString());
      });
    });
    return texts.sort();
  }, selector);
}

function markCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('backstory-mark').length);
}

function serialised(page: Page): Promise<{ html: string; text: string }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('backstory-root').forEach((host) => host.remove());
    return { html: clone.outerHTML, text: document.body.innerText };
  });
}

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await firefox.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(server.url + path);
  await waitSettled(page);
  return { page, errors };
}

/** The highlights of a fresh load of `path`, in a tab of its own. */
async function freshHighlights(path: string): Promise<string[]> {
  const { page } = await open(path);
  try {
    return await highlightSet(page);
  } finally {
    await page.close();
  }
}

describe('Firefox: the page layer', () => {
  it('the Highlight API draws without touching the DOM, and turning off and on restores it', async () => {
    await setSettings({ enabled: false });
    const page = await firefox.browser.newPage();
    await page.goto(`${server.url}/seed-article.html`);
    const before = await serialised(page);
    await setSettings({ enabled: true });
    await waitSettled(page);
    const on = await highlightSet(page);
    expect(on.length).toBeGreaterThan(10);
    expect(await serialised(page)).toEqual(before);
    await setSettings({ enabled: false });
    await waitFor(() => highlightSet(page), (texts) => texts.length === 0, 'highlights to go');
    await setSettings({ enabled: true });
    await waitFor(() => highlightSet(page), (texts) => texts.join('|') === on.join('|'), 'highlights to come back');
    await page.close();
  });

  it('the wrap renderer wraps without changing the text and unwraps exactly', async () => {
    await setSettings({ enabled: false, renderer: 'wrap' });
    const page = await firefox.browser.newPage();
    await page.goto(`${server.url}/seed-article.html`);
    const before = await serialised(page);
    await setSettings({ enabled: true });
    await waitFor(() => markCount(page), (count) => count > 10, 'marks');
    expect((await serialised(page)).text).toBe(before.text);
    await setSettings({ enabled: false });
    await waitFor(() => markCount(page), (count) => count === 0, 'marks to go');
    expect(await serialised(page)).toEqual(before);
    await page.close();
  });

  it('the dataset comes from storage; with no stored copy the page asks the background, which stores it again', async () => {
    const first = await freshHighlights('/seed-article.html');
    expect(first.length).toBeGreaterThan(10);
    const good = await storedIndex();
    expect(good?.length).toBeGreaterThan(100_000);
    await storedIndex(null);
    expect(await freshHighlights('/seed-article.html')).toEqual(first);
    await waitFor(() => storedIndex(), (index) => index === good, 'the copy to be stored again');
  });

  it('a long page whose context comes last is read again, and the gated name in its lead is found', async () => {
    // "Conoco" counts only on a page that names Syria or Deir ez-Zor, which only its last paragraph does.
    const { page, errors } = await open('/dynamic/long-revisit.html');
    await waitSettled(page, 1);
    expect(await highlightSet(page, '#lead')).toEqual(['Conoco']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('infinite scroll: added text is read as on a fresh load', async () => {
    const { page, errors } = await open('/dynamic/infinite-scroll.html');
    for (let loaded = await page.$$eval('#entries > section', (s) => s.length); loaded < 4; loaded++) {
      const round = await settledRound(page);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await waitFor(() => page.$$eval('#entries > section', (s) => s.length), (count) => count > loaded, 'a new entry');
      await waitSettled(page, round);
    }
    expect(await highlightSet(page)).toEqual(await freshHighlights('/dynamic/infinite-scroll.html?preload=4'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('single-page navigation reads the new article as a new page', async () => {
    const { page, errors } = await open('/dynamic/spa.html?story=0&keep');
    const round = await settledRound(page);
    await page.click('a[data-story="1"]');
    await waitFor(() => page.evaluate(() => document.querySelector('article')?.dataset.story), (story) => story === '1', 'story 2');
    await waitSettled(page, round);
    const expected = await freshHighlights('/dynamic/spa.html?story=1&keep');
    await waitFor(() => highlightSet(page), (texts) => texts.join('|') === expected.join('|'), 'the fresh-load highlights');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const renderer of ['highlight-api', 'wrap'] as const) {
    it(`a React app re-rendering every 100 ms never throws (${renderer})`, async () => {
      await setSettings({ renderer, mentions: 'all' });
      const { page, errors } = await open('/react/');
      const read = () =>
        page.evaluate(() => (window as unknown as { fixture: { renders: number; errors: string[] } }).fixture);
      const start = (await read()).renders;
      const end = await waitFor(read, (fixture) => fixture.renders >= start + 30 || fixture.errors.length > 0, '30 renders');
      expect(end.errors).toEqual([]);
      if (renderer === 'wrap') expect(await markCount(page)).toBeGreaterThan(0);
      else expect((await highlightSet(page)).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('a second copy of the script replaces the first, and the page cannot turn Backstory off with its teardown event', async () => {
    await setSettings({ renderer: 'wrap' });
    const { page, errors } = await open('/seed-article.html');
    const marks = await markCount(page);
    expect(marks).toBeGreaterThan(10);
    await page.evaluate(() => window.dispatchEvent(new CustomEvent('backstory:teardown', { detail: 'forged' })));
    expect(await markCount(page)).toBe(marks);
    const since = await page.evaluate(() => performance.now());
    await extensionPage.evaluate(async (url) => {
      const pattern = url.replace(/^(https?:\/\/[^/:]+):\d+/, '$1');
      const [tab] = await browser.tabs.query({ url: pattern });
      const files = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
      await browser.scripting.executeScript({ target: { tabId: tab!.id! }, files });
    }, page.url());
    // The new copy reads the page afresh: same marks, none doubled.
    const settledAt = () => page.evaluate(() => performance.getEntriesByName('backstory:settled')[0]?.startTime ?? 0);
    await waitFor(settledAt, (at) => at > since, 'the second copy to settle');
    await waitFor(() => markCount(page), (count) => count === marks, 'the same marks');
    expect(await page.evaluate(() => document.querySelectorAll('backstory-mark[data-category="people"] backstory-mark[data-category="people"]').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the keyboard message walks the annotations with a focus highlight', async () => {
    const { page, errors } = await open('/seed-article.html');
    const step = (direction: 'next' | 'previous') =>
      extensionPage.evaluate(
        async ({ url, direction }) => {
          // A match pattern has no port: Firefox refuses one.
          const pattern = url.replace(/^(https?:\/\/[^/:]+):\d+/, '$1');
          const [tab] = await browser.tabs.query({ url: pattern });
          await browser.tabs.sendMessage(tab!.id!, { type: 'step-annotation', direction });
        },
        { url: page.url(), direction },
      );
    const focused = () =>
      page.evaluate(() => {
        const texts: string[] = [];
        CSS.highlights.get('backstory-focus')?.forEach((range) => texts.push((range as Range).toString()));
        return texts;
      });
    await step('next');
    const first = await waitFor(focused, (texts) => texts.length === 1, 'a focused mention');
    await step('next');
    await waitFor(focused, (texts) => texts.length === 1 && texts[0] !== first[0], 'the next mention');
    await step('previous');
    await waitFor(focused, (texts) => texts[0] === first[0], 'back to the first');
    await page.keyboard.press('Escape');
    await waitFor(focused, (texts) => texts.length === 0, 'focus to go');
    expect(errors).toEqual([]);
    await page.close();
  });
});
