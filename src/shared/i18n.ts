/**
 * UI text from _locales (browser.i18n). Falls back to the key's English text
 * given by the caller's defaults only when the message is missing, so a gap
 * in a translation shows English rather than nothing.
 */
import browser from 'webextension-polyfill';

export function t(key: string, substitutions?: string | string[]): string {
  try {
    const text = browser.i18n.getMessage(key, substitutions);
    if (text) return text;
  } catch {
    // The extension context can be gone (reloaded); the caller still needs text.
  }
  return key;
}
