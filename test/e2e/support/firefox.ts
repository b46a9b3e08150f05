/**
 * Firefox with the built extension, through puppeteer-core over WebDriver
 * BiDi (the only driver that works with Debian's firefox-esr here).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
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

export async function launchFirefox(): Promise<FirefoxWithExtension> {
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
