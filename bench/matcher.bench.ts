/**
 * Matcher benchmark: `npm run bench` (tsx bench/matcher.bench.ts).
 *
 * Measures, side by side in one run, on the saved pages of the shared corpus
 * (text extracted with happy-dom in a worker thread, see prepare.ts) and on
 * datasets of 2k, 20k and 200k synthetic aliases plus the real data/ set:
 * compile time, load time, retained memory, scan time per page, and two
 * baselines on the same pages: one alternation RegExp over all aliases, and
 * a plain walk that only sums char codes (the floor), and every matcher
 * again with its claims removed. Prints tables and whether each target is
 * met. Timings are the minimum of several repeats (the least disturbed by
 * other work on the machine), the matchers taking turns page by page; the
 * growth with dataset size is also measured with each page scanned once in
 * turn, as a browser scans it (the repeats find the caches warm).
 *
 * Options (environment): BENCH_CORPUS=dir (default the shared corpus),
 * BENCH_QUICK=1 (fewer repeats), BENCH_SIZES=2000,20000 (synthetic sizes),
 * BENCH_NO_COMMON=1 (skip the common-word-cue rows, the claim walk's worst
 * case).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import os from 'node:os';
import { Matcher } from '../src/matcher/index.ts';
import { prepareInWorker } from './prepare.ts';

const CORPUS = process.env.BENCH_CORPUS ?? '/work/shared/corpus/readability';
const QUICK = process.env.BENCH_QUICK === '1';
const SIZES = (process.env.BENCH_SIZES ?? '2000,20000,200000').split(',').map(Number);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// ---------------------------------------------------------------- helpers
function minTime(fn: () => unknown, budgetMs: number, minReps = 3): number {
  let best = Infinity;
  const until = performance.now() + budgetMs;
  let reps = 0;
  while (reps < minReps || performance.now() < until) {
    const t0 = performance.now();
    fn();
    const t = performance.now() - t0;
    if (t < best) best = t;
    reps++;
    if (reps > 10_000) break;
  }
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function retainedBytes(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers + m.external;
}

let sink = 0;
function plainRead(blocks: readonly string[]): number {
  let x = 0;
  for (const b of blocks) for (let i = 0; i < b.length; i++) x = (x + b.charCodeAt(i)) | 0;
  return x;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
function table(headers: string[], rows: Array<Array<string | number>>): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
  console.log();
}

// ---------------------------------------------------------------- inputs
function alternationRegExp(aliasTexts: readonly string[]): RegExp {
  const escaped = aliasTexts.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  escaped.sort((a, b) => b.length - a.length); // longest first, as leftmost-longest wants
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
}

function regexScan(re: RegExp, blocks: readonly string[]): number {
  let n = 0;
  for (const b of blocks) {
    re.lastIndex = 0;
    while (re.exec(b) !== null) n++;
  }
  return n;
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  console.log(`# Backstory matcher benchmark`);
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  const { pages, extractionMs, datasets } = await prepareInWorker({ corpus: CORPUS, sizes: SIZES, commonWordRows: !process.env.BENCH_NO_COMMON });
  if (pages.length === 0) {
    console.log(`No pages under ${CORPUS}: page measurements skipped.`);
    return;
  }
  const totalChars = pages.reduce((n, p) => n + p.chars, 0);
  const bySize = [...pages].sort((a, b) => a.chars - b.chars);
  const medianPage = bySize[bySize.length >> 1]!;
  console.log(
    `${pages.length} pages, ${(totalChars / 1e6).toFixed(2)} M UTF-16 units, median page ${medianPage.name} (${medianPage.chars} units, ${medianPage.blocks.length} blocks); extraction ${(extractionMs / 1000).toFixed(1)} s, in a worker, untimed\n`,
  );


  const budget = QUICK ? 4 : 15;

  interface Row {
    name: string;
    aliases: number;
    claims: number;
    compileMs: number;
    indexBytes: number;
    loadMs: number;
    retained: number;
    scan: Map<string, number>;
    matches: number;
    regex: Map<string, number> | null;
    regexBuildMs: number;
    /** Scan of each page with the dataset's claims removed (entities only). */
    entityOnly: Map<string, number>;
  }
  const rows: Row[] = [];
  const matchers: Array<{ full: Matcher; entities: Matcher }> = [];
  for (const { name, aliases, claims, compileMs, compileErrors, bytes, entityBytes, aliasTexts } of datasets) {
    if (compileErrors > 0) console.log(`(${name}: ${compileErrors} patterns skipped with compile errors)`);
    const loadMs = median(Array.from({ length: QUICK ? 5 : 21 }, () => minTime(() => Matcher.load(bytes), 0, 1)));
    // Retained memory: what a loaded matcher keeps alive after scanning a
    // page (scratch arrays included), beyond the index bytes themselves,
    // which the caller holds anyway: memory with it alive minus without.
    let matcher: Matcher | null = Matcher.load(bytes);
    matcher.session().scan(medianPage.blocks);
    const alive = retainedBytes();
    matcher = null;
    const dropped = retainedBytes();
    const retained = alive - dropped;
    const full = Matcher.load(bytes);
    let matches = 0;
    for (const p of pages) matches += full.session().scan(p.blocks).matches.length;
    let regex: Map<string, number> | null = null;
    let regexBuildMs = NaN;
    if (aliasTexts !== null) {
      const r0 = performance.now();
      const re = alternationRegExp(aliasTexts);
      regexScan(re, [medianPage.blocks[0] ?? '']); // compiles lazily on first use
      regexBuildMs = performance.now() - r0;
      regex = new Map(pages.map((p) => [p.name, minTime(() => (sink ^= regexScan(re, p.blocks)), QUICK ? 2 : 5, 1)]));
    }
    matchers.push({ full, entities: Matcher.load(entityBytes) });
    rows.push({ name, aliases, claims, compileMs, indexBytes: bytes.length, loadMs, retained, scan: new Map(), matches, regex, regexBuildMs, entityOnly: new Map() });
  }

  // Scan times, page by page, all datasets side by side: the plain read and
  // every matcher (full, and entities only) take turns, a burst of repeats
  // each (the first repeats of a burst warm the caches, as repeats of one
  // matcher would), and each keeps its minimum. Noise from other work on
  // the machine then falls on all of them alike.
  const BURST = 20;
  const plain = new Map<string, number>();
  for (const p of pages) {
    const runs: Array<() => unknown> = [() => (sink ^= plainRead(p.blocks))];
    for (const m of matchers) runs.push(() => m.full.session().scan(p.blocks), () => m.entities.session().scan(p.blocks));
    const best = runs.map(() => Infinity);
    const until = performance.now() + budget * runs.length;
    for (let rounds = 0; rounds < 2 || performance.now() < until; rounds++) {
      runs.forEach((run, i) => {
        for (let b = 0; b < BURST; b++) {
          const t0 = performance.now();
          run();
          const t = performance.now() - t0;
          if (t < best[i]!) best[i] = t;
        }
      });
      if (rounds > 10_000) break;
    }
    plain.set(p.name, best[0]!);
    rows.forEach((r, i) => {
      r.scan.set(p.name, best[1 + 2 * i]!);
      r.entityOnly.set(p.name, best[2 + 2 * i]!);
    });
  }

  // The same scans as a browser makes them: each page once, in turn, so that
  // what one page brought into the caches is mostly gone when it comes back
  // (the bursts above measure warm caches). The minimum over rounds of the
  // whole page set, per matcher.
  const onceRounds = QUICK ? 3 : 10;
  const once = rows.map(() => ({ scan: Infinity, entityOnly: Infinity }));
  for (let round = 0; round < onceRounds; round++) {
    matchers.forEach((m, i) => {
      let t0 = performance.now();
      for (const p of pages) m.full.session().scan(p.blocks);
      once[i]!.scan = Math.min(once[i]!.scan, performance.now() - t0);
      t0 = performance.now();
      for (const p of pages) m.entities.session().scan(p.blocks);
      once[i]!.entityOnly = Math.min(once[i]!.entityOnly, performance.now() - t0);
    });
  }
  const onceOf = (r: Row) => once[rows.indexOf(r)]!;

  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const plainTotal = sum(plain);
  console.log('## Compile, load, memory, scan (all pages; times are per page set unless noted)\n');
  table(
    ['dataset', 'aliases', 'claims', 'compile ms', 'index MB', 'load ms', 'retained KB', 'scan ms', 'scan MB/s', 'median page µs', '× plain (median page)', 'median of page ratios', 'entities only: × plain (median page)', 'RegExp ms', 'speed-up vs RegExp'],
    rows.map((r) => {
      const scanTotal = sum(r.scan);
      const ratios = pages.map((p) => r.scan.get(p.name)! / plain.get(p.name)!);
      const regexTotal = r.regex ? sum(r.regex) : NaN;
      return [
        r.name,
        r.aliases,
        r.claims,
        fmt(r.compileMs, 0),
        fmt(r.indexBytes / 1e6, 2),
        fmt(r.loadMs, 3),
        fmt(r.retained / 1e3, 0),
        fmt(scanTotal, 1),
        fmt((totalChars * 2) / 1e6 / (scanTotal / 1000), 0),
        fmt(r.scan.get(medianPage.name)! * 1000, 0),
        fmt(r.scan.get(medianPage.name)! / plain.get(medianPage.name)!, 2),
        fmt(median(ratios), 2),
        fmt(r.entityOnly.get(medianPage.name)! / plain.get(medianPage.name)!, 2),
        fmt(regexTotal, 1),
        fmt(regexTotal / scanTotal, 1),
      ];
    }),
  );
  console.log(
    `Plain read (sum of char codes) of all pages: ${fmt(plainTotal, 2)} ms (${fmt((totalChars * 2) / 1e6 / (plainTotal / 1000), 0)} MB/s); median page ${fmt(plain.get(medianPage.name)! * 1000, 0)} µs. MB/s counts 2 bytes per UTF-16 unit.\n`,
  );

  console.log('## Growth with page size (µs per 1,000 UTF-16 units; pages in size quartiles)\n');
  const quartiles = [0, 1, 2, 3].map((q) => bySize.slice(Math.floor((q * bySize.length) / 4), Math.floor(((q + 1) * bySize.length) / 4)));
  table(
    ['pages', 'size range (units)', 'plain', ...rows.map((r) => r.name), ...rows.filter((r) => r.regex).map((r) => `RegExp ${r.name}`)],
    quartiles.map((qs) => {
      const perK = (m: Map<string, number>) => median(qs.map((p) => (m.get(p.name)! * 1000) / (p.chars / 1000)));
      return [
        qs.length,
        `${qs[0]!.chars}–${qs[qs.length - 1]!.chars}`,
        fmt(perK(plain), 2),
        ...rows.map((r) => fmt(perK(r.scan), 2)),
        ...rows.filter((r) => r.regex).map((r) => fmt(perK(r.regex!), 1)),
      ];
    }),
  );

  console.log('## Growth with dataset size (scan of all pages)\n');
  const synthAll = rows.filter((r) => r.name.startsWith('synthetic'));
  const synth = synthAll.filter((r) => !r.name.includes('common-word'));
  const common = synthAll.filter((r) => r.name.includes('common-word'));
  const growthRows = (group: Row[]) => {
    const base = group[0];
    return group.map((r) => [
      r.name,
      r.aliases,
      r.claims,
      fmt(sum(r.scan), 1),
      base ? fmt(sum(r.scan) / sum(base.scan), 2) : '–',
      fmt(sum(r.entityOnly), 1),
      base ? fmt(sum(r.entityOnly) / sum(base.entityOnly), 2) : '–',
      r.matches,
    ]);
  };
  table(
    ['dataset', 'aliases', 'claims', 'scan ms', '× smallest', 'entities only: scan ms', 'entities only: × smallest', 'matches found'],
    [...growthRows(synth), ...growthRows(common)],
  );

  console.log('## Growth with dataset size, each page scanned once in turn (caches as on a page load)\n');
  const onceRows = (group: Row[]) => {
    const base = group[0] ? onceOf(group[0]) : undefined;
    return group.map((r) => {
      const o = onceOf(r);
      return [r.name, fmt(o.scan, 1), base ? fmt(o.scan / base.scan, 2) : '–', fmt(o.entityOnly, 1), base ? fmt(o.entityOnly / base.entityOnly, 2) : '–'];
    });
  };
  table(['dataset', 'scan ms', '× smallest', 'entities only: scan ms', 'entities only: × smallest'], [...onceRows(synth), ...onceRows(common)]);

  // Hostile blocks: one block of a phrase repeated, small and 20 times
  // larger, scanned by the first dataset's matcher (the real one when
  // present). Time per unit must not grow with the block: every rule that
  // looks around a match (letter case, possessives, numbers, sentence ends)
  // must stay local, or a page of "FOLLOW US " repeated costs its length
  // squared (as one did before it was measured here).
  console.log('## Hostile blocks (one block, a phrase repeated; µs per 1,000 UTF-16 units)\n');
  const HOSTILE = ['FOLLOW US ', 'Gaza’s Health Ministry ', 'New York’s Times ', "l'AFP ", 'USD 100 billion ', '90pc ', '1,000,000 ', 'hundred ', 'one ', 'Gaza health ministry killed ', 'a\n', 'U.S. ', 'Hezbollah'];
  const hostileRatios: number[] = [];
  const hostileRows = HOSTILE.map((phrase) => {
    const perUnit = [20_000, 400_000].map((units) => {
      const block = phrase.repeat(Math.ceil(units / phrase.length));
      return (minTime(() => matchers[0]!.full.session().scan([block]), QUICK ? 20 : 60, 2) * 1000) / (block.length / 1000);
    });
    hostileRatios.push(perUnit[1]! / perUnit[0]!);
    return [JSON.stringify(phrase), fmt(perUnit[0]!, 2), fmt(perUnit[1]!, 2), fmt(perUnit[1]! / perUnit[0]!, 2)];
  });
  table(['phrase', '20k units', '400k units', 'ratio'], hostileRows);

  console.log('## Targets\n');
  const find = (n: number) => synth.find((r) => r.aliases >= n * 0.95 && r.aliases <= n * 1.2);
  const targets: Array<[string, number, string, boolean]> = [];
  for (const r of rows) {
    const ratio = r.scan.get(medianPage.name)! / plain.get(medianPage.name)!;
    targets.push([`scan ≤ 3× plain read on the median page (${r.name})`, ratio, '≤ 3', ratio <= 3]);
    const entityRatio = r.entityOnly.get(medianPage.name)! / plain.get(medianPage.name)!;
    targets.push(['  the same, entities only (claims removed)', entityRatio, '≤ 3', entityRatio <= 3]);
  }
  const s2 = find(2000);
  const s200 = find(200_000);
  if (s2 && s200) {
    const growth = sum(s200.scan) / sum(s2.scan);
    targets.push(['scan time at 200k aliases ≤ 1.3× the time at 2k', growth, '≤ 1.3', growth <= 1.3]);
    const entityGrowth = sum(s200.entityOnly) / sum(s2.entityOnly);
    targets.push(['  the same, entities only (claims removed)', entityGrowth, '≤ 1.3', entityGrowth <= 1.3]);
    const onceGrowth = onceOf(s200).scan / onceOf(s2).scan;
    targets.push(['  the same, each page scanned once in turn', onceGrowth, '≤ 1.3', onceGrowth <= 1.3]);
    const onceEntityGrowth = onceOf(s200).entityOnly / onceOf(s2).entityOnly;
    targets.push(['  the same, once in turn, entities only', onceEntityGrowth, '≤ 1.3', onceEntityGrowth <= 1.3]);
  }
  if (common.length === 2) {
    const growth = sum(common[1]!.scan) / sum(common[0]!.scan);
    targets.push(['  the same, common-word cues (worst case)', growth, '≤ 1.3', growth <= 1.3]);
  }
  const s20 = find(20_000);
  if (s20) {
    targets.push(['load 20k aliases ≤ 5 ms', s20.loadMs, '≤ 5 ms', s20.loadMs <= 5]);
    if (s20.regex) {
      const speedup = sum(s20.regex) / sum(s20.scan);
      targets.push(['≥ 5× faster than the alternation RegExp at 20k aliases', speedup, '≥ 5', speedup >= 5]);
    }
  }
  if (s200) targets.push(['load 200k aliases ≤ 25 ms', s200.loadMs, '≤ 25 ms', s200.loadMs <= 25]);
  const worstHostile = Math.max(...hostileRatios);
  targets.push(['linear time: hostile blocks 20× larger cost ≤ 2× per unit (worst)', worstHostile, '≤ 2', worstHostile <= 2]);
  table(
    ['target', 'measured', 'wanted', 'met'],
    targets.map(([t, v, w, ok]) => [t, fmt(v, 2), w, ok ? 'yes' : 'NO']),
  );
  if (sink === 42) console.log(''); // keeps the baselines' results alive
}

await main();
