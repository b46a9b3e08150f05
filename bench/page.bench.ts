/**
 * Page-layer benchmark: `npm run bench:page` (tsx bench/page.bench.ts).
 *
 * Loads every saved page of the shared corpus from a local server in the
 * system Chromium with the built extension (dist/chrome; build it first),
 * and measures on each, in the same run:
 * - floor: a plain TreeWalker over the body's text nodes, concatenating
 *   their text, timed in the page (the least any reader of the page pays);
 * - first: time from the content script's start to its first highlight;
 * - total: time from its start until its work queue first drained (wall
 *   time, idle gaps between slices included);
 * - tasks, from a Chrome trace: the task that injected the content script
 *   (parsing and running it), the longest main-thread task after it until
 *   Backstory settled (whoever ran it), and the longest of Backstory's own
 *   slices (its scheduler's count).
 *
 * Pages are served as the end-to-end tests serve them: page scripts off
 * (`script-src 'none'`) and no request leaves the machine, so the page's own
 * work does not blur the figures. Prints a table and a summary; writes
 * reports/bench-page.json.
 *
 * Options (environment): BENCH_CORPUS=dir, BENCH_PAGES=name,name (a subset),
 * BENCH_RUNS=n (repeats per page; the median is reported, default 1).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { launchWithExtension } from '../test/e2e/support/extension.ts';
import { startStaticServer } from '../tools/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = process.env.BENCH_CORPUS ?? resolve(ROOT, '../shared/corpus/readability');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const ONLY = process.env.BENCH_PAGES?.split(',').filter(Boolean);

interface Sample {
  floorMs: number;
  firstMs: number | null;
  totalMs: number;
  /** The task that parsed and ran the content script. */
  injectionMs: number;
  /** The longest other task until Backstory settled. */
  longestTaskMs: number;
  longestSliceMs: number;
  shown: number;
}

interface Row extends Sample {
  page: string;
  kb: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (ms: number | null): string => (ms === null ? '—' : ms.toFixed(1));

async function trace<T>(cdp: CDPSession, during: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  // The protocol's types give every event field as a string; the events carry numbers (ts, dur, pid).
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  const result = await during();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  return { result, events };
}

/**
 * Main-thread tasks while Backstory worked, from its start mark to its first
 * "settled" mark: the task that injected the content script (the start mark
 * lies inside it: parsing and running the script), and the longest of the
 * others (whoever ran them).
 */
function tasks(events: TraceEvent[]): { injectionMs: number; longestMs: number } {
  const start = events.find((e) => e.name === 'backstory:start');
  const settled = events.find((e) => e.name === 'backstory:settled');
  if (!start || !settled) return { injectionMs: NaN, longestMs: NaN };
  let injectionMs = NaN;
  let longestMs = 0;
  for (const e of events) {
    // Tasks of the renderer main thread that recorded the marks.
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.tid !== start.tid || e.pid !== start.pid || e.dur === undefined) continue;
    const end = e.ts + e.dur;
    if (e.ts <= start.ts && start.ts <= end) injectionMs = e.dur / 1000;
    else if (e.ts > start.ts && e.ts <= settled.ts) longestMs = Math.max(longestMs, e.dur / 1000);
  }
  return { injectionMs, longestMs };
}

async function measure(context: BrowserContext, url: string): Promise<Sample> {
  const page: Page = await context.newPage();
  try {
    await page.route(
      (u) => u.hostname !== 'localhost' && u.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    await page.route('**/corpus/**', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
    });
    const cdp = await context.newCDPSession(page);
    const { events } = await trace(cdp, async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => performance.getEntriesByName('backstory:settled').length > 0, null, { timeout: 60_000 });
    });
    // (No named functions inside evaluate(): tsx would wrap them in a helper the page does not have.)
    const marks = await page.evaluate(() => {
      const settled = performance.getEntriesByName('backstory:settled')[0] as PerformanceMark;
      return {
        start: performance.getEntriesByName('backstory:start')[0]!.startTime,
        first: performance.getEntriesByName('backstory:first-highlight')[0]?.startTime ?? null,
        settled: settled.startTime,
        detail: settled.detail as { shown: number; longestSliceMs: number },
      };
    });
    const floorMs = await page.evaluate(() => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) text += (node as Text).data;
        best = Math.min(best, performance.now() - t0);
        if (text.length < 0) throw new Error('unreachable');
      }
      return best;
    });
    const { injectionMs, longestMs } = tasks(events);
    return {
      floorMs,
      firstMs: marks.first === null ? null : marks.first - marks.start,
      totalMs: marks.settled - marks.start,
      injectionMs,
      longestTaskMs: longestMs,
      longestSliceMs: marks.detail.longestSliceMs,
      shown: marks.detail.shown,
    };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/chrome/manifest.json'))) throw new Error('dist/chrome is not built: run npm run build:chrome first');
  if (!existsSync(CORPUS)) {
    console.log(`No corpus at ${CORPUS}: nothing to measure.`);
    return;
  }
  const pages = readdirSync(CORPUS)
    .filter((name) => existsSync(join(CORPUS, name, 'source.html')))
    .filter((name) => !ONLY || ONLY.includes(name))
    .sort();
  const server = await startStaticServer({ '/corpus/': CORPUS });
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const context = await launchWithExtension(profile);
  const rows: Row[] = [];
  try {
    for (const name of pages) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) samples.push(await measure(context, `${server.url}/corpus/${name}/source.html`));
      const pick = (key: keyof Sample) => median(samples.map((s) => s[key] ?? NaN));
      const firsts = samples.map((s) => s.firstMs).filter((v): v is number => v !== null);
      rows.push({
        page: name,
        kb: Math.round(statSync(join(CORPUS, name, 'source.html')).size / 1024),
        floorMs: pick('floorMs'),
        firstMs: firsts.length ? median(firsts) : null,
        totalMs: pick('totalMs'),
        injectionMs: pick('injectionMs'),
        longestTaskMs: pick('longestTaskMs'),
        longestSliceMs: pick('longestSliceMs'),
        shown: pick('shown'),
      });
      const r = rows[rows.length - 1]!;
      console.log(
        `${r.page.padEnd(46)} ${String(r.kb).padStart(5)} KB  floor ${fmt(r.floorMs).padStart(6)}  first ${fmt(r.firstMs).padStart(6)}  total ${fmt(r.totalMs).padStart(6)}  injection ${fmt(r.injectionMs).padStart(5)}  longest task after ${fmt(r.longestTaskMs).padStart(5)} (own slice ${fmt(r.longestSliceMs)})  shown ${r.shown}`,
      );
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  const col = (key: 'floorMs' | 'totalMs' | 'injectionMs' | 'longestTaskMs' | 'longestSliceMs') => rows.map((r) => r[key]).filter((v) => !Number.isNaN(v));
  const firsts = rows.map((r) => r.firstMs).filter((v): v is number => v !== null);
  console.log(`\n${rows.length} pages, ${RUNS} run(s) each (median per page), milliseconds:`);
  console.log('| measure | median | p95 | max |');
  console.log('|---|---|---|---|');
  for (const [label, values] of [
    ['plain text walk (floor)', col('floorMs')],
    ['time to first highlight', firsts],
    ['total annotation time', col('totalMs')],
    ['content-script injection task (parse + run)', col('injectionMs')],
    ['longest other main-thread task until settled', col('longestTaskMs')],
    ["longest of Backstory's own slices", col('longestSliceMs')],
  ] as const) {
    console.log(`| ${label} | ${fmt(median(values))} | ${fmt(percentile(values, 95))} | ${fmt(Math.max(...values))} |`);
  }
  const over = rows.filter((r) => Math.max(r.injectionMs, r.longestTaskMs) > 50);
  console.log(`\nPages with a task over 50 ms: ${over.length ? over.map((r) => `${r.page} (injection ${fmt(r.injectionMs)}, after ${fmt(r.longestTaskMs)})`).join(', ') : 'none'}`);
  const wiki = rows.find((r) => r.page === 'wikipedia-2');
  if (wiki) {
    console.log(
      `wikipedia-2 (${wiki.kb} KB): first ${fmt(wiki.firstMs)}, total ${fmt(wiki.totalMs)}, injection ${fmt(wiki.injectionMs)}, ` +
        `longest task after ${fmt(wiki.longestTaskMs)}, own slice ${fmt(wiki.longestSliceMs)}, floor ${fmt(wiki.floorMs)}`,
    );
  }

  mkdirSync(resolve(ROOT, 'reports'), { recursive: true });
  writeFileSync(resolve(ROOT, 'reports/bench-page.json'), JSON.stringify({ runs: RUNS, rows }, null, 2));
}

await main();
