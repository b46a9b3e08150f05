/**
 * Writes the compiled dataset as an ES module, build/generated/dataset.js,
 * which vite.config.ts aliases as `virtual:backstory-data` (types in
 * src/types/virtual-modules.d.ts). A file rather than a vite plugin because
 * crxjs builds the content script in a separate pass without our plugins;
 * aliases reach it.
 *
 * The content script imports only the small exports (`datasetKey`,
 * `entryCategories`): the index and the card bundle reach it through storage
 * (src/shared/bundled-dataset-delivery.ts), gzipped (both shrink to a
 * quarter), so that no page parses them as script source. The popup and the
 * options page read `bundleJson` as it is.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeCategories } from '../src/shared/categories.ts';
import type { BuiltDataset } from './data/build.ts';

export function datasetModule(built: BuiltDataset): string {
  const bundleJson = JSON.stringify(built.bundle);
  return [
    `// Generated from data/ by tools/dataset-module.ts: do not edit.`,
    `export const datasetKey = ${JSON.stringify(datasetKey(built.bytes, bundleJson))};`,
    `export const indexGzip = ${JSON.stringify(gzipBase64(built.bytes))};`,
    `export const bundleGzip = ${JSON.stringify(gzipBase64(Buffer.from(bundleJson)))};`,
    `export const bundleJson = ${JSON.stringify(bundleJson)};`,
    `export const entryCategories = ${JSON.stringify(encodeCategories(built.bundle.entries))};`,
    '',
  ].join('\n');
}

/**
 * Names this build's index and bundle together. It covers the bytes, not
 * only the data's hash: the same data compiled by another matcher version
 * is another index.
 */
export function datasetKey(index: Uint8Array, bundleJson: string): string {
  return createHash('sha256').update(index).update('\0').update(bundleJson).digest('hex').slice(0, 32);
}

function gzipBase64(bytes: Uint8Array): string {
  return gzipSync(bytes, { level: 9 }).toString('base64');
}

export function writeDatasetModule(built: BuiltDataset, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, datasetModule(built));
}
