/**
 * The store packages: the development build's manifest minus the demo
 * page's hosts, and a zip that holds exactly the build's files.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PATTERNS } from '../../../tools/host-patterns.ts';
import { storeManifest, zipDirectory } from '../../../tools/package.ts';

const OUTLETS = ['*://*.example-news.com/*', '*://*.other-paper.org/*'];
const built = {
  manifest_version: 3,
  name: 'Backstory',
  host_permissions: [...OUTLETS, ...DEMO_PATTERNS],
  optional_host_permissions: ['*://*/*'],
  content_scripts: [{ matches: [...OUTLETS, ...DEMO_PATTERNS], js: ['content.js'] }],
  web_accessible_resources: [{ resources: ['chunk.js'], matches: [...OUTLETS, ...DEMO_PATTERNS] }],
};

/** The files of a zip as the writer made them (deflate, no data descriptors). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const packed = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString();
    const start = at + 30 + nameLength + extra;
    files.set(name, inflateRawSync(zip.subarray(start, start + packed)));
    at = start + packed;
  }
  return files;
}

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('store packages', () => {
  it('leave the demo page’s hosts out of the manifest, and everything else as built', () => {
    const store = storeManifest(built);
    expect(store.host_permissions).toEqual(OUTLETS);
    expect((store.content_scripts as Array<{ matches: string[] }>)[0]!.matches).toEqual(OUTLETS);
    expect((store.web_accessible_resources as Array<{ matches: string[] }>)[0]!.matches).toEqual(OUTLETS);
    expect(store.optional_host_permissions).toEqual(['*://*/*']);
    expect(JSON.stringify(store)).not.toMatch(/localhost|127\.0\.0\.1/);
    // The build itself is left as it was.
    expect(built.host_permissions).toContain(DEMO_PATTERNS[0]);
  });

  it('zip every file of the build, with the store manifest in place of the built one', () => {
    dir = mkdtempSync(join(tmpdir(), 'backstory-package-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(built));
    writeFileSync(join(dir, 'assets', 'content.js'), 'console.log(1);');
    const files = unzip(zipDirectory(dir, { 'manifest.json': Buffer.from(JSON.stringify(storeManifest(built))) }));
    expect([...files.keys()]).toEqual(['assets/content.js', 'manifest.json']);
    expect(files.get('assets/content.js')!.toString()).toBe('console.log(1);');
    expect(JSON.parse(files.get('manifest.json')!.toString()).host_permissions).toEqual(OUTLETS);
  });
});
