/**
 * The walking skeleton in Firefox: the demo page gets its highlights and a
 * hover opens the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox.ts';
import { FIXTURE_PAGES } from '../support/paths.ts';
import { entryById } from '../support/dataset.ts';
import { startStaticServer, type StaticServer } from '../../../tools/static-server.ts';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startStaticServer({ '/': FIXTURE_PAGES });
  firefox = await launchFirefox();
  page = await firefox.browser.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
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

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('Firefox', () => {
  it('highlights the demo article', async () => {
    await page.goto(`${server.url}/seed-article.html`);
    const texts = await waitFor(highlightedTexts, (t) => t.length > 10, 'highlights');
    for (const name of ['Pentagon', 'Pat Ryder', 'Islamic Resistance in Iraq', 'Qasem Soleimani']) {
      expect(texts).toContain(name);
    }
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
