/**
 * Writes the compiled dataset as two ES modules under build/generated/,
 * which vite.config.ts aliases (types in src/types/virtual-modules.d.ts).
 * Files rather than a vite plugin because crxjs builds the content script in
 * a separate pass without our plugins; aliases reach it.
 *
 * - `virtual:backstory-data` (dataset.js): what the content script and the
 *   background import. The content script takes only the small exports
 *   (`datasetKey`, `entryCategories`): the index and the card bundle reach
 *   it through storage (src/shared/bundled-dataset-delivery.ts), gzipped
 *   (both shrink to a quarter), so that no page parses them as script
 *   source. The background holds them to store and send.
 * - `virtual:backstory-cards` (dataset-cards.js): the card bundle as JSON
 *   text, for the popup and the options page, in a module of its own so
 *   that the background's chunk does not carry it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeCategories } from '../src/shared/categories.ts';
import type { BuiltDataset } from './data/build.ts';

export function datasetModule(built: BuiltDataset): string {
  const bundleJson = JSON.stringify(built.bundle);
  return [
    `// Generated from data/ by tools/dataset-module.ts: do not edit.`,
    `export const datasetKey = ${JSON.stringify(datasetKey(built.bytes, bundleJson))};`,
    `export const indexGzip = ${JSON.stringify(gzipBase64(built.bytes))};`,
    `export const bundleGzip = ${JSON.stringify(gzipBase64(Buffer.from(bundleJson)))};`,
    `export const entryCategories = ${JSON.stringify(encodeCategories(built.bundle.entries))};`,
    '',
  ].join('\n');
}

export function cardsModule(built: BuiltDataset): string {
  return [`// Generated from data/ by tools/dataset-module.ts: do not edit.`, `export const bundleJson = ${JSON.stringify(JSON.stringify(built.bundle))};`, ''].join('\n');
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

/** Writes both modules into `dir`; returns their paths, for the aliases. */
export function writeDatasetModules(built: BuiltDataset, dir: string): { data: string; cards: string } {
  const paths = { data: join(dir, 'dataset.js'), cards: join(dir, 'dataset-cards.js') };
  mkdirSync(dirname(paths.data), { recursive: true });
  writeFileSync(paths.data, datasetModule(built));
  writeFileSync(paths.cards, cardsModule(built));
  return paths;
}
