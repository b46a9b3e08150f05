/**
 * npm run package: zips dist/chrome and dist/firefox into store-ready
 * packages (dist/backstory-<target>-<version>.zip). A plain zip writer on
 * Node's zlib, so a fresh machine needs no zip tool.
 *
 * The packages' manifest leaves out the local demo page's hosts (localhost,
 * 127.0.0.1): the development build in dist/ needs them for the demo and
 * the tests, a reader's browser does not (it would read any local server's
 * or router's pages).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DEMO_PATTERNS } from './host-patterns.ts';

const root = resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A zip archive (deflate) of every file under dir, paths relative to it; `replaced` gives other contents for some of them. */
export function zipDirectory(dir: string, replaced: Readonly<Record<string, Buffer>> = {}): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // Fixed timestamp (1 Jan 2024) so the same input gives the same package.
  const dosTime = 0;
  const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 1;
  const files = filesUnder(dir);
  for (const file of files) {
    const path = relative(dir, file).split('\\').join('/');
    const name = Buffer.from(path);
    const data = replaced[path] ?? readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(dosTime, 12);
    entry.writeUInt16LE(dosDate, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += header.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

/** The built manifest as the stores get it: every match pattern of the demo page's hosts removed. */
export function storeManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const demo = new Set(DEMO_PATTERNS);
  const keep = (patterns: unknown) => (Array.isArray(patterns) ? patterns.filter((p) => !demo.has(p as string)) : patterns);
  const out = structuredClone(manifest);
  if ('host_permissions' in out) out.host_permissions = keep(out.host_permissions);
  if (Array.isArray(out.content_scripts)) {
    for (const script of out.content_scripts as Array<Record<string, unknown>>) script.matches = keep(script.matches);
  }
  if (Array.isArray(out.web_accessible_resources)) {
    for (const resource of out.web_accessible_resources as Array<Record<string, unknown>>) if ('matches' in resource) resource.matches = keep(resource.matches);
  }
  return out;
}

function main(): void {
  const version = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).version as string;
  for (const target of ['chrome', 'firefox']) {
    const dir = join(root, 'dist', target);
    const out = join(root, 'dist', `backstory-${target}-${version}.zip`);
    const manifest = storeManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>);
    writeFileSync(out, zipDirectory(dir, { 'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }));
    console.log(`packaged ${relative(root, out)} (${statSync(out).size} bytes)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
