/** The Firefox package passes Mozilla's add-on linter with nothing to report. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_CHROME, DIST_FIREFOX, ROOT, requireBuilt } from '../support/paths.ts';

describe('web-ext lint', () => {
  it('reports 0 errors, 0 warnings and 0 notices on dist/firefox', () => {
    requireBuilt(DIST_FIREFOX);
    const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', DIST_FIREFOX, '--self-hosted', '--output', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const start = result.stdout.indexOf('{');
    expect(start, `web-ext printed no JSON: ${result.stderr}`).toBeGreaterThanOrEqual(0);
    const report = JSON.parse(result.stdout.slice(start));
    const messages = [...report.errors, ...report.warnings, ...report.notices].map(
      (m: { code: string; message: string; file?: string }) => `${m.code}: ${m.message} (${m.file ?? ''})`,
    );
    expect(messages).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
  });
});

describe('built scripts', () => {
  // A non-ASCII character makes the browser scan the whole 1 MB content script as two-byte text.
  it.each([DIST_CHROME, DIST_FIREFOX])('are pure ASCII in %s', (dist) => {
    requireBuilt(dist);
    const scripts = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const offending = scripts.filter((file) => /[^\x00-\x7f]/.test(readFileSync(join(dist, file), 'utf8')));
    expect(offending).toEqual([]);
  });
});
