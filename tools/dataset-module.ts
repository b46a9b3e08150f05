/**
 * Writes the compiled dataset as two ES modules under build/generated/,
 * which vite.config.ts aliases (types in src/types/virtual-modules.d.ts).
 * Files rather than a vite plugin because crxjs builds the content script in
 * a separate pass without our plugins; aliases reach it.
 *
 * - `virtual:backstory-data` (dataset.js): the small exports (`datasetKey`,
 *   `entryCategories`) the content script and the background import.
 * - `virtual:backstory-summary` (dataset-summary.js): what the popup and the
 *   options page show (src/shared/bundled-summary.ts), as JSON text: a few
 *   kilobytes, where the card bundle is 650 KB.
 *
 * The index and the card bundle reach content scripts through storage
 * (src/shared/bundled-dataset-delivery.ts), gzipped (both shrink to a
 * quarter), so that no page parses them as script source. They are packaged
 * as two text files (datasetFiles below), which the background reads only
 * when it stores or sends them: not as script either, since every page
 * wakes the background.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { encodeCategories } from '../src/shared/categories.ts';
import { BUNDLED_CARDS_FILE, BUNDLED_INDEX_FILE } from '../src/shared/bundled-dataset-record.ts';
import { summarise } from '../src/shared/bundled-summary.ts';
import type { BuiltDataset } from './data/build.ts';

/** The compiled dataset in the forms the extension ships, made once per build. */
export interface PackagedDataset {
  bundleJson: string;
  summaryJson: string;
  /** datasetKey() of the index and this exact bundle text. */
  key: string;
  categories: string;
  /** The stored copy's two parts, as the files hold them. */
  indexGzip: string;
  bundleGzip: string;
}

export function packageDataset(built: BuiltDataset): PackagedDataset {
  const bundleJson = JSON.stringify(built.bundle);
  return {
    bundleJson,
    summaryJson: JSON.stringify(summarise(built.bundle)),
    key: datasetKey(built.bytes, bundleJson),
    categories: encodeCategories(built.bundle.entries),
    indexGzip: gzipBase64(built.bytes),
    bundleGzip: gzipBase64(Buffer.from(bundleJson)),
  };
}

export function datasetModule(dataset: PackagedDataset): string {
  return [
    `// Generated from data/ by tools/dataset-module.ts: do not edit.`,
    `export const datasetKey = ${JSON.stringify(dataset.key)};`,
    `export const entryCategories = ${JSON.stringify(dataset.categories)};`,
    '',
  ].join('\n');
}

export function summaryModule(dataset: PackagedDataset): string {
  return [`// Generated from data/ by tools/dataset-module.ts: do not edit.`, `export const summaryJson = ${JSON.stringify(dataset.summaryJson)};`, ''].join('\n');
}

/**
 * Names this build's index and bundle together. It covers the bytes, not
 * only the data's hash: the same data compiled by another matcher version
 * is another index.
 */
export function datasetKey(index: Uint8Array, bundleJson: string): string {
  return createHash('sha256').update(index).update('\0').update(bundleJson).digest('hex').slice(0, 32);
}

/** Vite plugin: packages the stored copy's two parts as files (gzipped, base64), not web-accessible. */
export function datasetFiles(dataset: PackagedDataset): Plugin {
  return {
    name: 'backstory-dataset-files',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUNDLED_INDEX_FILE, source: dataset.indexGzip });
      this.emitFile({ type: 'asset', fileName: BUNDLED_CARDS_FILE, source: dataset.bundleGzip });
    },
  };
}

function gzipBase64(bytes: Uint8Array): string {
  return gzipSync(bytes, { level: 9 }).toString('base64');
}

/** Writes both modules into `dir`; returns their paths, for the aliases. */
export function writeDatasetModules(dataset: PackagedDataset, dir: string): { data: string; summary: string } {
  const paths = { data: join(dir, 'dataset.js'), summary: join(dir, 'dataset-summary.js') };
  mkdirSync(dirname(paths.data), { recursive: true });
  writeFileSync(paths.data, datasetModule(dataset));
  writeFileSync(paths.summary, summaryModule(dataset));
  return paths;
}
