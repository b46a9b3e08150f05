/**
 * The reader's core cases in Firefox: the card on hover with the entry's
 * content, travelling onto it, Escape, related entries and Back, a pinned
 * card through scrolling, a mention inside a modal dialog, the keyboard
 * message taking focus, the popup's
 * settings reaching the open page, and "run on all sites" registering the
 * content script for a site outside the list (and unregistering it).
 *
 * Firefox gets two preferences here: optional permissions granted without a
 * prompt (a test cannot click the browser's own dialog) and a host name
 * outside the curated list that resolves to the local server.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchFirefox, waitFor, type FirefoxWithExtension } from '../support/firefox.ts';
import { FIXTURE_PAGES } from '../support/paths.ts';
import { entryById } from '../support/dataset.ts';
import { PAST_CARD_DELAYS_MS } from '../support/card-timing.ts';
import { startStaticServer, type StaticServer } from '../../../tools/static-server.ts';
import type ExtensionApi from 'webextension-polyfill';

/** The extension API in extension pages, where some evaluate() callbacks run. */
declare const browser: ExtensionApi.Browser;

const OUTSIDE_HOST = 'not-a-news-site.test';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let port: string;
const errors: string[] = [];

beforeAll(async () => {
  server = await startStaticServer({ '/': FIXTURE_PAGES });
  port = new URL(server.url).port;
  firefox = await launchFirefox({
    'extensions.webextOptionalPermissionPrompts': false,
    'network.dns.localDomains': OUTSIDE_HOST,
  });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (/^backstory-[a-z]+-[a-z]+$/.test(name)) highlight.forEach((range) => texts.push((range as Range).toString()));
    });
    return texts;
  });
}

async function newPage(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  collectErrors(page, errors);
  await page.goto(url);
  return page;
}

/** An extension page; puppeteer's goto never resolves for moz-extension:// URLs, so wait for the page itself. */
async function extensionPage(path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  void page.goto(`${firefox.origin}/${path}`).catch(() => undefined);
  // Poll rather than waitForSelector: while about:blank gives way to the
  // extension page, the old realm can vanish under a pending evaluation.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await page
      .evaluate(() => location.href.startsWith('moz-extension:') && document.body?.dataset.ready !== undefined)
      .catch(() => false);
    if (ready) return page;
    if (Date.now() > deadline) throw new Error(`${path} did not become ready`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function pointAt(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf(text);
      if (index === -1) continue;
      node.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + text.length);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`no ${text}`);
  }, text);
}

const card = (page: Page) => page.$('backstory-root >>> .card');
const cardCount = (page: Page) => page.evaluate(() => document.querySelector('backstory-root')?.shadowRoot?.querySelectorAll('.card').length ?? 0);
const pause = (page: Page, ms: number) => page.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), ms);

async function openCard(page: Page, text: string): Promise<ElementHandle> {
  const point = await pointAt(page, text);
  // Away first, for a frame (moves within one frame count as one), then onto the mention.
  await page.mouse.move(3, 3);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.mouse.move(point.x, point.y, { steps: 3 });
  // Polling: a card added inside an existing shadow root is no mutation of the document,
  // which is all waitForSelector watches.
  await page.waitForFunction(() => document.querySelector('backstory-root')?.shadowRoot?.querySelector('.card'), { polling: 100, timeout: 10_000 });
  return (await card(page))!;
}

describe('Firefox: the card', () => {
  let page: Page;

  beforeAll(async () => {
    page = await newPage(`${server.url}/seed-article.html`);
    await waitFor(() => highlightedTexts(page), (t) => t.includes('Pat Ryder'), 'highlights');
  });

  afterAll(() => page?.close());

  it('opens on hover with the entry’s content, and Escape closes it', async () => {
    const ryder = await entryById('pat-ryder');
    if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
    const element = await openCard(page, 'Pat Ryder');
    expect(await element.$eval('.name', (e) => e.textContent)).toBe(ryder.name);
    expect(await element.$eval('.summary', (e) => e.textContent)).toBe(ryder.summary);
    expect(await element.evaluate((e) => e.getAttribute('role'))).toBe('dialog');
    const links = await element.$$eval('.source a', (as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
    expect(links[0]).toEqual([ryder.sources[0]!.url, '_blank', 'noopener noreferrer']);
    expect(await element.$eval('.footer .disclaimer', (e) => e.textContent)).toMatch(/says nothing about whether something is true/);
    // The page keeps its focus.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Escape');
    await waitFor(() => cardCount(page), (n) => n === 0, 'the card to close');
    expect(errors).toEqual([]);
  });

  it('stays while the pointer travels onto it, and closes once it leaves both', async () => {
    const element = await openCard(page, 'Pat Ryder');
    const box = (await element.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 8 });
    await pause(page, PAST_CARD_DELAYS_MS);
    expect(await cardCount(page)).toBe(1);
    await page.mouse.move(3, 3, { steps: 4 });
    await waitFor(() => cardCount(page), (n) => n === 0, 'the card to close after the grace period');
  });

  it('opens a related entry in the same card, and Back returns', async () => {
    const ryder = await entryById('pat-ryder');
    if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
    const element = await openCard(page, 'Pat Ryder');
    const box = (await element.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 6 });
    const relatedId = await element.$eval('button.ref', (b) => (b as HTMLElement).dataset.ref!);
    const related = await entryById(relatedId);
    await (await element.$('button.ref'))!.click();
    const name = await waitFor(
      async () => (await card(page))?.$eval('.name', (e) => e.textContent),
      (n) => n !== ryder.name,
      'the related entry',
    );
    expect(name).toBe(related.type === 'claim' ? related.statement : related.name);
    await (await (await card(page))!.$('[data-action="back"]'))!.click();
    await waitFor(async () => (await card(page))?.$eval('.name', (e) => e.textContent), (n) => n === ryder.name, 'Back');
    await page.keyboard.press('Escape');
  });

  it('once pinned, survives scrolling', async () => {
    const element = await openCard(page, 'Pat Ryder');
    const box = (await element.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 6 });
    await (await element.$('[data-action="pin"]'))!.click();
    const pinned = (await (await card(page))!.boundingBox())!;
    await page.mouse.move(3, 3, { steps: 3 });
    await page.evaluate(() => window.scrollBy(0, 700));
    await pause(page, PAST_CARD_DELAYS_MS);
    expect(await cardCount(page)).toBe(1);
    expect(await (await card(page))!.boundingBox()).toEqual(pinned);
    await page.keyboard.press('Escape');
    await waitFor(() => cardCount(page), (n) => n === 0, 'Escape to close the pinned card');
  });

  it('for a mention inside a modal dialog, opens above the dialog and works there', async () => {
    await page.evaluate(() => {
      const dialog = document.createElement('dialog');
      dialog.id = 'story';
      dialog.style.cssText = 'top: 50%; left: 50%; margin: 0; transform: translate(-50%, -50%); overflow: auto';
      const text = document.createElement('p');
      text.textContent = 'Defense Secretary Lloyd Austin spoke of the strike.';
      dialog.append(text);
      // "Click outside closes", as many pages write it.
      dialog.addEventListener('click', (event) => {
        const box = dialog.getBoundingClientRect();
        if (event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom) dialog.close();
      });
      document.querySelector('article')!.append(dialog);
      dialog.showModal();
    });
    await waitFor(() => highlightedTexts(page), (t) => t.includes('Lloyd Austin'), 'the dialog read');
    const element = await openCard(page, 'Lloyd Austin');
    const box = (await element.boundingBox())!;
    expect(box.height).toBeGreaterThan(200);
    const at = (x: number, y: number) => page.evaluate((x, y) => document.elementFromPoint(x, y)?.tagName, x, y);
    expect(await at(box.x + box.width / 2, box.y + 12)).toBe('BACKSTORY-ROOT');
    expect(await at(box.x + box.width / 2, box.y + box.height - 12)).toBe('BACKSTORY-ROOT');
    await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 6 });
    await (await element.$('[data-action="pin"]'))!.click();
    expect(await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await waitFor(() => cardCount(page), (n) => n === 0, 'Escape to close the card');
    expect(await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).open)).toBe(true);
    await page.evaluate(() => {
      const dialog = document.getElementById('story') as HTMLDialogElement;
      dialog.close();
      dialog.remove();
    });
    expect(await page.evaluate(() => document.querySelector('backstory-root')?.parentElement?.tagName)).toBe('HTML');
    expect(errors).toEqual([]);
  });

  it('opens from the keyboard message and takes focus', async () => {
    const popup = await extensionPage('src/popup/popup.html');
    await popup.evaluate(async (url) => {
      const tab = (await browser.tabs.query({})).find((t) => t.url === url);
      await browser.tabs.sendMessage(tab!.id!, { type: 'step-annotation', direction: 'next' });
    }, page.url());
    await popup.close();
    await waitFor(
      () => page.evaluate(() => document.querySelector('backstory-root')?.shadowRoot?.activeElement?.classList.contains('card') ?? false),
      (focused) => focused,
      'the card to take focus',
    );
    await page.keyboard.press('Escape');
    await waitFor(() => cardCount(page), (n) => n === 0, 'Escape');
    expect(errors).toEqual([]);
  });
});

describe('Firefox: the popup and permissions', () => {
  it('a category switched off in the popup leaves the open page at once', async () => {
    const page = await newPage(`${server.url}/seed-article.html`);
    await waitFor(() => highlightedTexts(page), (t) => t.includes('Pat Ryder'), 'highlights');
    const people = () =>
      page.evaluate(() => {
        let n = 0;
        CSS.highlights.forEach((h, name) => void (name.startsWith('backstory-people-') && (n += h.size)));
        return n;
      });
    expect(await people()).toBeGreaterThan(0);
    const popup = await extensionPage('src/popup/popup.html');
    await popup.click('input[name="category"][value="people"]');
    await waitFor(people, (n) => n === 0, 'people highlights to go');
    await popup.click('input[name="category"][value="people"]');
    await waitFor(people, (n) => n > 0, 'people highlights to come back');
    await popup.close();
    await page.close();
  });

  it('"run on all sites" registers the content script for any site, and revoking it unregisters it', async () => {
    const url = `http://${OUTSIDE_HOST}:${port}/seed-article.html`;
    let page = await newPage(url);
    // Outside the curated list: nothing runs.
    expect(await page.evaluate(() => document.querySelector('backstory-root') === null && CSS.highlights.size === 0)).toBe(true);
    await page.close();

    const popup = await extensionPage('src/popup/popup.html');
    await popup.click('#all-sites');
    await waitFor(() => popup.$eval('#all-sites', (e) => (e as HTMLInputElement).checked), (c) => c, 'the permission');
    const registered = () => popup.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
    await waitFor(registered, (ids) => ids.includes('backstory-all-sites'), 'the registration');

    page = await newPage(url);
    await waitFor(() => highlightedTexts(page), (t) => t.includes('Pat Ryder'), 'highlights on a site outside the list');
    await page.close();

    await popup.click('#all-sites');
    await waitFor(registered, (ids) => !ids.includes('backstory-all-sites'), 'the registration to go');
    page = await newPage(url);
    await pause(page, 1500);
    expect(await highlightedTexts(page)).toEqual([]);
    await page.close();
    await popup.close();
    expect(errors).toEqual([]);
  });
});
