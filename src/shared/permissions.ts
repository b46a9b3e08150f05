/**
 * Where Backstory may run, and the three ways it gets there:
 *
 * 1. By default, the news sites of the dataset's outlets: the manifest's
 *    content script and host permissions (generated at build time).
 * 2. "Run on all sites": the optional host permission for every site,
 *    requested from the popup. Once granted, the background registers the
 *    same content script and stylesheet for all sites
 *    (scripting.registerContentScripts); when the reader revokes it, in the
 *    popup or in the browser's own settings, the registration goes.
 * 3. "Annotate this page once": on any other page, the popup injects the
 *    content script into the current tab with scripting.executeScript, under
 *    the temporary activeTab grant that opening the popup gives. Nothing is
 *    remembered for that site.
 */
import browser from 'webextension-polyfill';

export const ALL_SITES: browser.Permissions.Permissions = { origins: ['*://*/*'] };
export const ALL_SITES_SCRIPT_ID = 'backstory-all-sites';

/** The content script and stylesheet the manifest injects on the curated sites (their built paths). */
export function contentScriptFiles(): { js: string[]; css: string[]; matches: string[] } {
  const script = browser.runtime.getManifest().content_scripts?.[0];
  // Firefox reports full moz-extension:// URLs; the scripting API wants paths within the extension.
  const base = browser.runtime.getURL('/');
  const path = (file: string) => (file.startsWith(base) ? file.slice(base.length) : file.replace(/^\//, ''));
  return { js: (script?.js ?? []).map(path), css: (script?.css ?? []).map(path), matches: script?.matches ?? [] };
}

export function hasAllSites(): Promise<boolean> {
  return browser.permissions.contains(ALL_SITES);
}

/** Must run in the handler of the reader's click: browsers only prompt on a user gesture. */
export function requestAllSites(): Promise<boolean> {
  return browser.permissions.request(ALL_SITES);
}

export function revokeAllSites(): Promise<boolean> {
  return browser.permissions.remove(ALL_SITES);
}

/**
 * Brings the all-sites registration in line with the permission: registered
 * when granted, absent when not. Safe to call any number of times (the
 * background calls it at start-up and whenever permissions change).
 */
export function syncAllSitesScript(): Promise<'registered' | 'unregistered' | 'unchanged'> {
  // One at a time: the start-up call and onInstalled's (or a quick revoke and
  // grant) would both find no registration, and the second register throws.
  const run = syncing.then(syncOnce);
  syncing = run.catch(() => undefined);
  return run;
}

let syncing: Promise<unknown> = Promise.resolve();

async function syncOnce(): Promise<'registered' | 'unregistered' | 'unchanged'> {
  const granted = await hasAllSites();
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] })).length > 0;
  if (granted === registered) return 'unchanged';
  if (!granted) {
    await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
    return 'unregistered';
  }
  const { js, css, matches } = contentScriptFiles();
  await browser.scripting.registerContentScripts([
    {
      id: ALL_SITES_SCRIPT_ID,
      matches: ALL_SITES.origins!,
      // The curated sites already get the manifest's script.
      excludeMatches: matches,
      js,
      css,
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  return 'registered';
}

/**
 * Annotates one tab now: the stylesheet, then the script. A copy already on
 * the page hands over to the new one (src/content/context.ts), so this never
 * doubles annotations.
 */
export async function injectInto(tabId: number): Promise<void> {
  const { js, css } = contentScriptFiles();
  if (css.length > 0) await browser.scripting.insertCSS({ target: { tabId }, files: css });
  await browser.scripting.executeScript({ target: { tabId }, files: js });
}

/**
 * The tab's document type (document.contentType: "text/html", "text/plain",
 * "application/pdf"…), or undefined where Backstory may not look (no grant,
 * a browser page). The content script reads HTML documents only.
 */
export async function documentTypeOf(tabId: number): Promise<string | undefined> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.contentType });
    return typeof frame?.result === 'string' ? frame.result : undefined;
  } catch {
    return undefined;
  }
}
