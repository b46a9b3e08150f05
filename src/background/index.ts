/**
 * Background: the toolbar badge, the keyboard shortcuts, the all-sites
 * content script, settings migrations on install or update, and the bundled
 * dataset's copy in storage for content scripts. It holds no page data:
 * content scripts report their counts, and shortcuts are forwarded to the
 * active tab's content script.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isAnnotationsReply, isBackgroundRequest, type ContentRequest } from '../shared/messages.ts';
import { loadSettings, persistMigrations } from '../shared/settings.ts';
import { ALL_SITES, injectInto, syncAllSitesScript } from '../shared/permissions.ts';
import { BundledDatasetServer } from '../shared/bundled-dataset-delivery.ts';
import { datasetKey } from 'virtual:backstory-data';
import { BUNDLED_CARDS_FILE, BUNDLED_INDEX_FILE } from '../shared/bundled-dataset-record.ts';

const BADGE_COLOUR = '#3b5bdb';

const dataset = new BundledDatasetServer(async () => {
  const [index, bundle] = await Promise.all([BUNDLED_INDEX_FILE, BUNDLED_CARDS_FILE].map(packagedText));
  return { key: datasetKey, index: index!, bundle: bundle! };
});

/** A file of the extension's own package (not web-accessible: only its own pages and this worker read it). */
async function packagedText(path: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  if (message.type === 'bundled-dataset') return dataset.answer(message.repair);
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  return showCount(tabId, message.count);
});

async function showCount(tabId: number, count: number): Promise<void> {
  const { badge } = await loadSettings();
  const text = badge && count > 0 ? String(count) : '';
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile.
  }
}

/** When the badge is switched on or off, open tabs follow at once. */
async function refreshBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      const request: ContentRequest = { type: 'get-annotations' };
      const reply: unknown = await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
      await showCount(tab.id, isAnnotationsReply(reply) ? reply.annotations.length : 0);
    }),
  );
}

// Straight from the change rather than from a remembered value: a service
// worker woken by this very change has nothing remembered.
browser.storage.onChanged.addListener((changes, area) => {
  if ((area === 'sync' || area === 'local') && 'badge' in changes) void refreshBadges();
});

// "Run on all sites" follows the permission, however the reader changed it
// (the popup, or the browser's own extension settings).
const syncScripts = () =>
  void syncAllSitesScript().catch((error: unknown) => console.error('Backstory: could not update the all-sites content script:', error));
browser.permissions.onAdded.addListener((added) => {
  syncScripts();
  if (added.origins?.some((origin) => ALL_SITES.origins!.includes(origin))) void annotateActiveTab();
});
browser.permissions.onRemoved.addListener(syncScripts);

/**
 * Just granted "all sites": the page the reader is on need not wait for a
 * reload. (Chrome closes the popup when it shows the permission prompt, so
 * the popup cannot do this itself.)
 */
async function annotateActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  const request: ContentRequest = { type: 'get-annotations' };
  const running = await browser.tabs.sendMessage(tab.id, request).then(
    () => true,
    () => false,
  );
  if (!running) await injectInto(tab.id).catch(() => undefined); // a page no extension may touch
}
browser.runtime.onStartup.addListener(syncScripts);
browser.runtime.onInstalled.addListener(() => {
  void persistMigrations();
  void dataset.store();
  syncScripts();
});
syncScripts();

// Firefox for Android has no keyboard commands (no commands API): last, and only where it exists.
const commands = browser.commands as typeof browser.commands | undefined;
commands?.onCommand.addListener(async (command) => {
  const direction = command === 'next-annotation' ? 'next' : command === 'previous-annotation' ? 'previous' : null;
  if (!direction) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const request: ContentRequest = { type: 'step-annotation', direction };
  await browser.tabs.sendMessage(tab.id, request).catch(() => {
    // No content script on this tab (not a news page, or Backstory is off).
  });
});
