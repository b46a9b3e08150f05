/**
 * The extension pages in Arabic: every text slot of the popup and the
 * options page gets its Arabic message, and the page turns right to left.
 * (In a browser this needs Chromium's Arabic locale; see card-display.spec.ts.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string) => JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const state = vi.hoisted(() => ({ messages: {} as Messages, dir: 'ltr', locale: 'en' }));

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage(key: string) {
        if (key === '@@bidi_dir') return state.dir;
        if (key === '@@ui_locale') return state.locale;
        return state.messages[key]?.message ?? '';
      },
    },
  },
}));

const { t, translatePage, uiDirection, uiLanguage } = await import('../../../src/shared/i18n.ts');

function page(path: string): Document {
  const window = new Window();
  window.document.write(readFileSync(resolve(ROOT, path), 'utf8'));
  return window.document as unknown as Document;
}

describe('i18n', () => {
  beforeEach(() => {
    state.messages = load('ar');
    state.dir = 'rtl';
    state.locale = 'ar';
  });

  it('reports the UI direction and language', () => {
    expect(uiDirection()).toBe('rtl');
    expect(uiLanguage()).toBe('ar');
    state.dir = 'ltr';
    state.locale = 'en_GB';
    expect(uiDirection()).toBe('ltr');
    expect(uiLanguage()).toBe('en-GB');
  });

  it('shows the key rather than nothing for a message that does not exist', () => {
    expect(t('noSuchMessage')).toBe('noSuchMessage');
  });

  for (const path of ['src/popup/popup.html', 'src/options/options.html']) {
    it(`${path}: every text in Arabic, the page right to left`, () => {
      const doc = page(path);
      translatePage(doc);
      expect(doc.documentElement.dir).toBe('rtl');
      expect(doc.documentElement.lang).toBe('ar');
      const slots = [...doc.querySelectorAll<HTMLElement>('[data-i18n]')];
      expect(slots.length).toBeGreaterThan(10);
      for (const slot of slots) expect(slot.textContent, slot.dataset.i18n).toBe(state.messages[slot.dataset.i18n!]!.message);
      const arabic = slots.filter((s) => /[\u0600-\u06FF]/.test(s.textContent ?? ''));
      // All but the brand name.
      expect(arabic.length).toBe(slots.filter((s) => s.dataset.i18n !== 'extensionName').length);
      for (const input of doc.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
        expect(input.getAttribute('placeholder')).toBe(state.messages[input.dataset.i18nPlaceholder!]!.message);
      }
    });
  }
});
