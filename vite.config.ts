/**
 * One source tree, two targets: `TARGET=chrome` (MV3 service worker) or
 * `TARGET=firefox` (MV3 event page with browser_specific_settings), built to
 * dist/<target>.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { buildDataset, formatFailure } from './tools/data/build.ts';
import { datasetFiles, packageDataset, writeDatasetModules } from './tools/dataset-module.ts';
import { asciiOnlyScripts } from './tools/ascii-only-scripts.ts';
import { hostPatterns } from './tools/host-patterns.ts';

type Target = 'chrome' | 'firefox';

export default defineConfig(async () => {
  const target = (process.env.TARGET ?? 'chrome') as Target;
  if (target !== 'chrome' && target !== 'firefox') throw new Error(`TARGET must be chrome or firefox, not ${target}`);

  // BACKSTORY_DATA builds from another dataset folder (a test fixture, a draft).
  const built = await buildDataset(resolve(import.meta.dirname, process.env.BACKSTORY_DATA ?? 'data'));
  if (!built.ok) throw new Error(formatFailure(built));

  const packaged = packageDataset(built);
  const modules = writeDatasetModules(packaged, resolve(import.meta.dirname, 'build/generated'));

  const manifest = targetManifest(target, hostPatterns(built.bundle.entries));
  return {
    resolve: { alias: { 'virtual:backstory-data': modules.data, 'virtual:backstory-summary': modules.summary } },
    plugins: [crx({ manifest, browser: target, contentScripts: { standaloneFiles: ['src/content/index.ts'] } }), datasetFiles(packaged), asciiOnlyScripts()],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      // Keep icons as files: the manifest needs real paths.
      assetsInlineLimit: 0,
      minify: true,
      sourcemap: false,
    },
  };
});

function targetManifest(target: Target, patterns: string[]): ManifestV3Export {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  const script = manifest.content_scripts[0];
  script.matches = patterns;
  script.css = ['src/content/highlights/highlights.css'];
  manifest.host_permissions = patterns;
  if (target === 'chrome') {
    delete manifest.browser_specific_settings;
    delete manifest.background.scripts;
  } else {
    delete manifest.background.service_worker;
  }
  return manifest;
}
