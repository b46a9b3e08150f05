/**
 * How the card looks and where it goes: light or dark like the page, sized
 * by the reader's font-size setting (not the page's), lined up with the
 * start of right-to-left text, by the line pointed at on a mention that
 * wraps, always on screen, inside the fullscreen element in fullscreen; a tap
 * opens it on touch screens; the UI follows the browser's language, right to
 * left in Arabic.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from '../support/extension.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browsers.ts';
import { DIST_CHROME, FIXTURE_PAGES } from '../support/paths.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { openHtml } from './page-support.ts';

const seed = () => readFileSync(resolve(FIXTURE_PAGES, 'seed-article.html'), 'utf8');

/** The demo article with extra CSS. */
const styled = (css: string) => seed().replace('</head>', `<style>${css}</style></head>`);

async function hover(page: Page, text: string, selector = 'article') {
  const point = await pointOfText(page, text, selector);
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  return card;
}

const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
};

/** A browser of its own, for settings the shared one cannot have (touch, language, font size). */
async function ownBrowser(profile: string, options: { hasTouch?: boolean; env?: Record<string, string>; args?: string[] } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`, ...(options.args ?? [])],
    viewport: { width: 1100, height: 800 },
    hasTouch: options.hasTouch ?? false,
    env: { ...process.env, ...options.env } as Record<string, string>,
  });
}

function withProfile<T>(run: (profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-display-'));
  return run(profile).finally(() => rmSync(profile, { recursive: true, force: true }));
}

test('the card is light on a light page and dark on a dark one', async ({ page, server }) => {
  await openHtml(page, server, 'light', seed());
  let card = await hover(page, 'Pat Ryder');
  await expect(page.locator('backstory-root .frame')).toHaveAttribute('data-theme', 'light');
  expect(luminance(await card.evaluate((e) => getComputedStyle(e).backgroundColor))).toBeGreaterThan(0.8);

  await openHtml(page, server, 'dark', styled('body { background: #15171a; color: #ddd; }'));
  card = await hover(page, 'Pat Ryder');
  await expect(page.locator('backstory-root .frame')).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await card.evaluate((e) => getComputedStyle(e).backgroundColor))).toBeLessThan(0.2);
  expect(luminance(await card.locator('.summary').evaluate((e) => getComputedStyle(e).color))).toBeGreaterThan(0.7);
});

/** The theme of Pat Ryder's card on the demo article with extra CSS. */
async function cardThemeOn(page: Page, server: { url: string }, name: string, css: string): Promise<string | null> {
  await openHtml(page, server, name, styled(css));
  await hover(page, 'Pat Ryder');
  return page.locator('backstory-root .frame').getAttribute('data-theme');
}

test('the card reads backgrounds written in newer colour spaces (oklch, as Tailwind 4 writes them)', async ({ page, server }) => {
  // Computed styles give such colours as written; read as rgb numbers, a near-white one looked dark.
  expect(await cardThemeOn(page, server, 'oklch-light', 'body { background: oklch(0.985 0.002 247.8); }')).toBe('light');
  expect(await cardThemeOn(page, server, 'oklch-dark', 'body { background: oklch(0.21 0.03 265); color: #ddd; }')).toBe('dark');
});

test('on a page that paints no background, the card follows the reader’s colour scheme where the page does', async ({ page, server }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  // The page opts into dark: its canvas is dark, so is the card.
  expect(await cardThemeOn(page, server, 'scheme-dark', 'html { color-scheme: light dark; } body { background: none; }')).toBe('dark');
  // A page that does not opt in stays white in dark mode: the card stays light.
  expect(await cardThemeOn(page, server, 'scheme-none', 'body { background: none; }')).toBe('light');
  await page.emulateMedia({ colorScheme: null });
});

test('the card’s text follows the browser’s font size, not the page’s root size', async ({ page, server }) => {
  // The page shrinks its root font size, as many sites do; the card must not care.
  await openHtml(page, server, 'root-10px', styled('html { font-size: 62.5%; }'));
  await hover(page, 'Pat Ryder');
  const normal = parseFloat(await page.locator('backstory-root .frame').evaluate((e) => getComputedStyle(e).fontSize));
  expect(normal).toBeCloseTo(16 * 0.875, 1);

  // A reader who set a larger default font size in the browser.
  await withProfile(async (profile) => {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 24 } } }));
    const context = await ownBrowser(profile);
    try {
      const big = await context.newPage();
      await openHtml(big, server, 'root-10px', styled('html { font-size: 62.5%; }'));
      await hover(big, 'Pat Ryder');
      const size = parseFloat(await big.locator('backstory-root .frame').evaluate((e) => getComputedStyle(e).fontSize));
      expect(size).toBeCloseTo(24 * 0.875, 1);
    } finally {
      await context.close();
    }
  });
});

test('in right-to-left text the card lines up with the mention’s right edge', async ({ page, server }) => {
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>RTL</title>
    <style>body { font: 20px/1.6 sans-serif; margin: 0; } article { width: 700px; margin: 40px 80px 900px auto; }</style></head>
    <body><article><h1>خبر</h1><p>قال متحدث باسم Pentagon إن الهجوم على القاعدة لم يسفر عن إصابات، وفق ما نقلته وكالات الأنباء.</p></article></body></html>`;
  await openHtml(page, server, 'rtl', html, 'Pentagon');
  const mention = await page.evaluate(() => {
    let rect: DOMRect | null = null;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('backstory-')) h.forEach((r) => void (rect ??= (r as Range).getBoundingClientRect()));
    });
    return { left: rect!.left, right: rect!.right, top: rect!.top, bottom: rect!.bottom };
  });
  await page.mouse.move((mention.left + mention.right) / 2, (mention.top + mention.bottom) / 2);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  expect(Math.abs(box.x + box.width - mention.right)).toBeLessThanOrEqual(2);
  expect(box.x).toBeGreaterThanOrEqual(0);
});

test('on a mention that wraps, the card goes by the line pointed at', async ({ page, server }) => {
  // A narrow column: the group's name breaks over two lines.
  await openHtml(page, server, 'narrow', styled('article { width: 9.5em; } .layout { display: block; }'), 'Islamic Resistance in Iraq');
  const lines = await page.evaluate(() => {
    let rects: DOMRect[] = [];
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('backstory-')) return;
      h.forEach((r) => {
        if ((r as Range).toString() === 'Islamic Resistance in Iraq' && rects.length === 0) {
          (r as Range).startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
          rects = [...(r as Range).getClientRects()];
        }
      });
    });
    return rects.map((r) => ({ x: r.left + r.width / 2, top: r.top, bottom: r.bottom }));
  });
  expect(lines.length).toBeGreaterThan(1);
  const last = lines[lines.length - 1]!;
  await page.mouse.move(last.x, (last.top + last.bottom) / 2);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  // Just below (or above) the line under the pointer, not the first line.
  const gap = Math.min(Math.abs(box.y - last.bottom), Math.abs(box.y + box.height - last.top));
  expect(gap).toBeLessThanOrEqual(12);
});

test('near the edges of the window the card stays entirely on screen', async ({ page, server }) => {
  // The article pushed into the bottom right corner of the window.
  await openHtml(page, server, 'corner', styled('.layout { display: block; margin: 0; } article { position: fixed; right: 4px; bottom: 4px; width: 11em; max-height: 6em; overflow: hidden; }'));
  const card = await hover(page, 'Pat Ryder', 'article');
  const box = (await card.boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
});

test('in fullscreen the card moves into the fullscreen element, and back after', async ({ page, server, pageErrors }) => {
  await openHtml(page, server, 'fullscreen', seed());
  await page.evaluate(() => document.querySelector('article')!.requestFullscreen());
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('ARTICLE');
  await hover(page, 'Pat Ryder');
  expect(await page.evaluate(() => document.querySelector('backstory-root')!.parentElement!.tagName)).toBe('ARTICLE');
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => page.evaluate(() => document.querySelector('backstory-root')!.parentElement!.tagName)).toBe('HTML');
  expect(pageErrors).toEqual([]);
});

/** A modal dialog inside the demo article, styled and scripted as pages do. */
const DIALOG_PAGE = seed()
  .replace(
    '</head>',
    `<style>
      dialog { top: 50%; left: 50%; margin: 0; transform: translate(-50%, -50%); display: flex; flex-direction: column; gap: 24px; overflow: auto; }
      dialog > :last-child { margin-bottom: 0; }
      ::backdrop { background: rgb(0 0 0 / 0.6); }
    </style></head>`,
  )
  .replace(
    '</article>',
    `<dialog id="story"><p>Defense Secretary Lloyd Austin spoke of the strike.</p><button id="ok">OK</button></dialog>
    <script>
      // "Click outside closes", as many pages write it.
      const story = document.getElementById('story');
      story.addEventListener('click', (event) => {
        const box = story.getBoundingClientRect();
        if (event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom) story.close();
      });
    </script></article>`,
  );

test('for a mention inside a modal dialog, the card opens above the dialog and works there, without moving its layout', async ({ page, server, pageErrors }) => {
  await openHtml(page, server, 'modal-dialog', DIALOG_PAGE);
  const dialogBox = () => page.evaluate(() => JSON.stringify(document.getElementById('story')!.getBoundingClientRect()));
  const at = (x: number, y: number) => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id || document.elementFromPoint(x, y)?.tagName, { x, y });
  await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).showModal());
  await expect.poll(async () => (await highlightedTexts(page)).includes('Lloyd Austin')).toBe(true);
  const closed = await dialogBox();
  const d = JSON.parse(closed) as DOMRect;
  const corners = [[d.x + 4, d.y + 4], [d.x + d.width - 4, d.y + 4], [d.x + 4, d.y + d.height - 4], [d.x + d.width - 4, d.y + d.height - 4]] as const;
  const pixels = () => Promise.all(corners.map(([x, y]) => page.screenshot({ clip: { x, y, width: 1, height: 1 }, animations: 'disabled' })));
  const before = await pixels();
  const card = await hover(page, 'Lloyd Austin', 'dialog');
  // On top, whole (not clipped by the dialog nor bound by its transform), and the dialog's layout as it was.
  const box = (await card.boundingBox())!;
  expect(box.height).toBeGreaterThan(200);
  for (const [x, y] of [[box.x + box.width / 2, box.y + 12], [box.x + box.width / 2, box.y + box.height - 12]] as const) expect(await at(x, y)).toBe('BACKSTORY-ROOT');
  expect(await dialogBox()).toBe(closed);
  // No backdrop of ours (the page's ::backdrop rule would darken the screen): the rest of the dialog looks and answers as before.
  const after = await pixels();
  const uncovered = corners.flatMap(([x, y], i) => (x < box.x || x > box.x + box.width || y < box.y || y > box.y + box.height ? [i] : []));
  expect(uncovered.length).toBeGreaterThan(0);
  for (const i of uncovered) {
    expect(after[i]!.equals(before[i]!)).toBe(true);
    expect(await at(corners[i]![0], corners[i]![1])).toBe('story');
  }
  // A press on the card is the card's: the page's "click outside" does not close the dialog.
  await page.locator('backstory-root button.pin').click();
  await expect(page.locator('backstory-root .frame[data-pinned]')).toHaveCount(1);
  expect(await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).open)).toBe(true);
  // Escape closes the card first and leaves the dialog open; the host leaves the dialog.
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  expect(await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).open)).toBe(true);
  expect(await page.evaluate(() => document.querySelector('backstory-root')!.parentElement!.tagName)).toBe('HTML');
  // A pinned card goes with its dialog, and cards open again on the page.
  await hover(page, 'Lloyd Austin', 'dialog');
  await page.locator('backstory-root button.pin').click();
  await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).close());
  await expect(card).toBeHidden();
  await hover(page, 'Pat Ryder');
  expect(await page.evaluate(() => document.querySelector('backstory-root')!.parentElement!.tagName)).toBe('HTML');
  expect(pageErrors).toEqual([]);
});

test('a modal dialog opened in fullscreen gets its card above it, not in the fullscreen element beneath', async ({ page, server, pageErrors }) => {
  await openHtml(page, server, 'fullscreen-dialog', DIALOG_PAGE);
  await page.evaluate(() => document.querySelector('article')!.requestFullscreen());
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('ARTICLE');
  await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).showModal());
  await expect.poll(async () => (await highlightedTexts(page)).includes('Lloyd Austin')).toBe(true);
  const card = await hover(page, 'Lloyd Austin', 'dialog');
  const box = (await card.boundingBox())!;
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, { x: box.x + box.width / 2, y: box.y + box.height / 2 })).toBe('BACKSTORY-ROOT');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  // Back with the fullscreen element once the card has closed.
  expect(await page.evaluate(() => document.querySelector('backstory-root')!.parentElement!.tagName)).toBe('ARTICLE');
  expect(pageErrors).toEqual([]);
});

test('on a touch screen, a tap on a mention opens its card; the link waits for a second tap', async ({ server }) => {
  await withProfile(async (profile) => {
    const context = await ownBrowser(profile, { hasTouch: true });
    try {
      const page = await context.newPage();
      await openHtml(page, server, 'touch', seed());
      const point = await pointOfText(page, 'Pat Ryder');
      const before = page.url();
      await page.touchscreen.tap(point.x, point.y);
      const card = page.locator('backstory-root .card');
      await expect(card).toHaveAttribute('data-entry-id', 'pat-ryder');
      expect(page.url()).toBe(before);
      // A tap on the page's margin closes it.
      await page.touchscreen.tap(4, point.y);
      await expect(card).toHaveCount(0);
      // Open again, then the second tap follows the link.
      await page.touchscreen.tap(point.x, point.y);
      await expect(card).toBeVisible();
      await page.touchscreen.tap(point.x, point.y);
      await expect.poll(() => page.url()).toContain('/people/pat-ryder');
    } finally {
      await context.close();
    }
  });
});

// Chromium takes its UI language (and so the extension's) from the locales it has installed;
// Debian ships all but en-US in chromium-l10n. Where that is missing, the Arabic text and the
// right-to-left layout are still checked in test/unit/shared/ and test/unit/content/card-view.test.ts.
const arabicChromium = existsSync(resolve(CHROMIUM_PATH, '../../lib/chromium/locales/ar.pak'));

test('in an Arabic browser the popup and the card are in Arabic, right to left', async ({ server }) => {
  test.skip(!arabicChromium, 'Chromium has no Arabic locale here (Debian: apt-get install chromium-l10n)');
  await withProfile(async (profile) => {
    const context = await ownBrowser(profile, { env: { LANGUAGE: 'ar', LANG: 'ar_EG.UTF-8', LC_ALL: 'ar_EG.UTF-8' }, args: ['--lang=ar'] });
    try {
      const page = await context.newPage();
      await openHtml(page, server, 'arabic-ui', seed());
      const card = await hover(page, 'Pat Ryder');
      await expect(card).toHaveAttribute('dir', 'rtl');
      await expect(card.locator('.footer .disclaimer')).toHaveText(/[\u0600-\u06FF]/);
      // Dataset text stays as written, in its own direction.
      await expect(card.locator('.summary')).toHaveAttribute('dir', 'auto');

      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${new URL(worker.url()).host}/src/popup/popup.html`);
      await popup.waitForSelector('body[data-ready]');
      await expect(popup.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(popup.locator('html')).toHaveAttribute('lang', /^ar/);
      await expect(popup.locator('#on-this-page-title')).toHaveText(/[\u0600-\u06FF]/);
      // Right to left for real: the heading sits at the right.
      const heading = (await popup.locator('h1').boundingBox())!;
      const body = (await popup.locator('main').boundingBox())!;
      expect(heading.x + heading.width).toBeGreaterThan(body.x + body.width - 40);
    } finally {
      await context.close();
    }
  });
});

/**
 * Which way the arrow in a screenshot points: towards the side where the ink
 * of its middle rows lies (a chevron's tip), against the ink of its ends.
 */
function arrowDirection(page: Page, png: Buffer): Promise<'left' | 'right'> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
    const shade = (x: number, y: number) => data[(y * width + x) * 4]! + data[(y * width + x) * 4 + 1]! + data[(y * width + x) * 4 + 2]!;
    const background = shade(0, 0);
    const ink: Array<{ x: number; y: number }> = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (Math.abs(shade(x, y) - background) > 150) ink.push({ x, y });
    if (ink.length === 0) throw new Error('no arrow in the screenshot');
    const top = Math.min(...ink.map((p) => p.y));
    const bottom = Math.max(...ink.map((p) => p.y));
    const meanX = (points: Array<{ x: number }>) => points.reduce((sum, p) => sum + p.x, 0) / points.length;
    const middle = ink.filter((p) => Math.abs(p.y - (top + bottom) / 2) <= (bottom - top) / 8);
    const ends = ink.filter((p) => Math.abs(p.y - (top + bottom) / 2) >= (bottom - top) / 4);
    return meanX(middle) < meanX(ends) ? 'left' : 'right';
  }, png.toString('base64'));
}

test('in an Arabic browser the mention stepper’s arrows point the way the text reads (mirrored once, not twice)', async ({ server }) => {
  test.skip(!arabicChromium, 'Chromium has no Arabic locale here (Debian: apt-get install chromium-l10n)');
  await withProfile(async (profile) => {
    const context = await ownBrowser(profile, { env: { LANGUAGE: 'ar', LANG: 'ar_EG.UTF-8', LC_ALL: 'ar_EG.UTF-8' }, args: ['--lang=ar'] });
    try {
      const page = await context.newPage();
      // Two mentions: the card shows its stepper.
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing</title></head>
        <body><article><h1>Briefing</h1><p>The Pentagon spokesman Pat Ryder spoke first.</p><p>Later Pat Ryder spoke again.</p></article></body></html>`;
      await openHtml(page, server, 'arabic-stepper', html);
      const card = await hover(page, 'Pat Ryder');
      await expect(card).toHaveAttribute('dir', 'rtl');
      // Right to left, "next" goes left and "previous" right (the card's fade-in finished first).
      const arrow = async (action: string) => arrowDirection(page, await card.locator(`[data-action="${action}"]`).screenshot({ animations: 'disabled' }));
      expect(await arrow('next-mention')).toBe('left');
      expect(await arrow('previous-mention')).toBe('right');
    } finally {
      await context.close();
    }
  });
});

test('on a tall window the card keeps its own height cap (32em) and scrolls inside', async ({ page, server }) => {
  await page.setViewportSize({ width: 1100, height: 1400 });
  await openHtml(page, server, 'tall-window', seed(), 'Islamic Resistance in Iraq');
  const card = await hover(page, 'Islamic Resistance in Iraq');
  const { height, cap, scrolls } = await card.evaluate((e) => ({
    height: e.getBoundingClientRect().height,
    cap: 32 * parseFloat(getComputedStyle(e).fontSize),
    scrolls: e.scrollHeight > e.clientHeight,
  }));
  expect(scrolls, 'the card for this entry is longer than its cap').toBe(true);
  expect(height).toBeLessThanOrEqual(cap + 1);
});
