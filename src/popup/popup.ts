/**
 * The toolbar popup: tune Backstory in seconds. Everything here is a setting
 * (stored through src/shared/settings.ts, which open tabs follow at once), a
 * permission (src/shared/permissions.ts), or a question to the tab's content
 * script (typed messages, src/shared/messages.ts).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { Category } from '../shared/categories.ts';
import { t, translatePage } from '../shared/i18n.ts';
import { isAnnotationsReply, isBackgroundRequest, type ContentRequest, type PageAnnotation } from '../shared/messages.ts';
import { bindAllSitesSwitch } from '../shared/all-sites-switch.ts';
import { documentTypeOf, injectInto } from '../shared/permissions.ts';
import { isSiteDisabled, isSiteEnabled, loadSettings, updateSettings, watchSettings, withSite, type Settings, type SettingsChange } from '../shared/settings.ts';
import { showAboutSite } from './about-site.ts';
import { renderPageList } from './page-list.ts';
import { showShortcuts } from './shortcuts.ts';
import { closePopup, isWebPage, targetTab } from './target-tab.ts';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

type RadioKey = 'highlightStyle' | 'mentions' | 'renderer' | 'scope';
const RADIO_KEYS: readonly RadioKey[] = ['highlightStyle', 'mentions', 'scope', 'renderer'];

async function main(): Promise<void> {
  translatePage(document);
  const tab = await targetTab();
  const tabId = tab?.id;
  // No URL means no access to the tab yet (a site outside the list, before
  // any grant): treat it as a web page Backstory could be asked to run on.
  const web = tab !== undefined && (tab.url === undefined || isWebPage(tab.url));
  const hostname = web && tab?.url ? new URL(tab.url).hostname : '';
  let settings = await loadSettings();
  let covered = false;

  // --- settings ------------------------------------------------------------------
  const show = (next: Settings) => {
    settings = next;
    $<HTMLInputElement>('#enabled').checked = next.enabled;
    $<HTMLInputElement>('#site-enabled').checked = hostname !== '' && !isSiteDisabled(next, hostname);
    $<HTMLInputElement>('#site-enabled').disabled = !next.enabled;
    $<HTMLInputElement>('#badge').checked = next.badge;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name="category"]')) {
      input.checked = next.categories[input.value as Category];
    }
    for (const key of RADIO_KEYS) {
      for (const input of document.querySelectorAll<HTMLInputElement>(`input[name="${key}"]`)) input.checked = input.value === next[key];
    }
    const here = hostname !== '' && isSiteEnabled(next, hostname);
    $('#status').textContent = !next.enabled ? t('popupDisabled') : hostname && !here ? t('popupDisabledHere') : t('popupEnabled');
  };
  show(settings);
  watchSettings(show, new AbortController().signal);
  // A change storage refused: the controls go back to what is stored, and the reader is told.
  const save = (change: SettingsChange) =>
    void updateSettings(change).then(show, async () => {
      show(await loadSettings());
      $('#status').textContent = t('settingsNotSaved');
    });

  $<HTMLInputElement>('#enabled').addEventListener('change', (e) => save({ enabled: (e.target as HTMLInputElement).checked }));
  $<HTMLInputElement>('#site-enabled').addEventListener(
    'change',
    (e) => {
      const on = (e.target as HTMLInputElement).checked;
      save((current) => withSite(current, hostname, on));
    },
  );
  $<HTMLInputElement>('#badge').addEventListener('change', (e) => save({ badge: (e.target as HTMLInputElement).checked }));
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="category"]')) {
    input.addEventListener('change', () => {
      const on = input.checked;
      save((current) => ({ categories: { ...current.categories, [input.value as Category]: on } }));
    });
  }
  for (const key of RADIO_KEYS) {
    for (const input of document.querySelectorAll<HTMLInputElement>(`input[name="${key}"]`)) {
      input.addEventListener('change', () => {
        if (input.checked) save({ [key]: input.value } as Partial<Settings>);
      });
    }
  }

  // --- this site and this page ------------------------------------------------------
  $('#site-name').textContent = hostname || '—';
  $('#site-switch').hidden = hostname === '';
  $('#restricted').hidden = web;

  let asked = 0;
  const refreshPage = async (): Promise<void> => {
    const question = ++asked;
    const annotations = tabId === undefined || !web ? undefined : await askForAnnotations(tabId);
    if (question !== asked) return; // a later answer is coming: an earlier one must not overwrite it
    covered = annotations !== undefined;
    // No script answered: on a document that is not HTML (plain text, a PDF,
    // an image) none would, and offering to run once would do nothing.
    const notHtml = !covered && web && tabId !== undefined && (await isOtherDocument(tabId));
    if (question !== asked) return;
    $('#not-covered').hidden = covered || !web || notHtml;
    $('#not-html').hidden = !notHtml;
    showPageList(annotations ?? []);
  };
  const showPageList = (annotations: readonly PageAnnotation[]) => {
    $('#page-count').textContent = annotations.length > 0 ? String(annotations.length) : '';
    // "Nothing found" only where Backstory actually looked.
    $('#page-empty').hidden = annotations.length > 0 || !covered || !isSiteEnabled(settings, hostname);
    renderPageList($('#page-groups'), annotations, (id) => {
      if (tabId === undefined) return;
      const request: ContentRequest = { type: 'reveal-annotation', id };
      void browser.tabs.sendMessage(tabId, request).then(closePopup, () => undefined);
    });
  };
  // Not waited for yet: a page still starting answers late (it waits for its
  // card bundle), and the controls below must work meanwhile.
  const firstList = refreshPage();
  // The page reports its count whenever it re-annotates (a setting changed,
  // the page grew, the script was injected): the list follows.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (isBackgroundRequest(message) && sender.tab?.id === tabId) void refreshPage();
    return undefined;
  });

  $<HTMLButtonElement>('#annotate-once').addEventListener('click', async () => {
    if (tabId === undefined) return;
    try {
      await injectInto(tabId);
    } catch (error) {
      $('#status').textContent = t('popupInjectFailed');
      console.warn('Backstory: could not annotate this page:', error);
    }
  });

  if (hostname) showAboutSite(document, hostname);

  // --- all sites ------------------------------------------------------------------
  // Once granted, the background registers the script and annotates the current tab.
  await bindAllSitesSwitch($<HTMLInputElement>('#all-sites'));

  // --- the rest ---------------------------------------------------------------------
  $<HTMLButtonElement>('#open-options').addEventListener('click', () => void browser.runtime.openOptionsPage().then(closePopup));
  await showShortcuts(document);
  await firstList;
  document.body.dataset.ready = '';
}

/** Is the tab's document known to be something other than HTML? (Unknown counts as no.) */
async function isOtherDocument(tabId: number): Promise<boolean> {
  const type = await documentTypeOf(tabId);
  return type !== undefined && type !== 'text/html';
}

/** The tab's annotations, or undefined when no content script answers there. */
async function askForAnnotations(tabId: number): Promise<PageAnnotation[] | undefined> {
  const request: ContentRequest = { type: 'get-annotations' };
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, request);
    return isAnnotationsReply(reply) ? reply.annotations : undefined;
  } catch {
    return undefined;
  }
}

void main();
