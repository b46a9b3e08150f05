/**
 * The benchmark's inputs, prepared in a worker thread (bench/matcher.bench.ts):
 * the corpus pages' text blocks (extracted with happy-dom) and the compiled
 * indexes of every dataset (timed here, since compiling is build-time work).
 *
 * Why a worker: the measuring thread should hold what a content script
 * holds, a page's text and loaded indexes, not happy-dom's documents or the
 * datasets' objects. Extracting the pages in the measuring thread made every
 * later scan about 15% slower (measured: the same scans, with the pages read
 * from a file instead, ran faster by that much); a browser's DOM is not in
 * the JavaScript heap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { patternSet } from '../src/dataset/bundle.ts';
import type { Claim, Dataset, Entity } from '../src/dataset/types.ts';
import { compileIndex, type PatternSet } from '../src/matcher/index.ts';
import { extractBlocks } from './extract-text.ts';
import { syntheticPatternSet } from './synthetic.ts';

export interface PrepareOptions {
  corpus: string;
  sizes: number[];
  commonWordRows: boolean;
}

export interface PreparedPage {
  name: string;
  blocks: string[];
  chars: number;
}

export interface PreparedDataset {
  name: string;
  aliases: number;
  claims: number;
  compileMs: number;
  compileErrors: number;
  bytes: Uint8Array;
  /** The same dataset with its claims removed. */
  entityBytes: Uint8Array;
  /** Alias texts, for the alternation RegExp baseline (only up to 20k aliases: beyond, it is not run). */
  aliasTexts: string[] | null;
}

export interface Prepared {
  pages: PreparedPage[];
  extractionMs: number;
  datasets: PreparedDataset[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function loadRealDataset(): PatternSet | null {
  const dir = path.join(ROOT, 'data');
  const headerFile = path.join(dir, 'dataset.json');
  if (!fs.existsSync(headerFile)) return null;
  const header = JSON.parse(fs.readFileSync(headerFile, 'utf8')) as Dataset['header'];
  const entities: Entity[] = [];
  const claims: Claim[] = [];
  for (const sub of ['entities', 'claims']) {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) continue;
    for (const f of fs.readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
      const file = JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as { entities?: Entity[]; claims?: Claim[] };
      entities.push(...(file.entities ?? []));
      claims.push(...(file.claims ?? []));
    }
  }
  if (entities.length === 0) return null;
  return patternSet({ header, entities, claims }, 'bench');
}

async function loadPages(corpus: string): Promise<PreparedPage[]> {
  if (!fs.existsSync(corpus)) return [];
  const pages: PreparedPage[] = [];
  for (const name of fs.readdirSync(corpus).sort()) {
    const file = path.join(corpus, name, 'source.html');
    if (!fs.existsSync(file)) continue;
    const blocks = await extractBlocks(fs.readFileSync(file, 'utf8'));
    const chars = blocks.reduce((n, b) => n + b.length, 0);
    if (chars > 0) pages.push({ name, blocks, chars });
  }
  return pages;
}

function prepareDataset(name: string, set: PatternSet): PreparedDataset {
  const aliases = set.entities.reduce((n, e) => n + e.aliases.length, 0);
  const c0 = performance.now();
  const { bytes, problems } = compileIndex(set);
  const compileMs = performance.now() - c0;
  return {
    name,
    aliases,
    claims: set.claims.length,
    compileMs,
    compileErrors: problems.filter((p) => p.severity === 'error').length,
    bytes,
    entityBytes: compileIndex({ ...set, claims: [] }).bytes,
    aliasTexts: aliases <= 20_000 ? set.entities.flatMap((e) => e.aliases.map((a) => a.text)) : null,
  };
}

async function prepare(options: PrepareOptions): Promise<Prepared> {
  const t0 = performance.now();
  const pages = await loadPages(options.corpus);
  const extractionMs = performance.now() - t0;
  const datasets: PreparedDataset[] = [];
  if (pages.length > 0) {
    const real = loadRealDataset();
    if (real !== null) datasets.push(prepareDataset('data/ (real)', real));
    for (const n of options.sizes) datasets.push(prepareDataset(`synthetic ${n / 1000}k`, syntheticPatternSet({ aliases: n })));
    // The first generator's claims (every cue from 20 common news words), kept
    // as their own rows: the claim walk's worst case (bench/synthetic.ts).
    if (options.commonWordRows) {
      for (const n of [options.sizes[0]!, options.sizes[options.sizes.length - 1]!]) {
        datasets.push(prepareDataset(`synthetic ${n / 1000}k, common-word cues`, syntheticPatternSet({ aliases: n, claims: 'common-words' })));
      }
    }
  }
  return { pages, extractionMs, datasets };
}

/** Pages and compiled indexes, prepared in a worker thread (see above for why). */
export function prepareInWorker(options: PrepareOptions): Promise<Prepared> {
  return new Promise((resolve, reject) => {
    // The worker runs TypeScript through tsx, as the bench does (`npm run
    // bench`): a small script registers tsx's loader, then imports this file.
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: options });
    worker.once('message', (prepared: Prepared) => {
      resolve(prepared);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

if (parentPort !== null && (workerData as PrepareOptions | undefined)?.corpus !== undefined) {
  const prepared = await prepare(workerData as PrepareOptions);
  const transfer = prepared.datasets.flatMap((d) => [d.bytes.buffer as ArrayBuffer, d.entityBytes.buffer as ArrayBuffer]);
  parentPort.postMessage(prepared, transfer);
}
