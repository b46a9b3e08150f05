import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST_CHROME = resolve(ROOT, 'dist/chrome');
export const DIST_FIREFOX = resolve(ROOT, 'dist/firefox');
export const FIXTURE_PAGES = resolve(ROOT, 'test/fixtures/pages');
/** Mozilla Readability's saved news pages, next to the project; absent on some machines. */
export const CORPUS = resolve(ROOT, '../shared/corpus/readability');
export const hasCorpus = existsSync(CORPUS);

export function requireBuilt(dist: string): void {
  if (!existsSync(resolve(dist, 'manifest.json'))) {
    throw new Error(`${dist} is not built: run npm run build first`);
  }
}
