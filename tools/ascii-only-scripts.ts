/**
 * Vite plugin: rewrites every emitted script so its source is pure ASCII,
 * each other character as a \u escape.
 *
 * A single non-ASCII character makes the browser treat a whole script as a
 * two-byte source, which measured about twice as slow to scan when the
 * content script still carried the dataset (1.3 MB); it matters most now
 * for the popup and options chunk that inlines the card bundle's JSON.
 * Rolldown's own `charset: 'ascii'` does not reach the content script,
 * which crxjs builds in a separate pass, so the written files are
 * rewritten here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function escapeNonAscii(source: string): string {
  return source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function asciiOnlyScripts(): Plugin {
  return {
    name: 'backstory-ascii-only-scripts',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      for (const fileName of Object.keys(bundle)) {
        if (!fileName.endsWith('.js')) continue;
        const path = join(dir, fileName);
        const source = readFileSync(path, 'utf8');
        const ascii = escapeNonAscii(source);
        if (ascii !== source) writeFileSync(path, ascii);
      }
    },
  };
}
