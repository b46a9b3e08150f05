/**
 * The "Run on all sites" switch, as the popup and the options page both show
 * it: it mirrors the optional host permission, whoever changed it (this
 * page, the other one, or the browser's own extension settings), and asks
 * for or gives up the permission when the reader flips it. The background
 * registers or removes the content script when the permission changes
 * (src/background/index.ts).
 */
import browser from 'webextension-polyfill';
import { hasAllSites, requestAllSites, revokeAllSites } from './permissions.ts';

export async function bindAllSitesSwitch(input: HTMLInputElement): Promise<void> {
  const show = async () => {
    input.checked = await hasAllSites();
  };
  await show();
  browser.permissions.onAdded.addListener(() => void show());
  browser.permissions.onRemoved.addListener(() => void show());
  input.addEventListener('change', () => {
    // The request must be the first thing the change does: browsers only prompt during a user gesture.
    const change = input.checked ? requestAllSites() : revokeAllSites();
    void change.then(show, show);
  });
}
