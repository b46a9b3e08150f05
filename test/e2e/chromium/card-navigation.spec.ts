/**
 * Moving around inside the card and with the keyboard: related entries open
 * in the same card and Back returns (by click and by Enter); next/previous
 * walk the entry's mentions on the page; the keyboard shortcut's message
 * opens cards that take focus and give it back on Escape.
 *
 * The shortcut itself is the browser's (manifest `commands`), which a test
 * cannot press in headless Chromium; the background turns it into the
 * `step-annotation` message, which the tests send the same way.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension.ts';
import { entryById } from '../support/dataset.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { openHtml, sendToTab } from './page-support.ts';
import type { AnnotationsReply } from '../../../src/shared/messages.ts';

const DEMO = '/seed-article.html';

async function openDemo(page: Page, server: { url: string }): Promise<void> {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);
}

const cardName = (page: Page) => page.locator('backstory-root .card .name');

test('a related entry opens in the same card, and Back returns', async ({ page, server, pageErrors }) => {
  const ryder = await entryById('pat-ryder');
  if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
  await openDemo(page, server);
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(cardName(page)).toHaveText(ryder.name);
  await expect(card.locator('[data-action="back"]')).toHaveCount(0);

  const ref = card.locator('button.ref').first();
  const relatedId = (await ref.getAttribute('data-ref'))!;
  const related = await entryById(relatedId);
  await ref.click();
  await expect(cardName(page)).toHaveText(related.type === 'claim' ? related.statement : related.name);
  await expect(card).toHaveAttribute('data-entry-id', relatedId);
  // Still one card, and it did not move away from the mention.
  await expect(page.locator('backstory-root .frame')).toHaveCount(1);

  await card.locator('[data-action="back"]').click();
  await expect(cardName(page)).toHaveText(ryder.name);
  await expect(card.locator('[data-action="back"]')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('the keyboard message opens cards that take focus, Enter follows a link, Escape gives focus back', async ({
  page,
  server,
  extensionContext,
  pageErrors,
}) => {
  await openDemo(page, server);
  // Where the reader's focus is before the shortcut.
  await page.evaluate(() => {
    const h1 = document.querySelector('h1')!;
    h1.tabIndex = -1;
    h1.focus();
  });
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  const first = await card.getAttribute('data-entry-id');
  const focusedInCard = () =>
    page.evaluate(() => {
      const root = document.querySelector('backstory-root')?.shadowRoot;
      const active = root?.activeElement;
      return active ? (active.classList.contains('card') ? 'card' : (active.getAttribute('data-action') ?? active.className)) : null;
    });
  await expect.poll(focusedInCard).toBe('card');

  // The next step: another entry's card, focused in turn.
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await expect(card).not.toHaveAttribute('data-entry-id', first!);
  await expect.poll(focusedInCard).toBe('card');
  // Back again.
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'previous' });
  await expect(card).toHaveAttribute('data-entry-id', first!);

  // Tab reaches the card's controls; Enter on a related entry opens it in the card.
  const ref = card.locator('button.ref').first();
  expect(await ref.count(), 'the first card on the demo page lists related entries').toBe(1);
  const relatedId = (await ref.getAttribute('data-ref'))!;
  await ref.focus();
  await page.keyboard.press('Enter');
  await expect(card).toHaveAttribute('data-entry-id', relatedId);
  await expect(card.locator('[data-action="back"]')).toBeVisible();
  await card.locator('[data-action="back"]').focus();
  await page.keyboard.press('Enter');
  await expect(card).toHaveAttribute('data-entry-id', first!);

  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expect(pageErrors).toEqual([]);
});

test('next and previous walk every mention of the entry and scroll to each', async ({ page, server, extensionContext, pageErrors }) => {
  await openDemo(page, server);
  const reply = (await sendToTab(extensionContext, page, { type: 'get-annotations' })) as AnnotationsReply;
  // The entry the page mentions most.
  const most = [...reply.annotations].sort((a, b) => b.count - a.count)[0]!;
  expect(most.count).toBeGreaterThanOrEqual(3);
  await page.evaluate(() => window.scrollTo(0, 0));
  await sendToTab(extensionContext, page, { type: 'reveal-annotation', id: most.id });
  const card = page.locator('backstory-root .card');
  await expect(card).toHaveAttribute('data-entry-id', most.id);
  await expect(card.locator('.mention-count')).toContainText(String(most.count));
  await expect(card.locator('.mention-position')).toHaveText(`1 of ${most.count}`);

  const scrolls = new Set<number>([await page.evaluate(() => Math.round(window.scrollY))]);
  for (let i = 2; i <= most.count + 1; i++) {
    await card.locator('[data-action="next-mention"]').click();
    const expected = ((i - 1) % most.count) + 1;
    await expect(card.locator('.mention-position')).toHaveText(`${expected} of ${most.count}`);
    // The card stays with its mention, which is on screen.
    await expect(page.locator('backstory-root .frame')).toHaveCSS('visibility', 'visible');
    scrolls.add(await page.evaluate(() => Math.round(window.scrollY)));
  }
  expect(scrolls.size).toBeGreaterThan(1);
  await card.locator('[data-action="previous-mention"]').click();
  await expect(card.locator('.mention-position')).toHaveText(`${most.count} of ${most.count}`);
  expect(pageErrors).toEqual([]);
});

test('the mention stepper brings each mention itself on screen, in a paragraph taller than the window too', async ({ page, server, extensionContext, pageErrors }) => {
  // The second and third mentions open and close a paragraph several windows tall:
  // centring the paragraph would leave both out of sight.
  const filler = 'The talks went on through the night, and little of what was said reached the public. '.repeat(140);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing</title>
    <style>body { font: 18px/1.6 sans-serif; margin: 0; } article { width: 640px; margin: 40px auto; }</style></head>
    <body><article><h1>Briefing</h1><p>The Pentagon spokesman Pat Ryder said little at first.</p>
    <p>Then Pat Ryder spoke again. ${filler} At dawn Pat Ryder confirmed it.</p></article></body></html>`;
  await openHtml(page, server, 'tall-paragraph', html);
  /** Is the nth "Pat Ryder" of the article inside the window? */
  const mentionOnScreen = (n: number) =>
    page.evaluate((n) => {
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        for (let at = text.data.indexOf('Pat Ryder'); at !== -1; at = text.data.indexOf('Pat Ryder', at + 1)) {
          if (++seen < n) continue;
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + 'Pat Ryder'.length);
          const rect = range.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= window.innerHeight;
        }
      }
      throw new Error(`no mention ${n}`);
    }, n);

  await sendToTab(extensionContext, page, { type: 'reveal-annotation', id: 'pat-ryder' });
  const card = page.locator('backstory-root .card');
  await expect(card.locator('.mention-position')).toHaveText('1 of 3');
  for (const n of [2, 3, 1]) {
    await card.locator('[data-action="next-mention"]').click();
    await expect(card.locator('.mention-position')).toHaveText(`${n} of 3`);
    expect(await mentionOnScreen(n), `mention ${n} on screen`).toBe(true);
    // The card stays with it.
    await expect(page.locator('backstory-root .frame')).toHaveCSS('visibility', 'visible');
  }
  expect(pageErrors).toEqual([]);
});

test('tabbing onto a link that holds a mention shows its card without taking focus', async ({ page, server, pageErrors }) => {
  await openDemo(page, server);
  // A control just before the "Pat Ryder" link, to tab from.
  await page.evaluate(() => {
    const link = [...document.querySelectorAll('article a')].find((a) => a.textContent === 'Pat Ryder')!;
    const before = document.createElement('button');
    before.id = 'before';
    before.textContent = 'before';
    link.before(before);
    before.focus();
  });
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pat Ryder');
  const card = page.locator('backstory-root .card');
  await expect(card).toHaveAttribute('data-entry-id', 'pat-ryder');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pat Ryder');
  // Tabbing on to something without a mention closes it.
  await page.keyboard.press('Shift+Tab');
  await expect(card).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a card the keyboard opened closes when the page removes the text it explains, and gives focus back', async ({ page, server, extensionContext, pageErrors }) => {
  await openDemo(page, server);
  await page.evaluate(() => {
    // Where the reader's focus is before the shortcut (outside the article, which loses a block).
    const origin = document.createElement('button');
    origin.id = 'origin';
    origin.textContent = 'Menu';
    document.body.prepend(origin);
    origin.focus();
  });
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  // The page takes out the block of the mention the keyboard reached (its focus highlight), then the reader scrolls.
  const removed = await page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('backstory-focus') ?? [])] as AbstractRange[];
    const block = range?.startContainer.parentElement?.closest('p, h1, h2, h3, li, blockquote, figcaption');
    block?.remove();
    return Boolean(block);
  });
  expect(removed).toBe(true);
  await page.mouse.wheel(0, 40);
  await expect(card).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('origin');
  expect(pageErrors).toEqual([]);
});

test('Tab past the last control of a keyboard-opened card, or Shift+Tab before its first, closes it and gives focus back', async ({ page, server, extensionContext, pageErrors }) => {
  await openDemo(page, server);
  const focusOrigin = () =>
    page.evaluate(() => {
      let origin = document.getElementById('origin');
      if (!origin) {
        origin = document.createElement('button');
        origin.id = 'origin';
        origin.textContent = 'Menu';
        document.body.prepend(origin);
      }
      origin.focus();
    });
  const card = page.locator('backstory-root .card');
  const activeInCard = () =>
    page.evaluate(() => {
      const active = document.querySelector('backstory-root')?.shadowRoot?.activeElement;
      return active ? (active.classList.contains('card') ? 'card' : (active.getAttribute('data-action') ?? active.className)) : null;
    });

  await focusOrigin();
  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await expect.poll(activeInCard).toBe('card');
  await page.keyboard.press('Shift+Tab');
  await expect(card).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('origin');

  await sendToTab(extensionContext, page, { type: 'step-annotation', direction: 'next' });
  await expect.poll(activeInCard).toBe('card');
  // Tab walks the card's controls, and the one after the last closes it.
  let steps = 0;
  while ((await card.count()) > 0 && steps < 60) {
    await page.keyboard.press('Tab');
    steps++;
  }
  await expect(card).toHaveCount(0);
  expect(steps).toBeGreaterThan(2);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('origin');
  expect(pageErrors).toEqual([]);
});
