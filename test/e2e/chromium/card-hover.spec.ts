/**
 * The card under the pointer, in Chromium with the built extension: it opens
 * after the intent delay with the entry's content, stays while the pointer
 * travels onto it, closes on Escape without the page seeing the key, never
 * takes focus, and opens nothing for a pointer that only races across.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension.ts';
import { entryById } from '../support/dataset.ts';
import { highlightedTexts, pointOfText } from '../support/page-probes.ts';
import { waitPastCardDelays } from '../support/card-timing.ts';
import { ROOT } from '../support/paths.ts';
import type { DatasetHeader } from '../../../src/dataset/types.ts';

const DEMO = '/seed-article.html';
const header = JSON.parse(readFileSync(resolve(ROOT, process.env.BACKSTORY_DATA ?? 'data', 'dataset.json'), 'utf8')) as DatasetHeader;

async function openDemo(page: Page, server: { url: string }, text = 'Pat Ryder'): Promise<void> {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).includes(text)).toBe(true);
}

test('hover opens the card after the intent delay, with the entry’s content', async ({ page, server, pageErrors }) => {
  const ryder = await entryById('pat-ryder');
  if (ryder.type !== 'entity') throw new Error('pat-ryder should be an entity');
  await openDemo(page, server);
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y - 60);
  // When the pointer arrived and when the card first existed, by the page's clock.
  await page.evaluate(() => {
    const w = window as unknown as { arrived: number; shown: number };
    w.arrived = 0;
    w.shown = 0;
    document.addEventListener('pointermove', (e) => (w.arrived = e.timeStamp));
    const look = () => {
      if (document.querySelector('backstory-root')?.shadowRoot?.querySelector('.card')) w.shown = performance.now();
      else requestAnimationFrame(look);
    };
    look();
  });
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  const { arrived, shown } = await page.evaluate(() => {
    const w = window as unknown as { arrived: number; shown: number };
    return { arrived: w.arrived, shown: w.shown };
  });
  expect(arrived).toBeGreaterThan(0);
  // The range is 150–500 ms: never sooner than the lower bound.
  expect(shown - arrived).toBeGreaterThanOrEqual(150);

  await expect(card).toHaveAttribute('role', 'dialog');
  await expect(card).toHaveAttribute('aria-label', new RegExp(ryder.name));
  await expect(card.locator('.name')).toHaveText(ryder.name);
  await expect(card.locator('.kind')).not.toBeEmpty();
  await expect(card.locator('.summary').first()).toHaveText(ryder.summary);
  const facts = card.locator('.facts dd');
  await expect(facts).toHaveCount(ryder.facts?.length ?? 0);
  for (const [i, fact] of (ryder.facts ?? []).entries()) {
    await expect(facts.nth(i)).toContainText(fact.value);
    await expect(facts.nth(i).locator('time')).toHaveAttribute('datetime', fact.asOf);
  }
  const sources = card.locator('.sources').last().locator('.source');
  await expect(sources).toHaveCount(ryder.sources.length);
  for (const [i, source] of ryder.sources.entries()) {
    const link = sources.nth(i).locator('a');
    await expect(link).toHaveText(source.title);
    await expect(link).toHaveAttribute('href', source.url);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(sources.nth(i)).toContainText(source.publisher);
    if (source.date) await expect(sources.nth(i)).toContainText(source.date);
  }
  // Related entries, grouped by relation: one group per relation type, each a button.
  const types = new Set((ryder.related ?? []).map((r) => r.type));
  await expect(card.locator('.related dt')).toHaveCount(types.size);
  await expect(card.locator('button.ref')).toHaveCount((ryder.related ?? []).length);
  // "Ryder" later in the article is the same person: two mentions.
  await expect(card.locator('.mention-count')).toContainText('2');
  await expect(card.locator('.footer .dataset')).toHaveText(`${header.name} ${header.version}, ${header.date}`);
  await expect(card.locator('.footer .disclaimer')).toContainText('says nothing about whether something is true');

  // Hovering never moves focus to the card.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('a claim’s card: statement, assessment with its meaning, context, perspectives with sources', async ({ page, server, pageErrors }) => {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(10);
  // A point inside a claim highlight that no name inside the claim covers.
  const point = await page.evaluate(() => {
    const claims: Range[] = [];
    const names: Range[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('backstory-')) return;
      highlight.forEach((r) => (name.includes('-claims-') ? claims : names).push(r as Range));
    });
    for (const claim of claims) {
      const node = claim.startContainer;
      if (node !== claim.endContainer || node.nodeType !== Node.TEXT_NODE) continue;
      for (let i = claim.startOffset; i < claim.endOffset - 1; i++) {
        if (!/\w/.test((node as Text).data[i]!)) continue;
        if (names.some((r) => r.isPointInRange(node, i) || r.isPointInRange(node, i + 1))) continue;
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center', behavior: 'instant' });
        const char = document.createRange();
        char.setStart(node, i);
        char.setEnd(node, i + 1);
        const rect = char.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error('no claim highlight with a free character on the demo page');
  });
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-type', 'claim');
  const claim = await entryById((await card.getAttribute('data-entry-id'))!);
  if (claim.type !== 'claim') throw new Error('expected a claim');
  await expect(card.locator('.name')).toHaveText(claim.statement);
  await expect(card.locator('.assessment .label')).not.toBeEmpty();
  await expect(card.locator('.assessment .meaning')).not.toBeEmpty();
  await expect(card.locator('.context .summary')).toHaveText(claim.context);
  const perspectives = card.locator('.perspective');
  await expect(perspectives).toHaveCount(claim.perspectives.length);
  for (const [i, perspective] of claim.perspectives.entries()) {
    await expect(perspectives.nth(i).locator('.holder')).toHaveText(perspective.holder);
    await expect(perspectives.nth(i).locator('.view')).toHaveText(perspective.view);
    await expect(perspectives.nth(i).locator('a')).toHaveCount(perspective.sources.length);
  }
  expect(pageErrors).toEqual([]);
});

test('the pointer can travel onto the card and it stays; leaving both closes it', async ({ page, server, pageErrors }) => {
  await openDemo(page, server);
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  // Off the mention, across the gap, onto the card: several moves, as a hand does it.
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(60, box.height / 2), { steps: 8 });
  await waitPastCardDelays(page);
  await expect(card).toBeVisible();
  // It also stays while the pointer wanders inside it.
  await page.mouse.move(box.x + 20, box.y + box.height - 20, { steps: 4 });
  await waitPastCardDelays(page);
  await expect(card).toBeVisible();

  // Away from both: gone after the grace period.
  await page.mouse.move(5, 5, { steps: 4 });
  await expect(card).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('Escape closes the card, and the page never sees that Escape', async ({ page, server, pageErrors }) => {
  await openDemo(page, server);
  await page.evaluate(() => {
    const w = window as unknown as { escapes: number };
    w.escapes = 0;
    document.addEventListener('keydown', (e) => e.key === 'Escape' && w.escapes++);
  });
  const point = await pointOfText(page, 'Pat Ryder');
  await page.mouse.move(point.x, point.y);
  const card = page.locator('backstory-root .card');
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { escapes: number }).escapes)).toBe(0);
  // With no card open, Escape is the page's again.
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (window as unknown as { escapes: number }).escapes)).toBe(1);
  // Dismissed stays dismissed while the pointer rests on the same mention (WCAG 1.4.13).
  await page.mouse.move(point.x + 1, point.y);
  await waitPastCardDelays(page);
  await expect(card).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a pointer racing back and forth across a mention opens no card; resting on it does', async ({ page, server, pageErrors }) => {
  await page.goto(server.url + DEMO);
  await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(10);
  // The widest one-line piece of any name on the page: sweeps of ±60 px stay on it.
  const point = await page.evaluate(() => {
    let best: { range: Range; width: number } | null = null;
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('backstory-') || name.includes('-claims-')) return;
      highlight.forEach((r) => {
        for (const rect of (r as Range).getClientRects()) if (!best || rect.width > best.width) best = { range: r as Range, width: rect.width };
      });
    });
    const range = (best as { range: Range } | null)?.range;
    if (!range) throw new Error('no highlight');
    range.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = [...range.getClientRects()].sort((a, b) => b.width - a.width)[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, width: rect.width };
  });
  expect(point.width).toBeGreaterThan(130);
  await page.mouse.move(point.x, point.y - 80);
  // Every pointer move, and whether a card ever existed, by the page's clock.
  await page.evaluate(() => {
    const w = window as unknown as { moves: number[]; everShown: boolean };
    w.moves = [];
    w.everShown = false;
    document.addEventListener('pointermove', (e) => w.moves.push(e.timeStamp));
    const look = () => {
      if (document.querySelector('backstory-root')?.shadowRoot?.querySelector('.card')) w.everShown = true;
      requestAnimationFrame(look);
    };
    look();
  });
  // Well over the intent delay of fast sweeps, every move landing on the mention...
  for (let i = 0; i < 14; i++) {
    await page.mouse.move(point.x - 60, point.y, { steps: 3 });
    await page.mouse.move(point.x + 60, point.y, { steps: 3 });
  }
  // ...then off it, and a wait longer than the intent delay.
  await page.mouse.move(point.x + 60, point.y - 80);
  await waitPastCardDelays(page);
  const { moves, everShown } = await page.evaluate(() => {
    const w = window as unknown as { moves: number[]; everShown: boolean };
    return { moves: w.moves, everShown: w.everShown };
  });
  const onMention = moves.slice(1, -1);
  // The sweep outlasted the intent delay, so only the speed rule can have held the card back.
  expect(onMention[onMention.length - 1]! - onMention[0]!).toBeGreaterThan(300);
  expect(everShown).toBe(false);

  // The pointer comes to rest on the mention: now the card comes.
  await page.mouse.move(point.x, point.y, { steps: 2 });
  await expect(page.locator('backstory-root .card')).toBeVisible();
  expect(pageErrors).toEqual([]);
});
