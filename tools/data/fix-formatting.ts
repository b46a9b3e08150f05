/**
 * `data:check --fix`: rewrite files into canonical formatting and id order.
 * Content is never touched; files that are not valid JSON are left alone.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalText } from './canonical.ts';
import type { LoadedDataset } from './load.ts';

/** Rewrites what needs it and returns the paths rewritten. */
export async function fixFormatting(loaded: LoadedDataset): Promise<string[]> {
  const rewritten: string[] = [];
  for (const file of loaded.files) {
    if (file.json === undefined) continue;
    const canonical = canonicalText(file.json);
    if (canonical === file.text) continue;
    await writeFile(path.resolve(process.cwd(), file.path), canonical, 'utf8');
    rewritten.push(file.path);
  }
  return rewritten;
}
