/**
 * buildDataset: data/ → the compiled matcher index and the card bundle.
 * Used by `npm run data:build` and by the vite build (vite.config.ts calls it
 * before anything is bundled), so the extension is never built from a dataset
 * that fails its checks.
 *
 * The matcher is imported directly, not loaded on demand as data:check does:
 * the build cannot work without it, and vite bundles this file into its
 * config, where only static imports are followed.
 */
import path from 'node:path';
import { makeBundle, patternSet, type Bundle } from '../../src/dataset/bundle.ts';
import { compileIndex, normaliseWithOffsets } from '../../src/matcher/index.ts';
import { checkDataset } from './check-dataset.ts';
import { loadDataset } from './load.ts';
import { countProblems, formatReport, type Problem } from './problem.ts';

export interface BuiltDataset {
  ok: true;
  bytes: Uint8Array;
  bundle: Bundle;
  hash: string;
  /** Warnings only; errors stop the build. */
  problems: Problem[];
  /** Absolute paths of the files read, for watch mode. */
  files: string[];
}

export interface FailedBuild {
  ok: false;
  problems: Problem[];
  files: string[];
}

export type BuildResult = BuiltDataset | FailedBuild;

export async function buildDataset(dataDir: string, options: { today?: string } = {}): Promise<BuildResult> {
  const loaded = await loadDataset(dataDir);
  const files = loaded.files.map((f) => path.resolve(process.cwd(), f.path));
  const problems = checkDataset(loaded, {
    today: options.today,
    compileIndex,
    aliasKey: (text) => normaliseWithOffsets(text).folded,
  });
  if (countProblems(problems).errors > 0) return { ok: false, files, problems };

  const compiled = compileIndex(patternSet(loaded.dataset, loaded.hash));
  const bundle = makeBundle(loaded.dataset, loaded.hash);
  return { ok: true, bytes: compiled.bytes, bundle, hash: loaded.hash, problems, files };
}

export function formatFailure(failed: FailedBuild): string {
  return `The dataset has errors; fix them or run npm run data:check for details.\n${formatReport(failed.problems)}`;
}
