/**
 * The walking skeleton in Firefox: the demo page gets its highlights and a
 * hover opens the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { collectErrors, launchFirefox, waitFor, type FirefoxWithExtension } from '../support/firefox.ts';
import { FIXTURE_PAGES } from '../support/paths.ts';
import { entryById } from '../support/dataset.ts';
import { startStaticServer, type StaticServer } from '../../../tools/static-server.ts';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startStaticServer({ '/': FIXTURE_PAGES });
  firefox = await launchFirefox();
  page = await firefox.browser.newPage();
  errors = collectErrors(page);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

function highlightedTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('backstory-')) highlight.forEach((range) => texts.push((range as Range).toString()));
    });
    return texts;
  });
}

describe('Firefox', () => {
  it('highlights the demo article', async () => {
    await page.goto(`${server.url}/seed-article.html`);
    // Highlights arrive batch by batch: wait for the names, not for a count
    // (a count can be reached before the paragraphs that hold them).
    const names = ['Pentagon', 'Pat Ryder', 'Islamic Resistance in Iraq', 'Qasem Soleimani'];
    const texts = await waitFor(highlightedTexts, (t) => names.every((name) => t.includes(name)), `highlights of ${names.join(', ')}`);
    expect(texts.length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it('shows the card on hover', async () => {
    const ryder = await entryById('pat-ryder');
    if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
    const point = await page.evaluate(() => {
      const link = [...document.querySelectorAll('article a')].find((a) => a.textContent === 'Pat Ryder')!;
      link.scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = link.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x - 20, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const card = await page.waitForSelector('backstory-root >>> .card', { timeout: 10_000 });
    const name = await card!.$eval('.name', (e) => e.textContent);
    expect(name).toBe(ryder.name);
    const hrefs = await card!.$$eval('a', (links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(ryder.sources[0]!.url);
    expect(errors).toEqual([]);
  });
});
