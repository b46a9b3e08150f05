/**
 * npm run data:stats                 counts over the dataset
 * npm run data:stats -- page.html    what Backstory would annotate on that page (.html or .txt)
 */
import { readFile } from 'node:fs/promises';
import { makeBundle, patternSet } from '../../src/dataset/bundle.ts';
import { DEFAULT_DATA_DIR, isMain, option, positional, runMain } from './cli.ts';
import { datasetStats, formatStats } from './dataset-stats.ts';
import { loadDataset } from './load.ts';
import { loadMatcher } from './matcher-api.ts';
import { pageBlocks } from './page-blocks.ts';
import { formatCoverage, pageCoverage } from './page-coverage.ts';
import { formatReport } from './problem.ts';
import { passedDataset, schemaPass } from './schema-pass.ts';
import { schemaValidators } from './schema-validation.ts';

export { datasetStats, formatStats } from './dataset-stats.ts';
export { formatCoverage, pageCoverage } from './page-coverage.ts';

async function main(args: readonly string[]): Promise<number> {
  const dataDir = option(args, '--data') ?? DEFAULT_DATA_DIR;
  const loaded = await loadDataset(dataDir);
  // Counting needs entries of the right shape: the others are named and left out.
  const pass = schemaPass(loaded, schemaValidators());
  if (pass.problems.length > 0) {
    console.log(`${formatReport(pass.problems)}\n(counting only the entries that passed the schema; npm run data:check has every problem)\n`);
  }
  const dataset = passedDataset(loaded.dataset.header, pass.entries);
  const pages = positional(args, ['--data']);
  if (pages.length === 0) {
    console.log(formatStats(datasetStats(dataset)));
    return 0;
  }
  const loadedMatcher = await loadMatcher();
  if (!loadedMatcher.ok) {
    console.error(`page coverage needs the matcher: ${loadedMatcher.reason}`);
    return 1;
  }
  const { api } = loadedMatcher;
  const compiled = api.compileIndex(patternSet(dataset, loaded.hash));
  const matcher = api.Matcher.load(compiled.bytes);
  const bundle = makeBundle(dataset, loaded.hash);
  // One unreadable page is reported and skipped: the other pages' figures still count.
  let failed = 0;
  for (const page of pages) {
    try {
      const blocks = pageBlocks(page, await readFile(page, 'utf8'));
      console.log(`== ${page}\n${formatCoverage(pageCoverage(matcher, bundle, blocks))}`);
    } catch (error) {
      failed += 1;
      console.log(`== ${page}\ncannot read this page: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

if (isMain(import.meta.url)) runMain(() => main(process.argv.slice(2)));
