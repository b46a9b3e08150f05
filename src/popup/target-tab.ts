/**
 * The tab the popup speaks for: the active tab of its window. `?tab=<id>`
 * names another one; the end-to-end tests open the popup as a page of its
 * own that way, since a test cannot click the toolbar button.
 */
import browser, { type Tabs } from 'webextension-polyfill';

export async function targetTab(): Promise<Tabs.Tab | undefined> {
  const named = new URLSearchParams(location.search).get('tab');
  if (named !== null) return browser.tabs.get(Number(named)).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** A real toolbar popup closes itself after sending the reader to the page; a popup opened as a page stays. */
export function closePopup(): void {
  if (new URLSearchParams(location.search).has('tab')) return;
  window.close();
}

/** Backstory can only ever run on web pages. */
export function isWebPage(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//.test(url);
}
