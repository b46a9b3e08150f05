/**
 * Vite plugin: compiles data/ into `virtual:backstory-data`, the module the
 * content script and popup import (see src/types/virtual-modules.d.ts).
 * The build fails, naming entry and field, if the dataset has errors.
 */
import type { Plugin } from 'vite';
import { CATEGORIES, categoryOf } from '../src/shared/categories.ts';
import type { BuiltDataset } from './data/build.ts';

const ID = 'virtual:backstory-data';
const RESOLVED = `\0${ID}`;

export function datasetModule(built: BuiltDataset): string {
  const categories = built.bundle.entries.map((entry) => String(CATEGORIES.indexOf(categoryOf(entry)))).join('');
  return [
    `export const indexBase64 = ${JSON.stringify(Buffer.from(built.bytes).toString('base64'))};`,
    `export const bundleJson = ${JSON.stringify(JSON.stringify(built.bundle))};`,
    `export const entryCategories = ${JSON.stringify(categories)};`,
  ].join('\n');
}

export function datasetPlugin(built: BuiltDataset, dataFiles: string[]): Plugin {
  return {
    name: 'backstory-dataset',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const file of dataFiles) this.addWatchFile(file);
      return datasetModule(built);
    },
  };
}
