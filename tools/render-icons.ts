/**
 * Renders assets/icons/icon.svg to the PNG sizes the manifest lists, with the
 * system Chromium. Run after changing the SVG: `npx tsx tools/render-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/support/browsers.ts';

const dir = resolve(import.meta.dirname, '../assets/icons');
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: resolve(dir, `icon-${size}.png`), omitBackground: true });
}
await browser.close();
console.log('icons written to', dir);
