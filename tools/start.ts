/**
 * npm start: builds Backstory for Chromium, serves the demo page on
 * localhost, and opens Chromium with the extension loaded on it.
 * Needs a display; on a machine without one: xvfb-run -a npm start
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer } from './static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/support/browsers.ts';

const root = resolve(import.meta.dirname, '..');

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'npm start opens a browser window, and this machine has no display.\n' +
      'Run it under a virtual display instead:  xvfb-run -a npm start\n' +
      '(or load dist/chrome yourself: chrome://extensions → Developer mode → Load unpacked).',
  );
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startStaticServer({ '/': join(root, 'test/fixtures/pages') }, Number(process.env.PORT ?? 8080));
const demo = `${server.url}/seed-article.html`;
const profile = mkdtempSync(join(tmpdir(), 'backstory-start-'));
const dist = join(root, 'dist/chrome');
console.log(`Demo page: ${demo}\nChromium profile: ${profile} (removed on exit)`);

const chromium = spawn(
  CHROMIUM_PATH,
  [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, demo],
  { stdio: 'inherit' },
);
const stop = () => chromium.kill();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
chromium.on('exit', async (code) => {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code ?? 0);
});
