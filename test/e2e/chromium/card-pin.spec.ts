/**
 * A pinned card stays: the page scrolls under it, pointing at other mentions
 * does not replace it, it can be dragged by its top bar, and Escape still
 * closes it. An unpinned card follows its mention instead.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { waitPastCardDelays } from '../support/card-timing.ts';

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
