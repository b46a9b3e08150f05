/**
 * npm run data:check [-- --fix] [--data DIR]
 * Validates the dataset and prints each problem as `file: id: field: severity: message`.
 * Exit code 1 when there are errors. --fix rewrites formatting and id order first.
 */
import { checkDataset } from './check-dataset.ts';
import { DEFAULT_DATA_DIR, isMain, option, runMain } from './cli.ts';
import { fixFormatting } from './fix-formatting.ts';
import { loadDataset } from './load.ts';
import { loadMatcher, matcherAliasKey } from './matcher-api.ts';
import { countProblems, formatReport } from './problem.ts';

export { checkDataset, type CheckOptions } from './check-dataset.ts';
export { formatProblem, formatReport, type Problem } from './problem.ts';

async function main(args: readonly string[]): Promise<number> {
  const dataDir = option(args, '--data') ?? DEFAULT_DATA_DIR;
  let loaded = await loadDataset(dataDir);
  if (args.includes('--fix')) {
    const rewritten = await fixFormatting(loaded);
    for (const file of rewritten) console.log(`fixed formatting: ${file}`);
    if (rewritten.length > 0) loaded = await loadDataset(dataDir);
  }
  const matcher = await loadMatcher();
  if (!matcher.ok) console.log(`note: ${matcher.reason}; the index checks are skipped and aliases are compared with the stand-in folding`);
  const problems = checkDataset(
    loaded,
    matcher.ok ? { compileIndex: matcher.api.compileIndex, aliasKey: matcherAliasKey(matcher.api) } : {},
  );
  const { errors } = countProblems(problems);
  const counts = `${loaded.dataset.entities.length} entities, ${loaded.dataset.claims.length} claims in ${loaded.files.length} files`;
  console.log(`${formatReport(problems)} (${counts})`);
  return errors > 0 ? 1 : 0;
}

if (isMain(import.meta.url)) runMain(() => main(process.argv.slice(2)));
