/**
 * Following pages that change: infinite scroll and "Read more", a
 * single-page app's navigation, a React app re-rendering annotated text
 * every 100 ms (with both renderers), and a page full of things a content
 * script can trip on.
 *
 * The oracle for a page that changed is the same page loaded as it ended
 * up: what is highlighted after scrolling, revealing or navigating must be
 * exactly what is highlighted on a fresh load of the final state. That
 * needs no knowledge of the dataset, and fails if added text is missed, if
 * removed text keeps its highlight, if the first mention is not the first
 * in document order, or if matcher context leaks from a previous article.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension.ts';
import { buildReactFixture } from '../../fixtures/build-react-fixture.ts';
import {
  collectErrors,
  highlightSet,
  highlightsIn,
  lastSettled,
  marksIn,
  resetSettings,
  setSettings,
  waitSettled,
} from './page-support.ts';

test.beforeEach(async ({ extensionContext }) => resetSettings(extensionContext));
test.afterEach(async ({ extensionContext }) => resetSettings(extensionContext));

/** The highlights of a fresh load of `url`, in a tab of its own. */
async function highlightsOfFreshLoad(page: Page, url: string): Promise<string[]> {
  const fresh = await page.context().newPage();
  try {
    await fresh.goto(url);
    await waitSettled(fresh);
    return await highlightSet(fresh);
  } finally {
    await fresh.close();
  }
}

/** Scrolls to the bottom until the live blog has `count` entries, letting Backstory settle after each. */
async function scrollUntilEntries(page: Page, count: number): Promise<void> {
  for (let loaded = await page.locator('#entries > section').count(); loaded < count; loaded++) {
    await settleAfter(page, async () => {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction((loaded) => document.querySelectorAll('#entries > section').length > loaded, loaded);
    });
  }
}

/** Waits for the content script to settle again after the page changed. */
async function settleAfter(page: Page, change: () => Promise<unknown>): Promise<void> {
  const before = (await lastSettled(page))?.round ?? 0;
  await change();
  await waitSettled(page, before);
}

test('infinite scroll and "Read more": added and revealed text is annotated as if it had been there', async ({ page, server, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  await page.goto(`${server.url}/dynamic/infinite-scroll.html`);
  await waitSettled(page);
  await scrollUntilEntries(page, 4);
  await settleAfter(page, () => page.click('#read-more'));
  // The revealed paragraph holds the page's first mention of a name mentioned further down.
  expect(await highlightsIn(page, '#more')).not.toEqual([]);
  expect(await highlightSet(page)).toEqual(await highlightsOfFreshLoad(page, `${server.url}/dynamic/infinite-scroll.html?preload=4&expanded`));
  expect(errors).toEqual([]);
});

test('every mention: the scrolled page matches a fresh load too', async ({ page, server, extensionContext, extensionId }) => {
  await setSettings(extensionContext, { mentions: 'all' });
  const errors = collectErrors(page, extensionId);
  await page.goto(`${server.url}/dynamic/infinite-scroll.html`);
  await waitSettled(page);
  await scrollUntilEntries(page, 4);
  expect(await highlightsIn(page, '[data-story="3"]')).not.toEqual([]);
  const all = await highlightSet(page);
  expect(all).toEqual(await highlightsOfFreshLoad(page, `${server.url}/dynamic/infinite-scroll.html?preload=4`));
  expect(errors).toEqual([]);
});

for (const mode of ['', '&keep'] as const) {
  const how = mode ? 'the article element kept, its content replaced' : 'the article element replaced';
  test(`single-page navigation reads the new article as a new page, and back returns (${how})`, async ({ page, server, extensionId }) => {
    const errors = collectErrors(page, extensionId);
    await page.goto(`${server.url}/dynamic/spa.html?story=0${mode}`);
    await waitSettled(page);
    const first = await highlightSet(page);
    expect(first).not.toEqual([]);

    await settleAfter(page, async () => {
      await page.click('a[data-story="1"]');
      await page.waitForFunction(() => document.querySelector('article')?.dataset.story === '1');
    });
    await expect.poll(() => highlightSet(page)).toEqual(await highlightsOfFreshLoad(page, `${server.url}/dynamic/spa.html?story=1${mode}`));

    await settleAfter(page, async () => {
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('article')?.dataset.story === '0');
    });
    await expect.poll(() => highlightSet(page)).toEqual(first);
    expect(errors).toEqual([]);
  });
}

test('text removed while the page is read again (revisit) leaves nothing behind: the highlights are a fresh reading’s', async ({ page, server, extensionContext, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  await page.goto(`${server.url}/dynamic/long-revisit.html`, { waitUntil: 'domcontentloaded' });
  // The first reading asks for a second (long-revisit.html says why), which takes
  // a few hundred milliseconds: remove the lead and the first entries while it runs.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const check = () => {
          const mark = performance.getEntriesByName('backstory:settled')[0] as PerformanceMark | undefined;
          if ((mark?.detail as { round: number } | undefined)?.round !== 1) return void setTimeout(check, 1);
          setTimeout(() => {
            document.getElementById('lead')!.remove();
            for (const p of [...document.querySelectorAll('#feed > p')].slice(0, 20)) p.remove();
            resolve();
          }, 40);
        };
        check();
      }),
  );
  await waitSettled(page, 1);
  await page.waitForTimeout(300);
  const afterRevisit = await highlightSet(page);
  expect(afterRevisit).not.toContain('');
  // A fresh reading of the page as it is now: off, then on.
  await setSettings(extensionContext, { enabled: false });
  await expect.poll(() => highlightSet(page)).toEqual([]);
  await setSettings(extensionContext, { enabled: true });
  await waitSettled(page);
  await expect.poll(() => highlightSet(page)).toEqual(afterRevisit);
  expect(errors).toEqual([]);
});

test('a renderer switched while the page is read again (revisit) draws what a fresh reading draws', async ({ page, server, extensionContext, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  await page.goto(`${server.url}/dynamic/long-revisit.html`, { waitUntil: 'domcontentloaded' });
  // The revisit starts as the first reading settles: switch to the wrap renderer then.
  await waitSettled(page);
  await setSettings(extensionContext, { renderer: 'wrap' });
  await waitSettled(page, 1);
  await expect.poll(async () => (await marksIn(page)).length).toBeGreaterThan(0);
  const switched = (await marksIn(page)).sort();
  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitSettled(page, 1);
  await expect.poll(async () => (await marksIn(page)).sort()).toEqual(switched);
  expect(switched).toContain('Conoco');
  expect(errors).toEqual([]);
});

test('a page full of traps: editable text, forms, SVG, iframes, shadow DOM and hidden text are left alone', async ({ page, server, extensionContext, extensionId }) => {
  await setSettings(extensionContext, { mentions: 'all' });
  const errors = collectErrors(page, extensionId);
  await page.goto(`${server.url}/dynamic/tricky.html`);
  await waitSettled(page);
  for (const id of ['plain', 'inline', 'rtl']) expect(await highlightsIn(page, `#${id}`), id).not.toEqual([]);
  const untouched = await page.evaluate(() => [...document.querySelectorAll('[data-expect="none"]')].length);
  expect(untouched).toBeGreaterThan(8);
  expect(await highlightsIn(page, '[data-expect="none"]')).toEqual([]);
  // A name split by <br> is two blocks: no match spans them.
  expect((await highlightsIn(page, '#broken')).filter((text) => text.includes('Qasem'))).toEqual([]);
  // A name across inline elements is one mention.
  expect((await highlightsIn(page, '#inline')).some((text) => text.includes(' '))).toBe(true);

  // Typing into the editor is the reader's business: nothing is drawn there, nothing breaks.
  await page.click('#editor');
  await page.keyboard.type(' The Pentagon again.');
  // A change Backstory does read, after the typing: once it is read, the typing has been seen too.
  await settleAfter(page, () =>
    page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: the Pentagon said Pat Ryder would brief reporters.';
      document.querySelector('article')!.append(p);
    }),
  );
  expect(await highlightsIn(page, 'article > p:last-child')).not.toEqual([]);
  expect(await page.locator('#editor').textContent()).toContain('The Pentagon again.');
  expect(await highlightsIn(page, '#editor')).toEqual([]);
  // The page's shadow component still renders.
  expect(await page.evaluate(() => document.querySelector('fact-box')!.shadowRoot!.textContent)).toContain('Pentagon');
  expect(errors).toEqual([]);
});

for (const renderer of ['highlight-api', 'wrap'] as const) {
  test(`a React app re-rendering annotated paragraphs every 100 ms never throws (${renderer})`, async ({ page, server, extensionContext, extensionId }) => {
    await buildReactFixture();
    await setSettings(extensionContext, { renderer, mentions: 'all' });
    const errors = collectErrors(page, extensionId);
    await page.goto(`${server.url}/react/`);
    await waitSettled(page);
    const readFixture = () =>
      page.evaluate(() => {
        const fixture = (window as unknown as { fixture: { renders: number; errors: string[]; expected: Record<string, string> } }).fixture;
        const shown: Record<string, string> = {};
        for (const p of document.querySelectorAll<HTMLElement>('p[data-key]')) shown[p.dataset.key!] = p.textContent ?? '';
        return { renders: fixture.renders, errors: fixture.errors, expected: fixture.expected, shown };
      });
    const start = (await readFixture()).renders;
    // Sample the page while React renders 40 more times: never an error, never stale text.
    for (let state = await readFixture(); state.renders < start + 40; state = await readFixture()) {
      expect(state.errors).toEqual([]);
      expect(state.shown).toEqual(state.expected);
      await page.waitForFunction((after) => (window as unknown as { fixture: { renders: number } }).fixture.renders > after, state.renders);
    }
    // Mentions in paragraphs React keeps moving and rewriting are still highlighted.
    await expect.poll(async () => (renderer === 'wrap' ? (await marksIn(page, 'p[data-key="b"]')).length : (await highlightsIn(page, 'p[data-key="b"]')).length)).toBeGreaterThan(0);
    await expect.poll(async () => (renderer === 'wrap' ? (await marksIn(page, 'p[data-key="counter"]')).length : (await highlightsIn(page, 'p[data-key="counter"]')).length)).toBeGreaterThan(0);
    if (renderer === 'highlight-api') expect(await page.locator('backstory-mark').count()).toBe(0);
    expect((await readFixture()).errors).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('a page that keeps making huge changes (a ticker adding hundreds of nodes a frame) is read anew once more when it calms down, not at every change', async ({ page, server, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  const url = `${server.url}/reader/ticker.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticker</title></head><body>
    <div id="ticker"></div>
    <article><h1>Strikes</h1><p>Officials in Baghdad said the Pentagon had moved troops near Erbil.</p></article>
    <script>
      // Ten bursts, 200 ms apart, of 450 new nodes each: every one a "huge" change.
      let bursts = 0;
      const timer = setInterval(() => {
        const ticker = document.getElementById('ticker');
        ticker.replaceChildren();
        for (let i = 0; i < 450; i++) ticker.append(document.createElement('span'));
        if (++bursts === 10) { clearInterval(timer); document.body.dataset.calm = ''; }
      }, 200);
    </script></body></html>`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  await page.waitForSelector('body[data-calm]', { timeout: 10_000 });
  await page.waitForTimeout(1_200); // the quiet moment, and the reading after it
  const settled = await lastSettled(page);
  // The first reading, the one for the first burst, and one once the page calmed down: not one per burst.
  expect(settled!.round).toBeLessThanOrEqual(4);
  expect(await highlightsIn(page, 'article')).toEqual(expect.arrayContaining(['Baghdad', 'Pentagon', 'Erbil']));
  expect(errors).toEqual([]);
});
