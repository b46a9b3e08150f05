/**
 * The dataset as the content script sees it: the compiled matcher index and
 * the card bundle, both inlined at build time from data/. Decoded on first
 * use, once per page.
 */
import { bundleJson, entryCategories, indexBase64 } from 'virtual:backstory-data';
import { Matcher } from '../matcher/index.ts';
import { CATEGORIES, type Category } from '../shared/categories.ts';
import { decodeBase64 } from '../shared/base64.ts';
import type { Bundle, CardEntry } from '../dataset/bundle.ts';

let matcher: Matcher | undefined;
let bundle: Bundle | undefined;

export function getMatcher(): Matcher {
  return (matcher ??= Matcher.load(decodeBase64(indexBase64)));
}

export function getBundle(): Bundle {
  return (bundle ??= JSON.parse(bundleJson) as Bundle);
}

export function getEntry(entry: number): CardEntry | undefined {
  return getBundle().entries[entry];
}

export function findEntryById(id: string): number {
  return getBundle().entries.findIndex((e) => e.id === id);
}

/** The category of an entry without parsing the bundle. */
export function categoryOfEntry(entry: number): Category {
  const code = entryCategories.charCodeAt(entry) - 48;
  return CATEGORIES[code] ?? 'organizations';
}
