/**
 * Where the scan's time goes, for BENCHMARKS.md:
 * `npx tsx bench/matcher-breakdown.ts`.
 *
 * Side by side in one process, each the minimum of many interleaved bursts
 * of repeats: the plain read (the floor), the tokenizer alone, the scan
 * with the claims removed (entities only), and the full scan, for the real
 * dataset and the synthetic ones, on the median page of the corpus and on
 * all pages. Then counts the sentences the claim walk read. Inputs are
 * prepared as for the bench (prepare.ts). Options: BENCH_CORPUS,
 * BENCH_SIZES, BENCH_ROUNDS, and BENCH_COMMON=1 for the common-word rows.
 */
import { ClaimPass } from '../src/matcher/claim-pass.ts';
import { Matcher } from '../src/matcher/index.ts';
import { tokenize } from '../src/matcher/tokenize.ts';
import { prepareInWorker } from './prepare.ts';

const CORPUS = process.env.BENCH_CORPUS ?? '/work/shared/corpus/readability';
const SIZES = (process.env.BENCH_SIZES ?? '2000,20000,200000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const BURST = 10;

let sink = 0;
function plainRead(blocks: readonly string[]): number {
  let x = 0;
  for (const b of blocks) for (let i = 0; i < b.length; i++) x = (x + b.charCodeAt(i)) | 0;
  return x;
}
function tokenizeAll(blocks: readonly string[]): number {
  let n = 0;
  for (const b of blocks) n += tokenize(b).count;
  return n;
}

async function main(): Promise<void> {
  const { pages: prepared, datasets } = await prepareInWorker({ corpus: CORPUS, sizes: SIZES, commonWordRows: process.env.BENCH_COMMON === '1' });
  if (prepared.length === 0) {
    console.log(`No pages under ${CORPUS}.`);
    return;
  }
  const pages = prepared.map((p) => p.blocks);
  const size = (p: string[]) => p.reduce((n, b) => n + b.length, 0);
  const median = [...pages].sort((a, b) => size(a) - size(b))[pages.length >> 1]!;

  const runs: Array<[string, (blocks: string[]) => unknown]> = [
    ['plain read', (b) => (sink ^= plainRead(b))],
    ['tokenizer alone', (b) => (sink ^= tokenizeAll(b))],
  ];
  const matchers: Array<[string, Matcher]> = [];
  for (const d of datasets) {
    const full = Matcher.load(d.bytes);
    const entities = Matcher.load(d.entityBytes);
    matchers.push([d.name, full]);
    runs.push([`${d.name}: entities only`, (b) => entities.session().scan(b)]);
    runs.push([`${d.name}: full scan`, (b) => full.session().scan(b)]);
  }
  for (let i = 0; i < 3; i++) for (const p of pages) for (const [, run] of runs) run(p);
  const bestMedian = runs.map(() => Infinity);
  const bestAll = runs.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) {
    runs.forEach(([, run], i) => {
      for (let b = 0; b < BURST; b++) {
        const t0 = performance.now();
        run(median);
        bestMedian[i] = Math.min(bestMedian[i]!, performance.now() - t0);
      }
      if (r % 20 === 0) {
        const t1 = performance.now();
        for (const p of pages) run(p);
        bestAll[i] = Math.min(bestAll[i]!, performance.now() - t1);
      }
    });
  }

  // Sentences the claim walk reads: counted by wrapping ClaimPass.sentence, outside the timed runs.
  let walked = 0;
  let walkedTokens = 0;
  const sentence = ClaimPass.prototype.sentence;
  ClaimPass.prototype.sentence = function (first: number, end: number) {
    walked += 1;
    walkedTokens += end - first;
    sentence.call(this, first, end);
  };
  const walks: string[] = [];
  for (const [name, m] of matchers) {
    walked = walkedTokens = 0;
    m.session().scan(median);
    const onMedian = `${walked} (${walkedTokens} tokens)`;
    walked = walkedTokens = 0;
    for (const p of pages) m.session().scan(p);
    walks.push(`| ${name} | ${onMedian} | ${walked} (${walkedTokens} tokens) |`);
  }
  ClaimPass.prototype.sentence = sentence;
  const tokens = pages.reduce((n, p) => n + tokenizeAll(p), 0);

  console.log(`Median page: ${size(median)} UTF-16 units, ${median.length} blocks, ${tokenizeAll(median)} tokens.`);
  console.log(`Minimum of ${ROUNDS} interleaved bursts of ${BURST} (all pages: of ${Math.ceil(ROUNDS / 20)} passes).\n`);
  console.log('| run | median page µs | × plain | all pages ms | × plain |');
  console.log('|---|---|---|---|---|');
  runs.forEach(([name], i) => {
    const m = bestMedian[i]!;
    const a = bestAll[i]!;
    console.log(`| ${name} | ${(m * 1000).toFixed(1)} | ${(m / bestMedian[0]!).toFixed(2)} | ${a.toFixed(2)} | ${(a / bestAll[0]!).toFixed(2)} |`);
  });
  console.log(`\nSentences the claim walk read (all pages: ${tokens} tokens):\n`);
  console.log('| dataset | median page | all pages |');
  console.log('|---|---|---|');
  for (const line of walks) console.log(line);
}

await main();
