/**
 * Backstory is a good guest on real pages: every saved news page of the
 * corpus (../shared/corpus/readability, skipped where absent) and the
 * project's own fixtures are loaded from the local server with the built
 * extension, and on each:
 * - no page error, and no console error from Backstory;
 * - no long task over 50 ms from the moment the content script starts
 *   (PerformanceObserver 'longtask'; a page with one is loaded once more,
 *   and fails if it has one again: the machine is shared, and a single
 *   long task can be another process's doing);
 * - in Highlight-API mode the DOM, serialised, is exactly what it was at
 *   DOMContentLoaded (outside Backstory's host element);
 * - the page's innerText is the same annotated and with Backstory off, and
 *   turning it off leaves the DOM as it was.
 *
 * Corpus pages are snapshots whose scripts and remote resources cannot load
 * here: they are served with `script-src 'none'` and every non-local request
 * is refused, so what runs on them is Backstory alone.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../support/extension.ts';
import { CORPUS, hasCorpus } from '../support/paths.ts';
import {
  collectErrors,
  domAtLoadAndNow,
  firstDifference,
  highlightSet,
  highlightsIn,
  installPageProbes,
  lastSettled,
  longTasksSinceStart,
  marksIn,
  nextFrames,
  resetSettings,
  sendToTab,
  setSettings,
  waitSettled,
} from './page-support.ts';

const LONG_TASK_MS = 50;

const corpusPages = hasCorpus
  ? readdirSync(CORPUS)
      .filter((name) => existsSync(join(CORPUS, name, 'source.html')))
      .sort()
  : [];

/** The project's own static fixtures get the same checks, so CI covers them without the corpus. */
const fixturePages = ['/seed-article.html', '/dynamic/tricky.html', '/dynamic/huge-text.html', '/dynamic/long-revisit.html'];

test.beforeEach(async ({ page, extensionContext }) => {
  await resetSettings(extensionContext);
  // Nothing leaves the machine: remote resources of saved pages are refused.
  await page.route(
    (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await installPageProbes(page);
});

test.afterEach(async ({ extensionContext }) => {
  await resetSettings(extensionContext);
});

/** Loads the page and waits for Backstory to settle; returns the long tasks since its start. */
async function load(page: Page, url: string): Promise<{ longTasks: Array<{ start: number; duration: number }>; longestSliceMs: number }> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const settled = await waitSettled(page);
  await nextFrames(page);
  const longTasks = (await longTasksSinceStart(page)).filter((task) => task.duration > LONG_TASK_MS);
  return { longTasks, longestSliceMs: settled.longestSliceMs };
}

async function checkGuest(page: Page, url: string, extensionContext: BrowserContext, extensionId: string): Promise<void> {
  const errors = collectErrors(page, extensionId);
  let attempt = await load(page, url);
  // The machine is shared: a long task once can be another process's doing.
  // One that comes back on a second load is the page's or ours, and fails.
  if (attempt.longTasks.length > 0) {
    const first = attempt.longTasks;
    attempt = await load(page, url);
    if (attempt.longTasks.length > 0) attempt.longTasks.push(...first);
  }
  expect(errors).toEqual([]);
  expect(attempt.longTasks, `long tasks after Backstory started (its longest slice: ${attempt.longestSliceMs} ms)`).toEqual([]);

  const annotated = await domAtLoadAndNow(page);
  expect(annotated.now === annotated.atLoad, `the DOM changed while annotating, ${firstDifference(annotated.atLoad, annotated.now)}`).toBe(true);
  const textOn = await page.evaluate(() => document.body?.innerText ?? '');

  await setSettings(extensionContext, { enabled: false });
  await expect.poll(() => highlightSet(page)).toEqual([]);
  const off = await domAtLoadAndNow(page);
  expect(off.now === off.atLoad, `the DOM changed after turning Backstory off, ${firstDifference(off.atLoad, off.now)}`).toBe(true);
  expect(await page.evaluate(() => document.body?.innerText ?? '')).toBe(textOn);
  expect(errors).toEqual([]);
}

for (const name of corpusPages) {
  test(`corpus ${name}: no error, no long task, DOM and text unchanged`, async ({ page, server, extensionContext, extensionId }) => {
    await page.route('**/corpus/**', async (route) => {
      // Only the page itself gets the policy; its images and styles load as they are (a connection the
      // server resets for one of them, as the page is left, is no failure of Backstory's).
      if (route.request().resourceType() !== 'document') return route.continue().catch(() => undefined);
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
    });
    await checkGuest(page, `${server.url}/corpus/${name}/source.html`, extensionContext, extensionId);
  });
}

test('the corpus is here, or its tests are skipped', () => {
  test.skip(!hasCorpus, `no corpus at ${CORPUS}`);
  expect(corpusPages.length).toBeGreaterThan(100);
});

test('a long page whose context comes last is read again, piece by piece: the gated name is found, with no long task', async ({ page, server, extensionId }) => {
  const errors = collectErrors(page, extensionId);
  const readTwice = async () => {
    await page.goto(`${server.url}/dynamic/long-revisit.html`, { waitUntil: 'domcontentloaded' });
    // Round 2 is the revisit: "Conoco" in the lead counts only once "Deir ez-Zor", last on the page, is known.
    const settled = await waitSettled(page, 1);
    await nextFrames(page);
    return { settled, longTasks: (await longTasksSinceStart(page)).filter((task) => task.duration > LONG_TASK_MS) };
  };
  let run = await readTwice();
  // As in checkGuest: one long task can be another process's; one that comes back fails.
  if (run.longTasks.length > 0) run = await readTwice();
  expect(run.longTasks, `long tasks (longest slice: ${run.settled.longestSliceMs} ms)`).toEqual([]);
  expect(await highlightsIn(page, '#lead')).toEqual(['Conoco']);
  expect(errors).toEqual([]);
});

test('every mention shown on one huge text node: all 70,000 drawn, and none of Backstory’s slices near a long task', async ({ page, server, extensionContext }) => {
  // Drawing only what each batch adds: a full draw per batch, comparing tens
  // of thousands of annotations, made slices of 70–100 ms here.
  await setSettings(extensionContext, { mentions: 'all' });
  const readOnce = async () => {
    await page.goto(`${server.url}/dynamic/huge-text.html`, { waitUntil: 'domcontentloaded' });
    return waitSettled(page);
  };
  let settled = await readOnce();
  // As in checkGuest: one slow slice can be another process's doing; one that comes back fails.
  if (settled.longestSliceMs >= LONG_TASK_MS) settled = await readOnce();
  expect(settled.shown).toBe(70_000);
  expect(settled.longestSliceMs).toBeLessThan(LONG_TASK_MS);
  const drawn = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, highlight) => n + highlight.size, 0));
  expect(drawn).toBe(70_000);
});

test('the wrap renderer on a long page, every mention shown: reading it (twice) and turning it off take no long task', async ({ page, server, extensionContext }) => {
  // 1,300 paragraphs, about 11,000 marks. Each change of our elements costs
  // Chromium one update per live range of the page: the revisit's unwrapping
  // of every paragraph, with the mentions' ranges in the page, was one task
  // of 1.2 s. The ranges wait outside the page now (wrap-renderer.ts
  // #parkRanges), and a reading gives the text back in steps (clearInSteps).
  await setSettings(extensionContext, { renderer: 'wrap', mentions: 'all' });
  const longest = async (since: number) =>
    Math.max(0, ...(await longTasksSinceStart(page)).filter((task) => task.start + task.duration >= since).map((task) => task.duration));
  const readAndTurnOff = async () => {
    await setSettings(extensionContext, { enabled: true });
    await page.goto(`${server.url}/dynamic/long-revisit.html`, { waitUntil: 'domcontentloaded' });
    await waitSettled(page, 1); // round 2: the revisit, which unwraps every paragraph first
    await expect.poll(async () => (await marksIn(page)).length).toBeGreaterThan(10_000);
    await nextFrames(page);
    const reading = await longest(0);
    const offAt = await page.evaluate(() => performance.now());
    await setSettings(extensionContext, { enabled: false });
    await expect.poll(async () => (await marksIn(page)).length).toBe(0);
    await nextFrames(page);
    return { reading, off: await longest(offAt) };
  };
  let run = await readAndTurnOff();
  // As in checkGuest: one long task can be another process's doing; one that comes back fails.
  if (Math.max(run.reading, run.off) > LONG_TASK_MS) run = await readAndTurnOff();
  expect(run.reading).toBeLessThanOrEqual(LONG_TASK_MS);
  expect(run.off).toBeLessThanOrEqual(LONG_TASK_MS);
});

test('the wrap renderer, a long paragraph of 3,000 mentions handed over in steps: every mention kept when the page changes elsewhere', async ({ page, server, extensionContext }) => {
  // Its first text node holds 2,200 mentions: it is split when the first
  // step (2,000) is drawn, and the other 200, found before that, must be
  // pointed at where their text went (WrapRenderer.adopt), or the next
  // change of the page finds their ranges collapsed and drops them.
  await setSettings(extensionContext, { renderer: 'wrap' });
  const url = `${server.url}/reader/long-paragraph.html`;
  const sentence = 'Officials in Baghdad said Hezbollah had moved. ';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One long paragraph</title></head><body><article><h1>Live</h1><p>${sentence.repeat(1_100)}<b>and</b> ${sentence.repeat(400)}</p><div id="ad">Advert</div></article></body></html>`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitSettled(page);
  const counts = async () => {
    const reply = (await sendToTab(extensionContext, page, { type: 'get-annotations' })) as { annotations: Array<{ name: string; count: number }> };
    return Object.fromEntries(reply.annotations.map((a) => [a.name, a.count]));
  };
  const before = await counts();
  expect(before['Baghdad']).toBe(1_500);
  expect(before['Hezbollah']).toBe(1_500);
  expect((await marksIn(page)).length).toBe(2); // first mentions only
  // A removal elsewhere on the page: the page drops what no longer holds its text.
  await page.evaluate(() => document.getElementById('ad')!.remove());
  await nextFrames(page);
  await page.waitForTimeout(300);
  expect(await counts()).toEqual(before);
});

for (const path of fixturePages) {
  test(`fixture ${path}: no error, no long task, DOM and text unchanged`, async ({ page, server, extensionContext, extensionId }) => {
    await checkGuest(page, server.url + path, extensionContext, extensionId);
    expect(await lastSettled(page)).not.toBeNull();
  });

  test(`fixture ${path} with the wrap renderer: text unchanged, and unwrapped exactly when turned off`, async ({ page, server, extensionContext, extensionId }) => {
    await setSettings(extensionContext, { renderer: 'wrap', mentions: 'all' });
    const errors = collectErrors(page, extensionId);
    await page.goto(server.url + path, { waitUntil: 'domcontentloaded' });
    // long-revisit is read twice, and the second reading unwraps it first: wait for that one.
    const settled = await waitSettled(page, path === '/dynamic/long-revisit.html' ? 1 : 0);
    if (path === '/dynamic/huge-text.html') {
      // Its one text node of 2 MB is never split (wrap-renderer.ts MAX_SPLIT_CHARS): laying it out
      // again took the browser 330-370 ms. Its 70,000 mentions are found, and not shown (no hover
      // card, no keyboard stop on undrawn text); taking them in is spread over several slices
      // (page-scan.ts HAND_OVER).
      expect(settled.annotations).toBe(70_000);
      expect(settled.shown).toBe(0);
      await nextFrames(page);
      expect(await marksIn(page)).toEqual([]);
      expect((await domAtLoadAndNow(page)).now).not.toContain('<backstory-');
      let longTasks = (await longTasksSinceStart(page)).filter((task) => task.duration > LONG_TASK_MS);
      if (longTasks.length > 0) {
        // As in checkGuest: once can be another process's doing.
        await page.goto(server.url + path, { waitUntil: 'domcontentloaded' });
        await waitSettled(page);
        await nextFrames(page);
        longTasks = (await longTasksSinceStart(page)).filter((task) => task.duration > LONG_TASK_MS);
      }
      expect(longTasks).toEqual([]);
      return;
    }
    await expect.poll(async () => (await marksIn(page)).length).toBeGreaterThan(0);
    const textOn = await page.evaluate(() => document.body.innerText);
    expect((await domAtLoadAndNow(page)).now).toContain('<backstory-mark');

    await setSettings(extensionContext, { enabled: false });
    await expect.poll(async () => (await marksIn(page)).length).toBe(0);
    const off = await domAtLoadAndNow(page);
    expect(off.now === off.atLoad, `the DOM is not as it was after unwrapping, ${firstDifference(off.atLoad, off.now)}`).toBe(true);
    expect(await page.evaluate(() => document.body.innerText)).toBe(textOn);
    expect(errors).toEqual([]);
  });
}
