/**
 * A pinned card stays: the page scrolls under it, pointing at other mentions
 * does not replace it, it can be dragged by its top bar, it stays in view
 * when the window shrinks, and Escape still closes it. An unpinned card
 * follows its mention instead.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/extension.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { waitPastCardDelays } from '../support/card-timing.ts';
import { FIXTURE_PAGES } from '../support/paths.ts';

const DEMO = '/seed-article.html';

async function hoverCard(page: Page, text: string) {
  const point = await pointOfText(page, text);
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  return card;
}

test('an unpinned card follows its mention when the page scrolls', async ({ page, server }) => {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
  const card = await hoverCard(page, 'Pat Ryder');
  // How far the card is from its mention, above or below it.
  const gap = async () => {
    const mention = await page.evaluate(() => {
      const link = [...document.querySelectorAll('article a')].find((a) => a.textContent === 'Pat Ryder')!;
      const r = link.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    const box = (await card.boundingBox())!;
    return Math.round(Math.min(Math.abs(box.y + box.height - mention.top), Math.abs(box.y - mention.bottom)));
  };
  expect(await gap()).toBeLessThanOrEqual(12);
  const before = (await card.boundingBox())!;
  await page.evaluate(() => window.scrollBy(0, 120));
  await expect.poll(async () => (await card.boundingBox())!.y).not.toBe(before.y);
  expect(await gap()).toBeLessThanOrEqual(12);
});

test('a pinned card survives scrolling, ignores other mentions, can be dragged, and Escape closes it', async ({ page, server, pageErrors }) => {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
  const card = await hoverCard(page, 'Pat Ryder');
  const id = await card.getAttribute('data-entry-id');
  const pin = card.locator('[data-action="pin"]');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  const pinned = (await card.boundingBox())!;

  // The page scrolls a long way: the card stays where it was, open.
  await page.mouse.move(5, 5);
  await page.mouse.wheel(0, 700);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await waitPastCardDelays(page);
  await expect(card).toBeVisible();
  expect(await card.boundingBox()).toEqual(pinned);

  // Another mention under the pointer does not replace it.
  const other = (await highlightedTexts(page)).find((t) => t !== 'Pat Ryder' && t.length > 4)!;
  const point = await pointOfText(page, other);
  await page.mouse.move(point.x, point.y);
  await waitPastCardDelays(page);
  await expect(page.locator('backstory-root .card')).toHaveCount(1);
  await expect(card).toHaveAttribute('data-entry-id', id!);

  // Dragged by its top bar.
  const bar = card.locator('.toolbar .brand');
  const handle = (await bar.boundingBox())!;
  const now = (await card.boundingBox())!;
  await page.mouse.move(handle.x + 5, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 5 - 80, handle.y + handle.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  const moved = (await card.boundingBox())!;
  expect(Math.round(moved.x)).toBe(Math.round(now.x - 80));
  expect(Math.round(moved.y)).toBe(Math.round(now.y + 40));

  await page.keyboard.press('Escape');
  await expect(page.locator('backstory-root .card')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

/** Opens Pat Ryder's card on the demo page and presses its top bar, moving the pointer by (dx, dy) before letting go. */
async function pressTopBar(page: Page, server: { url: string }, dx: number, dy: number) {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
  const card = await hoverCard(page, 'Pat Ryder');
  const handle = (await card.locator('.toolbar .brand').boundingBox())!;
  const from = { x: handle.x + 5, y: handle.y + handle.height / 2 };
  await page.mouse.move(from.x, from.y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
  await page.mouse.up();
  return card;
}

test('a click on the top bar that does not move the card does not pin it', async ({ page, server }) => {
  const card = await pressTopBar(page, server, 1, 0); // a hand's tremor, not a drag
  await expect(card.locator('[data-action="pin"]')).toHaveAttribute('aria-pressed', 'false');
  // Not pinned: the pointer leaving it closes it.
  await page.mouse.move(5, 5, { steps: 3 });
  await waitPastCardDelays(page);
  await expect(card).toHaveCount(0);
});

test('dragging an unpinned card pins it', async ({ page, server }) => {
  const card = await pressTopBar(page, server, 40, 20);
  await expect(card.locator('[data-action="pin"]')).toHaveAttribute('aria-pressed', 'true');
  // Pinned: the pointer leaving it no longer closes it.
  await page.mouse.move(5, 5, { steps: 3 });
  await waitPastCardDelays(page);
  await expect(card).toBeVisible();
});

test('in forced colours (high contrast), a pinned card and its pressed pin show by an outline', async ({ page, server }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
  const card = await hoverCard(page, 'Pat Ryder');
  const outline = (selector: string) => card.evaluate((e, selector) => getComputedStyle(selector === '.card' ? e : e.querySelector(selector)!).outlineStyle, selector);
  expect(await outline('[data-action="pin"]')).toBe('none');
  await card.locator('[data-action="pin"]').click();
  await expect(card.locator('[data-action="pin"]')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(5, 5);
  expect(await outline('.card')).toBe('solid');
  expect(await outline('[data-action="pin"]')).toBe('solid');
  await page.emulateMedia({ forcedColors: null });
});

test('an unpinned card is placed by its mention again when the window gets shorter', async ({ page, server }) => {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
  const card = await hoverCard(page, 'Pat Ryder');
  const mention = await page.evaluate(() => {
    const r = [...document.querySelectorAll('article a')].find((a) => a.textContent === 'Pat Ryder')!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  // Shorter than the card and the mention together, with the mention still in view.
  const small = { width: page.viewportSize()!.width, height: Math.ceil(mention.bottom) + 60 };
  await page.setViewportSize(small);
  await expect.poll(async () => (await boxIn(card, small)).inside, 'the card is inside the shorter window').toBe(true);
  const { box } = await boxIn(card, small);
  const gap = Math.min(Math.abs(box.y + box.height - mention.top), Math.abs(box.y - mention.bottom));
  expect(gap).toBeLessThanOrEqual(12);
  await expect(card.locator('[data-action="pin"]')).toHaveAttribute('aria-pressed', 'false');
});

/** The demo article, or the same article laid out right to left (served at a path of its own). */
async function openDemo(page: Page, server: { url: string }, dir: 'ltr' | 'rtl') {
  if (dir === 'ltr') {
    await page.goto(server.url + DEMO);
  } else {
    const url = `${server.url}/reader/seed-article-rtl.html`;
    const html = readFileSync(resolve(FIXTURE_PAGES, 'seed-article.html'), 'utf8').replace('<html lang="en">', '<html lang="en" dir="rtl">');
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(url);
  }
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
}

/** The box of `locator`, and whether all of it lies inside a viewport of `size`. */
async function boxIn(locator: Locator, size: { width: number; height: number }) {
  const box = (await locator.boundingBox())!;
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
  return { box, inside };
}

/** Resolves once the page has seen the viewport at `size` and painted two frames since: any resize work has run. */
async function settledAt(page: Page, size: { width: number; height: number }) {
  await expect.poll(() => page.evaluate(() => [innerWidth, innerHeight])).toEqual([size.width, size.height]);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

for (const dir of ['ltr', 'rtl'] as const) {
  test(`a pinned card dragged near the bottom-right corner stays in view when the window shrinks (${dir} page)`, async ({ page, server, pageErrors }) => {
    await openDemo(page, server, dir);
    const card = await hoverCard(page, 'Pat Ryder');
    const large = page.viewportSize()!;

    // Dragged (which pins it) until its bottom-right corner is 16 px from the window's.
    const start = (await card.boundingBox())!;
    const handle = (await card.locator('.toolbar .brand').boundingBox())!;
    const from = { x: handle.x + 5, y: handle.y + handle.height / 2 };
    const to = { x: from.x + large.width - 16 - (start.x + start.width), y: from.y + large.height - 16 - (start.y + start.height) };
    await page.mouse.move(from.x, from.y, { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    await expect(card.locator('[data-action="pin"]')).toHaveAttribute('aria-pressed', 'true');
    const dragged = (await card.boundingBox())!;
    expect(Math.round(dragged.x + dragged.width)).toBe(large.width - 16);

    // The window shrinks to less than the card's height: the card moves the
    // least it must (it ends up by the new corner), and gets shorter.
    const small = { width: 900, height: Math.min(360, Math.floor(dragged.height) - 20) };
    await page.setViewportSize(small);
    await expect.poll(async () => (await boxIn(card, small)).inside, 'the card is inside the smaller window').toBe(true);
    const { box: fitted } = await boxIn(card, small);
    expect(fitted.x + fitted.width).toBeGreaterThanOrEqual(small.width - 9);
    expect(fitted.y + fitted.height).toBeGreaterThanOrEqual(small.height - 9);
    expect((await boxIn(card.locator('.toolbar'), small)).inside, 'its top bar can be reached').toBe(true);
    await expect(card).toBeVisible();

    // The window grows again: the card fits where it is, so it stays there.
    await page.setViewportSize(large);
    await settledAt(page, large);
    const after = (await card.boundingBox())!;
    expect([after.x, after.y]).toEqual([fitted.x, fitted.y]);
    expect(pageErrors).toEqual([]);
  });
}
