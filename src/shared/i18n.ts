/**
 * UI text from _locales (browser.i18n), in the browser's UI language with
 * English as the fallback (manifest default_locale). A key missing from every
 * locale shows the key itself, which the locale completeness test forbids.
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

/** "rtl" for Arabic, Hebrew, Persian UIs; "ltr" otherwise. */
export function uiDirection(): 'ltr' | 'rtl' {
  return t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** The UI language as the browser reports it (e.g. "en", "ar"). */
export function uiLanguage(): string {
  const language = t('@@ui_locale');
  return language === '@@ui_locale' ? 'en' : language.replace('_', '-');
}

/**
 * Fills an extension page's static text: `data-i18n` sets textContent,
 * `data-i18n-title` / `data-i18n-aria-label` / `data-i18n-placeholder` set
 * those attributes. Also sets the page's lang and dir.
 */
export function translatePage(doc: Document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = uiDirection();
  for (const element of doc.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = t(element.dataset.i18n!);
  for (const [data, attribute] of [
    ['i18nTitle', 'title'],
    ['i18nAriaLabel', 'aria-label'],
    ['i18nPlaceholder', 'placeholder'],
  ] as const) {
    for (const element of doc.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      element.setAttribute(attribute, t(element.dataset[data]!));
    }
  }
}
