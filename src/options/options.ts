/** The options page: what does not fit the popup (datasets, the list of sites, reset). */
import browser from 'webextension-polyfill';
import { t, translatePage } from '../shared/i18n.ts';
import { bindAllSitesSwitch } from '../shared/all-sites-switch.ts';
import { readStoredSettings, resetSettings, siteKey, updateSettings, watchSettings, type Settings } from '../shared/settings.ts';
import { isSiteName } from '../shared/settings-schema.ts';
import { USER_DATASETS_KEY } from '../shared/user-datasets.ts';
import { importFile, renderDatasets, showImportOutcome, type ImportOutcome } from './datasets.ts';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

async function main(): Promise<void> {
  translatePage(document);
  const { settings: initial, rejected } = await readStoredSettings();
  let settings = initial;

  // Stored values this version could not read are said once, here, not dropped silently.
  if (rejected.length > 0) {
    const notice = $('#rejected');
    notice.hidden = false;
    notice.textContent = t('optionsRejected', rejected.map((r) => r.key).join(', '));
  }

  // --- datasets ---------------------------------------------------------------------
  const refreshDatasets = () => void renderDatasets(document);
  refreshDatasets();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && USER_DATASETS_KEY in changes) refreshDatasets();
  });
  $<HTMLInputElement>('#import-file').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let outcome: ImportOutcome;
    try {
      outcome = await importFile(file);
    } catch (error) {
      // Storage refused it (full), or compiling failed: say so rather than nothing.
      outcome = { ok: false, title: t('optionsImportFailed'), errors: [error instanceof Error ? error.message : String(error)] };
    } finally {
      input.value = ''; // the same file can be picked again
    }
    showImportOutcome($('#import-result'), outcome);
  });

  // --- sites --------------------------------------------------------------------------
  const showSiteError = (message: string) => {
    $('#site-error').textContent = message;
    if (message) $('#site-input').setAttribute('aria-invalid', 'true');
    else $('#site-input').removeAttribute('aria-invalid');
  };
  $<HTMLInputElement>('#site-input').addEventListener('input', () => showSiteError(''));

  const showSites = (next: Settings) => {
    settings = next;
    const list = $('#disabled-sites');
    list.replaceChildren();
    for (const site of next.disabledSites) {
      const li = document.createElement('li');
      li.dataset.site = site;
      const name = document.createElement('bdi');
      name.textContent = site;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('optionsSiteOn');
      button.setAttribute('aria-label', t('optionsSiteOnLabel', site));
      button.addEventListener('click', () => {
        showSiteError('');
        void updateSettings((current) => ({ disabledSites: current.disabledSites.filter((s) => s !== site) })).then(showSites, () => showSiteError(t('settingsNotSaved')));
      });
      li.append(name, ' ', button);
      list.append(li);
    }
    $('#no-disabled-sites').hidden = next.disabledSites.length > 0;
  };
  showSites(settings);
  watchSettings(showSites, new AbortController().signal);

  $<HTMLFormElement>('#add-site').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $<HTMLInputElement>('#site-input');
    const site = parseSite(input.value);
    if (!site) {
      // Said, not ignored: the reader learns why nothing happened, and the text stays to be fixed.
      if (input.value.trim()) showSiteError(t('optionsSiteInvalid'));
      return;
    }
    showSiteError('');
    void updateSettings((current) => (current.disabledSites.includes(site) ? {} : { disabledSites: [...current.disabledSites, site].sort() })).then(
      (next) => {
        input.value = '';
        showSites(next);
      },
      // Kept in the field, to try again.
      () => showSiteError(t('settingsNotSaved')),
    );
  });

  await bindAllSitesSwitch($<HTMLInputElement>('#all-sites'));

  // --- reset ----------------------------------------------------------------------------
  $<HTMLButtonElement>('#reset').addEventListener('click', async () => {
    await resetSettings();
    $('#reset-done').textContent = t('optionsResetDone');
    $('#rejected').hidden = true;
  });
  document.body.dataset.ready = '';
}

/** "https://www.example.com/x", "www.example.com" and "Example.com" all name the site "example.com". */
export function parseSite(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`);
    const site = siteKey(url.hostname);
    // What the settings would refuse to read back is refused here.
    return isSiteName(site) ? site : null;
  } catch {
    return null;
  }
}

void main();
