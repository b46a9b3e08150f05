/**
 * npm run data:build [-- --data DIR --out DIR]
 * Checks the dataset (errors stop it) and writes build/dataset/index.bin and bundle.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDataset, formatFailure } from './build-dataset.ts';
import { DEFAULT_DATA_DIR, isMain, option, runMain } from './cli.ts';
import { formatReport } from './problem.ts';

export { buildDataset, formatFailure, type BuildResult, type BuiltDataset, type FailedBuild } from './build-dataset.ts';

async function main(args: readonly string[]): Promise<number> {
  const dataDir = option(args, '--data') ?? DEFAULT_DATA_DIR;
  const outDir = path.resolve(option(args, '--out') ?? path.join(dataDir, '..', 'build', 'dataset'));
  const built = await buildDataset(dataDir);
  if (!built.ok) {
    console.error(formatFailure(built));
    return 1;
  }
  await mkdir(outDir, { recursive: true });
  const bundleText = `${JSON.stringify(built.bundle)}\n`;
  await writeFile(path.join(outDir, 'index.bin'), built.bytes);
  await writeFile(path.join(outDir, 'bundle.json'), bundleText);
  if (built.problems.length > 0) console.log(formatReport(built.problems));
  console.log(
    `wrote ${path.relative(process.cwd(), outDir)}/index.bin (${built.bytes.length} bytes) and bundle.json (${Buffer.byteLength(bundleText)} bytes): ` +
      `${built.bundle.entries.length} entries, hash ${built.hash.slice(0, 12)}`,
  );
  return 0;
}

if (isMain(import.meta.url)) runMain(() => main(process.argv.slice(2)));
