/**
 * The walking skeleton, end to end in Chromium: the demo page gets its
 * highlights, a hover opens the right card, Escape closes it, and the popup
 * turns Backstory off and on in open tabs without a reload.
 */
import { expect, test } from '../support/extension.ts';
import { entryById } from '../support/dataset.ts';
import { highlightedTexts, pageSnapshot, pointOfText } from '../support/page-probes.ts';

const DEMO = '/seed-article.html';

test('the demo page gets highlights in the article only', async ({ page, server, pageErrors }) => {
  await page.goto(server.url + DEMO);
  // Highlights arrive batch by batch: wait for the names, not for a count
  // (a count can be reached before the paragraphs that hold them).
  const names = ['Pentagon', 'Pat Ryder', 'Islamic Resistance in Iraq', 'Al Tanf Garrison', 'Qasem Soleimani'];
  await expect
    .poll(async () => {
      const highlighted = await highlightedTexts(page);
      return names.filter((name) => !highlighted.includes(name));
    })
    .toEqual([]);
  const texts = await highlightedTexts(page);
  expect(texts.length).toBeGreaterThan(10);
  // The sidebar, the comment box and the footer are not the article.
  const outside = await page.evaluate(() => {
    const hits: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('backstory-')) return;
      highlight.forEach((range) => {
        const element = (range as Range).startContainer.parentElement;
        if (!element?.closest('article')) hits.push((range as Range).toString());
      });
    });
    return hits;
  });
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('hovering a highlight shows its card; Escape closes it', async ({ page, server, pageErrors }) => {
  const ryder = await entryById('pat-ryder');
  if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Pat Ryder')).toBe(true);

  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  await expect(card.locator('.name')).toHaveText(ryder.name);
  await expect(card.locator('.summary').first()).toHaveText(ryder.summary);
  const firstSource = ryder.sources[0]!;
  const link = card.locator(`a[href="${firstSource.url}"]`);
  await expect(link).toHaveText(firstSource.title);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(card).toHaveAttribute('role', 'dialog');

  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('the popup turns Backstory off and on in open tabs, without a reload', async ({ page, server, openPopup, pageErrors }) => {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(10);
  const before = await pageSnapshot(page);
  const countOn = (await highlightedTexts(page)).length;
  // A marker that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

  const popup = await openPopup();
  const toggle = popup.locator('#enabled');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();

  await expect.poll(async () => (await highlightedTexts(page)).length).toBe(0);
  const off = await pageSnapshot(page);
  expect(off.text).toBe(before.text);
  expect(off.html).toBe(before.html);

  await toggle.check();
  await expect.poll(async () => (await highlightedTexts(page)).length).toBe(countOn);
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  expect(pageErrors).toEqual([]);
});
