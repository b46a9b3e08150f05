/**
 * The matcher on real text: the seed article and saved news pages from the
 * shared corpus, read from where they live (never copied into the project).
 * Skipped when the files are absent (CI without the shared folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseWithOffsets, type Matcher } from '../../../src/matcher/index.ts';
import { matcherFor, show } from './helpers.ts';

const SEED = '/work/shared/seed-article.txt';
const CORPUS = '/work/shared/corpus/readability';

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', mdash: '—', ndash: '–' };

/** Paragraph texts of a saved page (a plain extraction; enough for these checks). */
function paragraphs(name: string): string[] {
  const html = fs.readFileSync(path.join(CORPUS, name, 'source.html'), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    const text = m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, code: string) => {
        if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
        return ENTITIES[code.toLowerCase()] ?? all;
      });
    if (text.trim() !== '') out.push(text);
  }
  return out;
}

function page(name: string): boolean {
  return fs.existsSync(path.join(CORPUS, name, 'source.html'));
}

/** Whole-word, case-insensitive occurrences: an independent count to compare with. */
function wordCount(blocks: string[], word: string, flags = 'giu'): number {
  // Not inside a longer word, nor joined by an apostrophe (Kata'ib), except a possessive 's.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?<![\\p{L}]['’])${word}(?![\\p{L}\\p{N}])(?!['’](?!s(?![\\p{L}]))[\\p{L}])`, flags);
  return blocks.reduce((n, b) => n + [...b.matchAll(re)].length, 0);
}

function found(m: Matcher, blocks: string[]) {
  return show(blocks, m.session().scan(blocks).matches);
}

describe.skipIf(!fs.existsSync(SEED))('the seed article', () => {
  const lines = fs.existsSync(SEED) ? fs.readFileSync(SEED, 'utf8').split('\n').filter((l) => l.trim() !== '') : [];
  const m = matcherFor(
    [
      ['Al-Omar oil field', 'Al-Omar'], // 0
      ['Deir ez-Zor'], // 1
      ['Conoco Gas Field', { text: 'Conoco', requires: ['Syria', 'Deir ez-Zor'] }], // 2
      ['Pat Ryder', { text: 'Ryder', afterFullName: true }], // 3
      ['Islamic Resistance in Iraq'], // 4
      ['Iraq'], // 5
      ['Mission Support Site Green Village', 'Green Village'], // 6
      ['IRGC Quds Force', 'Quds Force'], // 7
      ['Qasem Soleimani', { text: 'Soleimani', afterFullName: true }], // 8
      ['Hezbollah'], // 9
      ['Türkiye', 'Turkey'], // 10
      ['US', 'United States'], // 11
      ['Iran'], // 12
      ['Popular Mobilization Forces', 'PMF'], // 13
      ['Syria'], // 14
    ],
    [
      [{ terms: ['90 percent', 'oil|gas'] }], // 15
      [{ terms: ['$100 billion', 'damage'] }], // 16
      [{ terms: ['900 troops'] }], // 17
      [{ terms: ['16 times'], cover: 'sentence' }], // 18
    ],
  );
  const matches = found(m, lines);
  const textsOf = (entry: number) => matches.filter((f) => f.entry === entry).map((f) => f.text);

  it('finds the sites, groups and people, with their spelling variants', () => {
    expect(textsOf(0)).toContain('Al-Omar oil field');
    expect(textsOf(1).length).toBeGreaterThanOrEqual(2);
    expect(textsOf(2)).toContain('Conoco Gas Field');
    expect(textsOf(4)).toEqual(['Islamic Resistance in Iraq']);
    expect(textsOf(6)).toEqual(['Mission Support Site Green Village']);
    expect(textsOf(7)).toContain('IRGC Quds Force');
    expect(textsOf(10)).toEqual(['Turkiye']);
    expect(textsOf(13).length).toBeGreaterThanOrEqual(1);
  });

  it('counts gated aliases only with their context', () => {
    // "Conoco" alone counts: the page mentions Syria.
    expect(textsOf(2).filter((t) => t === 'Conoco').length).toBeGreaterThanOrEqual(1);
    // "Ryder" counts after "Pat Ryder"; "Soleimani" only after "Qasem Soleimani".
    expect(textsOf(3)[0]).toBe('Pat Ryder');
    expect(textsOf(3)).toContain('Ryder');
    expect(textsOf(8)).toEqual(['Qasem Soleimani']);
  });

  it('keeps word boundaries and case rules', () => {
    expect(textsOf(12).every((t) => t === 'Iran')).toBe(true); // never inside "Iranian"
    expect(textsOf(12).length).toBe(wordCount(lines, 'Iran'));
    expect(textsOf(11).every((t) => t === 'US' || t === 'United States')).toBe(true);
    expect(textsOf(5).length).toBe(wordCount(lines, 'Iraq') - 1); // one is inside "Islamic Resistance in Iraq"
  });

  it('finds the numeric claims however they are written', () => {
    expect(textsOf(15)).toHaveLength(1);
    expect(textsOf(15)[0]).toMatch(/^90 percent .* oil$/);
    expect(textsOf(16)).toEqual([expect.stringMatching(/^\$100 billion in damage$/)]);
    expect(textsOf(17)).toEqual(['900 troops']);
    expect(textsOf(18)).toHaveLength(1);
    expect(textsOf(18)[0]!.endsWith('.')).toBe(true);
  });

  it('maps every match back to its original text', () => {
    for (const f of matches.filter((x) => x.entry < 15)) expect(normaliseWithOffsets(f.text).folded.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!page('wapo-1'))('a Washington Post page', () => {
  const blocks = page('wapo-1') ? paragraphs('wapo-1') : [];
  const m = matcherFor([['Tunisia'], ['Syria'], ['US', 'United States'], ['Islamic State']], [[{ terms: ['15 percent'] }]]);
  const matches = found(m, blocks);

  it('finds each country exactly where a whole word is written', () => {
    expect(matches.filter((f) => f.entry === 0).length).toBe(wordCount(blocks, 'Tunisia'));
    expect(matches.filter((f) => f.entry === 0).length).toBeGreaterThan(0);
    expect(matches.filter((f) => f.entry === 1).length).toBe(wordCount(blocks, 'Syria'));
  });

  it('reads U.S. as the sensitive alias US', () => {
    expect(matches.filter((f) => f.entry === 2).some((f) => f.text === 'U.S.')).toBe(true);
  });

  it('finds a percentage claim', () => {
    expect(matches.filter((f) => f.entry === 4).map((f) => f.text)).toContain('15 percent');
  });
});

describe.skipIf(!page('nytimes-1'))('a New York Times page', () => {
  const blocks = page('nytimes-1') ? paragraphs('nytimes-1') : [];
  const m = matcherFor([['Sudan'], ['Omar Hassan al-Bashir', { text: 'Bashir', afterFullName: true }], ['Darfur']]);
  const matches = found(m, blocks);

  it('never finds Sudan inside Sudanese', () => {
    const sudan = matches.filter((f) => f.entry === 0);
    expect(sudan.length).toBe(wordCount(blocks, 'Sudan'));
    expect(sudan.every((f) => f.text.toLowerCase() === 'sudan')).toBe(true);
  });

  it('counts the surname only after the full name', () => {
    const names = matches.filter((f) => f.entry === 1).map((f) => f.text);
    expect(names[0]).toBe('Omar Hassan al-Bashir');
  });
});

describe.skipIf(!page('cnn'))('a CNN page', () => {
  const blocks = page('cnn') ? paragraphs('cnn') : [];
  const m = matcherFor([['US'], ['Canada'], ['Mexico']]);

  it('finds every U.S. and never the pronoun us', () => {
    const us = found(m, blocks).filter((f) => f.entry === 0);
    const written = blocks.reduce((n, b) => n + [...b.matchAll(/(?<![\p{L}.])(U\.S\.|US)(?![\p{L}])/gu)].length, 0);
    expect(us.length).toBe(written);
    expect(us.every((f) => f.text === 'U.S.' || f.text === 'US')).toBe(true);
  });
});

describe.skipIf(!fs.existsSync(CORPUS))('every saved page', () => {
  const m = matcherFor([
    ['United States', 'US'],
    ['European Union', 'EU'],
    ['New York'],
    ['London'],
    ['Google'],
    ['President', { text: 'the President', case: 'proper' }],
  ]);

  it('scans without error and every match normalises to an alias', () => {
    const aliasFolds = ['united states', 'us', 'european union', 'eu', 'new york', 'london', 'google', 'president', 'the president'];
    let total = 0;
    for (const name of fs.readdirSync(CORPUS)) {
      if (!page(name)) continue;
      const blocks = paragraphs(name);
      for (const f of found(m, blocks)) {
        expect(aliasFolds).toContain(normaliseWithOffsets(f.text).folded);
        total += 1;
      }
    }
    expect(total).toBeGreaterThan(50);
  });
});
