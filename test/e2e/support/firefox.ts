/**
 * Firefox with the built extension, through puppeteer-core over WebDriver
 * BiDi (the only driver that works with Debian's firefox-esr here), and the
 * helpers the Firefox tests share.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from './browsers.ts';
import { DIST_FIREFOX, requireBuilt } from './paths.ts';

/** Pinned so the extension's moz-extension:// origin is known in advance. */
export const EXTENSION_UUID = '6a0b3c1e-5d2f-4e8a-9b7c-1f2e3d4c5b6a';

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  close(): Promise<void>;
}

/** `prefs`: Firefox preferences a test needs on top of the pinned extension origin. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<FirefoxWithExtension> {
  requireBuilt(DIST_FIREFOX);
  const manifest = JSON.parse(readFileSync(resolve(DIST_FIREFOX, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      ...prefs,
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  return {
    browser,
    origin: `moz-extension://${EXTENSION_UUID}`,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `probe` until `accept` takes its value, and returns that value; fails
 * with the last value after `timeoutMs`. Puppeteer's waitForFunction cannot
 * see inside our shadow root or the extension's storage, hence polling.
 */
export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Collects the page's uncaught errors and console errors into `errors`, from now on. */
export function collectErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
