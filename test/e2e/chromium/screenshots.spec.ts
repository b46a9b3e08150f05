/**
 * Screenshots for the README. Every test run takes them (and checks the card
 * is fully on screen); `npm run screenshots` also writes them to
 * docs/screenshots/ (UPDATE_SCREENSHOTS=1).
 */
import { resolve } from 'node:path';
import { expect, test } from '../support/extension.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { ROOT } from '../support/paths.ts';

const update = process.env.UPDATE_SCREENSHOTS === '1';
const target = (name: string) => resolve(ROOT, update ? 'docs/screenshots' : 'test-results/screenshots', name);

test('card open on the demo article', async ({ page, server }) => {
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${server.url}/seed-article.html`);
  await expect.poll(async () => (await highlightedTexts(page)).includes('Al Tanf Garrison')).toBe(true);
  const point = await pointOfText(page, 'Al Tanf Garrison');
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1100);
  expect(box.y + box.height).toBeLessThanOrEqual(760);
  await page.screenshot({ path: target('card.png') });
});
