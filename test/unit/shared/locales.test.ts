/**
 * The UI text: every key the code uses exists in English, every language
 * has exactly the English keys and placeholders, and the Arabic text is
 * Arabic (a missing translation would otherwise show English silently).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSESSMENTS, CLAIM_RELATIONS, ENTITY_KINDS, ENTITY_RELATIONS, FUNDING_MODELS } from '../../../src/dataset/types.ts';
import { CATEGORIES } from '../../../src/shared/categories.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (lang: string) => JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const languages = readdirSync(resolve(ROOT, 'public/_locales'));
const en = read('en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(resolve(dir, d.name)) : /\.(ts|html)$/.test(d.name) ? [resolve(dir, d.name)] : [],
  );
}

/** Keys named literally in the code, the HTML and the manifest. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  const uiDirs = ['src/content', 'src/popup', 'src/options', 'src/background', 'src/shared'].map((d) => resolve(ROOT, d));
  for (const file of uiDirs.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([A-Za-z_]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z_]+)"/g)) keys.add(m[1]!);
  }
  for (const m of readFileSync(resolve(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z_]+)__/g)) keys.add(m[1]!);
  return keys;
}

/** Keys built from dataset values (`kind_${kind}`…): every value needs its text. */
function familyKeys(): string[] {
  const underscore = (v: string) => v.replaceAll('-', '_');
  return [
    ...ENTITY_KINDS.map((k) => `kind_${underscore(k)}`),
    'kind_claim',
    ...CATEGORIES.map((c) => `category_${c}`),
    ...ASSESSMENTS.flatMap((a) => [`assessment_${underscore(a)}`, `assessmentMeaning_${underscore(a)}`]),
    ...[...new Set([...ENTITY_RELATIONS, ...CLAIM_RELATIONS])].map((r) => `relation_${underscore(r)}`),
    ...FUNDING_MODELS.flatMap((f) => [`funding_${underscore(f)}`, `fundingMeaning_${underscore(f)}`]),
  ];
}

const placeholdersIn = (text: string) => [...text.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('locales', () => {
  it('include English and at least one right-to-left language', () => {
    expect(languages).toContain('en');
    expect(languages).toContain('ar');
  });

  it('have every key the code uses, and no key it does not', () => {
    const used = new Set([...literalKeys(), ...familyKeys()]);
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
    const unused = Object.keys(en).filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });

  for (const lang of languages) {
    it(`${lang}: same keys as English, placeholders declared and the same`, () => {
      const messages = read(lang);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message, placeholders }] of Object.entries(messages)) {
        expect(message.trim(), key).not.toBe('');
        const named = [...new Set(placeholdersIn(message))];
        expect(Object.keys(placeholders ?? {}).sort(), key).toEqual(named);
        expect(named, key).toEqual([...new Set(placeholdersIn(en[key]!.message))]);
        for (const name of named) expect(placeholders![name]!.content, key).toBe(en[key]!.placeholders![name]!.content);
      }
    });
  }

  it('ar: every message is written in Arabic, apart from names and pure formats', () => {
    const notText = new Set(['extensionName', 'cardLabel', 'cardFooterDataset', 'popupMentionCount', 'optionsSitePlaceholder', 'cardSourcePublisher']);
    const arabic = /[\u0600-\u06FF]/;
    const untranslated = Object.entries(read('ar'))
      .filter(([key, { message }]) => !notText.has(key) && !arabic.test(message))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
