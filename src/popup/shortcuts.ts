/**
 * The keyboard shortcuts, as the browser has them now (the reader may have
 * changed them), and the way to change them: Chrome's shortcuts page, or
 * Firefox's add-ons manager (directly where commands.openShortcutSettings
 * exists, Firefox 137 and later).
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.ts';

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

export async function showShortcuts(doc: Document): Promise<void> {
  const list = doc.querySelector<HTMLElement>('#shortcuts')!;
  const commands = browser.commands as typeof browser.commands | undefined;
  // Firefox for Android has no keyboard shortcuts (no commands API): no section.
  list.closest('section')!.hidden = !commands;
  if (!commands) return;
  list.replaceChildren();
  for (const command of await commands.getAll()) {
    const dt = doc.createElement('dt');
    dt.textContent = command.name === '_execute_action' ? t('popupShortcutOpen') : command.description || command.name || '';
    const dd = doc.createElement('dd');
    const key = doc.createElement('kbd');
    key.dir = 'ltr';
    key.textContent = command.shortcut || t('popupShortcutNone');
    dd.append(key);
    list.append(dt, dd);
  }
  const change = doc.querySelector<HTMLButtonElement>('#change-shortcuts')!;
  const hint = doc.querySelector<HTMLElement>('#shortcuts-hint')!;
  const openSettings = (browser.commands as { openShortcutSettings?: () => Promise<void> }).openShortcutSettings;
  if (isFirefox() && !openSettings) {
    // Older Firefox has no way for an extension to open the page: say where it is.
    change.hidden = true;
    hint.hidden = false;
    hint.textContent = t('popupShortcutsFirefox');
    return;
  }
  change.addEventListener('click', () => {
    if (openSettings) void openSettings.call(browser.commands);
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  });
}
