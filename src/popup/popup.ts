/** The toolbar popup: turns Backstory on and off for every site. */
import { loadSettings, updateSettings } from '../shared/settings.ts';
import { t } from '../shared/i18n.ts';

function translate(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n!);
  }
}

async function main(): Promise<void> {
  translate(document);
  const toggle = document.querySelector<HTMLInputElement>('#enabled')!;
  const status = document.querySelector<HTMLElement>('#status')!;
  const show = (enabled: boolean) => {
    toggle.checked = enabled;
    status.textContent = t(enabled ? 'popupEnabled' : 'popupDisabled');
  };
  show((await loadSettings()).enabled);
  toggle.addEventListener('change', async () => {
    const settings = await updateSettings({ enabled: toggle.checked });
    show(settings.enabled);
  });
}

void main();
