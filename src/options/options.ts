/** The options page: what does not fit the popup. */
import { t } from '../shared/i18n.ts';

for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  element.textContent = t(element.dataset.i18n!);
}
