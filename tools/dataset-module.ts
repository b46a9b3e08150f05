/**
 * Writes the compiled dataset as an ES module, build/generated/dataset.js,
 * which vite.config.ts aliases as `virtual:backstory-data` (types in
 * src/types/virtual-modules.d.ts). A file rather than a vite plugin because
 * crxjs builds the content script in a separate pass without our plugins;
 * aliases reach it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeCategories } from '../src/shared/categories.ts';
import type { BuiltDataset } from './data/build.ts';

export function datasetModule(built: BuiltDataset): string {
  return [
    `// Generated from data/ by tools/dataset-module.ts: do not edit.`,
    `export const indexBase64 = ${JSON.stringify(Buffer.from(built.bytes).toString('base64'))};`,
    `export const bundleJson = ${JSON.stringify(JSON.stringify(built.bundle))};`,
    `export const entryCategories = ${JSON.stringify(encodeCategories(built.bundle.entries))};`,
    '',
  ].join('\n');
}

export function writeDatasetModule(built: BuiltDataset, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, datasetModule(built));
}
