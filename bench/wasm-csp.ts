/**
 * Can a content script run WebAssembly on a page that has a Content
 * Security Policy? The answer decides whether a WebAssembly scanner could
 * replace the JavaScript one (BENCHMARKS.md, "WebAssembly in a content
 * script"), so it is measured, in both browsers, not assumed.
 *
 * Writes a throwaway extension to a temporary folder: one content script
 * that compiles and runs a four-instruction module and writes the outcome on
 * the page's root element. Serves three pages from localhost (no CSP, a
 * `script-src 'self'` CSP, a nonce CSP as many news sites send), once with
 * the extension's default CSP and once with `'wasm-unsafe-eval'` added.
 *
 *   npx tsx bench/wasm-csp.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from '../test/e2e/support/browsers.ts';

const PAGE_CSP: Record<string, string | null> = {
  '/no-csp': null,
  '/script-src-self': "script-src 'self'",
  '/nonce': "script-src 'nonce-r4nd0m' 'strict-dynamic'; object-src 'none'",
};

/** The module (func (export "add") (param i32 i32) (result i32)), as bytes, so that nothing is fetched. */
const ADD_MODULE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11];

const CONTENT_SCRIPT = `
let outcome;
try {
  const module = new WebAssembly.Module(new Uint8Array(${JSON.stringify(ADD_MODULE)}));
  outcome = 'runs (2 + 3 = ' + new WebAssembly.Instance(module).exports.add(2, 3) + ')';
} catch (error) {
  outcome = 'blocked: ' + error.name;
}
document.documentElement.setAttribute('data-wasm-probe', outcome);
`;

function writeExtension(dir: string, extensionCsp: string | null): void {
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: 'WebAssembly probe',
    version: '1.0',
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['probe.js'], run_at: 'document_end' }],
    browser_specific_settings: { gecko: { id: 'wasm-probe@backstory.invalid' } },
  };
  if (extensionCsp) manifest.content_security_policy = { extension_pages: extensionCsp };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'probe.js'), CONTENT_SCRIPT);
}

type Probe = (url: string) => Promise<string>;

async function withChromium(extension: string, run: (probe: Probe) => Promise<void>): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'wasm-probe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  try {
    await run(async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('html[data-wasm-probe]', { timeout: 10_000 });
      const outcome = (await page.getAttribute('html', 'data-wasm-probe')) ?? '';
      await page.close();
      return outcome;
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function withFirefox(extension: string, run: (probe: Probe) => Promise<void>): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'wasm-probe-firefox-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, userDataDir: profile, args: ['--remote-allow-system-access'] });
  try {
    await browser.installExtension(extension);
    await run(async (url) => {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForSelector('html[data-wasm-probe]', { timeout: 10_000 });
      const outcome = await page.evaluate(() => document.documentElement.getAttribute('data-wasm-probe') ?? '');
      await page.close();
      return outcome;
    });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const server = createServer((request, response) => {
  const csp = PAGE_CSP[request.url ?? ''];
  if (csp === undefined) {
    response.writeHead(404);
    response.end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(csp ? { 'content-security-policy': csp } : {}) });
  response.end('<!doctype html><title>probe</title><p>A page.</p>');
});
await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

console.log('| browser | extension CSP | page CSP | WebAssembly in the content script |');
console.log('|---|---|---|---|');
try {
  for (const [browserName, launch] of [['Chromium', withChromium], ['Firefox', withFirefox]] as const) {
    for (const extensionCsp of [null, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"]) {
      const extension = mkdtempSync(join(tmpdir(), 'wasm-probe-extension-'));
      writeExtension(extension, extensionCsp);
      try {
        await launch(extension, async (probe) => {
          for (const [path, pageCsp] of Object.entries(PAGE_CSP)) {
            console.log(`| ${browserName} | ${extensionCsp ?? '(default)'} | ${pageCsp ?? '(none)'} | ${await probe(origin + path)} |`);
          }
        });
      } finally {
        rmSync(extension, { recursive: true, force: true });
      }
    }
  }
} finally {
  server.close();
}
