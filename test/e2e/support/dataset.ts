/** The dataset the extension was built from, for the tests' expectations. */
import { resolve } from 'node:path';
import { buildDataset } from '../../../tools/data/build.ts';
import type { CardEntry } from '../../../src/dataset/bundle.ts';
import { ROOT } from './paths.ts';

let entries: Promise<CardEntry[]> | undefined;

export function datasetEntries(): Promise<CardEntry[]> {
  entries ??= buildDataset(resolve(ROOT, process.env.BACKSTORY_DATA ?? 'data')).then((built) => {
    if (!built.ok) throw new Error('the dataset does not build; run npm run data:check');
    return built.bundle.entries;
  });
  return entries;
}

export async function entryById(id: string): Promise<CardEntry> {
  const entry = (await datasetEntries()).find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id} in the dataset`);
  return entry;
}
