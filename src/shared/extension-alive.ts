import browser from 'webextension-polyfill';

/**
 * After the extension is reloaded or updated, an old copy's connection to it
 * is gone ("Extension context invalidated"): its runtime has no id any more.
 */
export function isExtensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
