/** The small pieces data:check is built from. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../../src/dataset/alias-key.ts';
import { isAfter, isRealDate } from '../../../src/dataset/dates.ts';
import { firstSyntaxError, parseJson } from '../../../tools/data/json-errors.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { loadMatcher, matcherAliasKey } from '../../../tools/data/matcher-api.ts';
import { looksLikeDemonym } from '../../../tools/data/rules/aliases.ts';
import { urlProblems } from '../../../tools/data/rules/sources.ts';
import { wordCount } from '../../../tools/data/rules/style.ts';

describe('aliasKey (the stand-in for the matcher folding)', () => {
  it('ignores case, diacritics, apostrophes, dashes, possessives and acronym dots', () => {
    expect(aliasKey('Qasem Soleimaní')).toBe(aliasKey('qasem soleimani'));
    expect(aliasKey('Kata’ib Hezbollah')).toBe(aliasKey("Kataib Hezbollah"));
    expect(aliasKey('Al-Omar')).toBe(aliasKey('Al Omar'));
    expect(aliasKey('U.S.')).toBe(aliasKey('US'));
    expect(aliasKey("Hamas's")).toBe(aliasKey('Hamas'));
    expect(aliasKey('Deir ez-Zor')).not.toBe(aliasKey('Deir el-Zour'));
    expect(aliasKey(" - ' ")).toBe('');
  });

  it('agrees with the matcher on every alias in data/ and on awkward spellings', async () => {
    const matcher = await loadMatcher();
    expect(matcher.ok ? '' : matcher.reason, 'the matcher must load for this comparison').toBe('');
    if (!matcher.ok) return;
    const { dataset } = await loadDataset(fileURLToPath(new URL('../../../data/', import.meta.url)));
    const texts = [
      ...dataset.entities.flatMap((e) => e.aliases.map((a) => a.text)),
      ...['Soleimaní', 'Kata’ib', 'U.S.', 'U.S.A.', "Hamas's", 'Fighters\'', 'Deir ez-Zor', 'IRGC–QF', 'Ḥezbollah', 'Türkiye', 'Washington, D.C.', "l'AFP", 'd’Iran', 'Qu’Israël', "dell'ONU", 'House’4', 'Sana’a', "O'Brien"],
    ];
    const fold = matcherAliasKey(matcher.api);
    const differ = texts.filter((t) => fold(t) !== aliasKey(t)).map((t) => `${JSON.stringify(t)}: matcher "${fold(t)}", stand-in "${aliasKey(t)}"`);
    expect(differ, differ.join('\n')).toEqual([]);
  });
});

describe('dates', () => {
  it('knows which days exist', () => {
    expect(['2024', '2024-02', '2024-02-29', '2023-12-31'].every(isRealDate)).toBe(true);
    expect(['2023-02-29', '2023-04-31', '2023-13', '2023-00', '23', '2023-1-1'].some(isRealDate)).toBe(false);
  });
  it('compares partial dates with today by their first day', () => {
    expect(isAfter('2026-11', '2026-11-25')).toBe(false);
    expect(isAfter('2026', '2026-11-25')).toBe(false);
    expect(isAfter('2026-11-26', '2026-11-25')).toBe(true);
    expect(isAfter('2026-12', '2026-11-25')).toBe(true);
    expect(isAfter('2027', '2026-11-25')).toBe(true);
  });
});

describe('JSON syntax errors', () => {
  it('finds the line and column of the first error, which V8 does not always give', () => {
    const text = '{\n  "entities": [\n    { "id": "a" }\n  }\n}\n';
    const result = parseJson(text);
    expect(result).toMatchObject({ ok: false, line: 4, column: 3 });
    expect(firstSyntaxError('{"a": 1,}')).toBe(8);
    expect(firstSyntaxError('{"a": tru}')).toBe(9);
    expect(firstSyntaxError('[1, 2')).toBe(5);
    expect(firstSyntaxError('{"a": "x\ny"}')).toBe(8);
  });
});

describe('source URLs', () => {
  const messages = (url: string) => urlProblems(url).map((p) => `${p.severity}: ${p.message}`);
  it('accepts canonical Wikipedia and ordinary https URLs', () => {
    expect(messages('https://en.wikipedia.org/wiki/Al-Tanf_garrison')).toEqual([]);
    expect(messages('https://www.defense.gov/News/Releases/')).toEqual([]);
  });
  it('rejects http, spaces, mobile and query forms of Wikipedia', () => {
    expect(messages('http://example.org')).toEqual(['error: must start with https://']);
    expect(messages('https://example.org/a b')[0]).toMatch(/^error: contains a space/);
    expect(messages('https://en.m.wikipedia.org/wiki/Iran')[0]).toMatch(/^error: Wikipedia URLs/);
    expect(messages('https://en.wikipedia.org/w/index.php?title=Iran')[0]).toMatch(/^error: Wikipedia URLs/);
    expect(messages('https://en.wikipedia.org/wiki/Talk:Iran')[0]).toMatch(/^error: cite the article/);
    expect(messages('https://fr.wikipedia.org/wiki/Iran')[0]).toMatch(/^warning: /);
  });
});

describe('word counts', () => {
  it('counts words, not punctuation', () => {
    expect(wordCount('The US base – at Al-Omar – was hit.')).toBe(7);
    expect(wordCount('  ')).toBe(0);
  });
});

describe('looksLikeDemonym', () => {
  it('reads the demonyms of place names, and not their other spellings', () => {
    const pairs = [['Israeli', 'Israel'], ['Iranian', 'Iran'], ['Syrian', 'Syria'], ['Lebanese', 'Lebanon'], ['Turkish', 'Turkey'], ['Iraqi', 'Iraq'], ['Palestinian', 'Palestine'], ['Chinese', 'China']];
    for (const [alias, name] of pairs) expect(looksLikeDemonym(alias!, name!), `${alias} of ${name}`).toBe(true);
    const others = [['Turkiye', 'Turkey'], ['Kobani', 'Kobane'], ['Qamishli', 'Qamishlo'], ['Israel', 'Israel'], ['Iran', 'Iranian'], ['Irbil', 'Erbil'], ['Deir ez-Zor', 'Deir']];
    for (const [alias, name] of others) expect(looksLikeDemonym(alias!, name!), `${alias} of ${name}`).toBe(false);
  });
});
