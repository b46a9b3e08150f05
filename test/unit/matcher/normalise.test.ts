import { describe, expect, it } from 'vitest';
import { normaliseWithOffsets } from '../../../src/matcher/index.ts';
import { foldRange } from '../../../src/matcher/fold.ts';
import { hashFolded } from '../../../src/matcher/hash.ts';
import { TOKEN_DOTTED, tokenize } from '../../../src/matcher/tokenize.ts';
import { matcherFor, scanPairs, textsOf } from './helpers.ts';

function tokens(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let j = 0; j < t.count; j++) out.push(text.slice(t.bound[2 * j], t.bound[2 * j + 1]));
  return out;
}

function folded(text: string): string {
  return normaliseWithOffsets(text).folded;
}

describe('folding', () => {
  it('drops diacritics and case', () => {
    expect(folded('Soleimaní')).toBe(folded('Soleimani'));
    expect(folded('Türkiye')).toBe('turkiye');
    expect(folded('ÉCOLE Ñandú')).toBe('ecole nandu');
    // Decomposed input (e + combining acute) folds like the precomposed letter.
    expect(folded('Soleimani\u0301')).toBe('soleimani');
  });

  it('spells out letters NFKD keeps, and ligatures', () => {
    expect(folded('ﬁeld')).toBe('field');
    expect(folded('Straße')).toBe('strasse');
    expect(folded('Łódź Ørsted')).toBe('lodz orsted');
    expect(folded('ＵＳ')).toBe('us'); // full-width
  });

  it('treats every apostrophe style alike and drops it inside a word', () => {
    for (const apostrophe of ["'", '’', '‘', 'ʼ', 'ʾ', 'ʿ']) {
      expect(folded(`Kata${apostrophe}ib Hezbollah`)).toBe('kataib hezbollah');
    }
  });

  it('separates an elided French or Italian article, and a number run into a word', () => {
    expect(tokens("l'AFP et d’Iran, qu'Israël")).toEqual(['l', 'AFP', 'et', 'd', 'Iran', 'qu', 'Israël']);
    expect(tokens("dell'Iran all’ONU un'altra")).toEqual(['dell', 'Iran', 'all', 'ONU', 'un', 'altra']);
    // Longer words, and one-letter words French does not elide, keep theirs.
    expect(tokens("Kata'ib O'Brien I'd don't Sana’a Ta'izz")).toEqual(["Kata'ib", "O'Brien", "I'd", "don't", 'Sana’a', "Ta'izz"]);
    expect(folded("L'Orient-Le Jour")).toBe('l orient le jour');
    expect(tokens('the White House’4,701 comments')).toEqual(['the', 'White', 'House', '4', '701', 'comments']);
  });

  it('drops a possessive', () => {
    expect(tokens("Hezbollah's fighters")).toEqual(['Hezbollah', 'fighters']);
    expect(tokens('Hezbollah’s fighters')).toEqual(['Hezbollah', 'fighters']);
    expect(tokens('Hamas’ surprise attack')).toEqual(['Hamas', 'surprise', 'attack']);
    expect(tokens("the forces' commander")).toEqual(['the', 'forces', 'commander']);
  });

  it('splits on hyphens, dashes and all kinds of space', () => {
    expect(tokens('Al-Omar')).toEqual(['Al', 'Omar']);
    expect(tokens('Al–Omar Al—Omar Al\u2011Omar')).toEqual(['Al', 'Omar', 'Al', 'Omar', 'Al', 'Omar']);
    expect(tokens('Deir\u00a0ez-Zor\u2009province\u3000x')).toEqual(['Deir', 'ez', 'Zor', 'province', 'x']);
  });

  it('reads line feeds and indentation as a space, whatever follows them', () => {
    const text = "\n    Hezbollah’s\n\n\t  U.S.\n  forces\r\n   Kata'ib\n\n";
    expect(tokens(text)).toEqual(['Hezbollah', 'U.S.', 'forces', 'Kata\'ib']);
    const t = tokenize(text);
    expect(t.flags[1]! & TOKEN_DOTTED).toBe(TOKEN_DOTTED);
    const hashes = [...t.hash.subarray(0, t.count)]; // copied: the next call reuses the arrays
    const spaced = tokenize('Hezbollah’s U.S. forces Kata\'ib');
    expect(hashes).toEqual([...spaced.hash.subarray(0, spaced.count)]);
    // A token right after a long indented run, and a text that is only blanks.
    expect(tokens(`x\n${' '.repeat(40_000)}Iraq`)).toEqual(['x', 'Iraq']);
    expect(tokenize('\n \n\t ').count).toBe(0);
  });

  it('keeps dotted acronyms whole, with their final dot', () => {
    const t = tokenize('The U.S. and the U.N. met, e.g. today.');
    const words: string[] = [];
    for (let j = 0; j < t.count; j++) words.push('The U.S. and the U.N. met, e.g. today.'.slice(t.bound[2 * j], t.bound[2 * j + 1]));
    expect(words).toEqual(['The', 'U.S.', 'and', 'the', 'U.N.', 'met', 'e.g.', 'today']);
    expect(t.flags[1]! & TOKEN_DOTTED).toBe(TOKEN_DOTTED);
    expect(folded('U.S.')).toBe('us');
  });

  it('ignores soft hyphens and joiners inside words', () => {
    expect(folded('Hez\u00adbol\u200dlah')).toBe('hezbollah');
  });

  it('treats unpaired surrogates as separators and keeps astral letters', () => {
    expect(tokens('ab\ud800cd')).toEqual(['ab', 'cd']);
    expect(tokens('x\udc00')).toEqual(['x']);
    expect(folded('𝐀𝐁C')).toBe('abc'); // mathematical bold letters fold to ASCII
  });
});

describe('offsets', () => {
  it('map every folded unit back to the character it came from', () => {
    const text = 'Soleimaní’s ﬁeld, Al–Omar';
    const { folded: f, offsets } = normaliseWithOffsets(text);
    expect(f).toBe('soleimani field al omar');
    expect(offsets[0]).toBe(0);
    expect(text[offsets[f.indexOf('field')]!]).toBe('ﬁ');
    expect(offsets[f.indexOf('field') + 1]).toBe(text.indexOf('ﬁ')); // both units of the ligature
    expect(text.slice(offsets[f.indexOf('omar')]!)).toBe('Omar');
  });
});

describe('token hashes', () => {
  it('equal the hash of the folded text, for simple and complex tokens', () => {
    const text = "Kata’ib Hezbollah's U.S. ﬁeld Soleimani\u0301 𝐀𝐁 naïve";
    const t = tokenize(text);
    for (let j = 0; j < t.count; j++) {
      const f = foldRange(text, t.bound[2 * j]!, t.bound[2 * j + 1]!, true);
      expect(t.hash[j], f).toBe(hashFolded(f));
    }
  });
});

describe('the same spelling rules apply to aliases and pages', () => {
  const m = matcherFor([['Qasem Soleimani'], ['Türkiye'], ["Kata'ib Hezbollah"], ['Al-Omar oil field']]);

  it('matches every variant, with exact original offsets', () => {
    expect(textsOf(m, 0, 'Commander Qasem Soleimaní was killed.')).toEqual(['Qasem Soleimaní']);
    expect(textsOf(m, 1, 'Talks in Turkiye and TÜRKIYE.')).toEqual(['Turkiye', 'TÜRKIYE']);
    expect(textsOf(m, 2, 'Kata’ib Hezbollah and Kataib Hezbollah and KATA‘IB HEZBOLLAH.')).toEqual([
      'Kata’ib Hezbollah',
      'Kataib Hezbollah',
      'KATA‘IB HEZBOLLAH',
    ]);
    expect(textsOf(m, 3, 'Near the Al Omar oil field and the Al–Omar oil field.')).toEqual([
      'Al Omar oil field',
      'Al–Omar oil field',
    ]);
  });

  it('matches a possessive without its ’s', () => {
    const m2 = matcherFor([['Hezbollah']]);
    expect(textsOf(m2, 0, "Hezbollah's fighters and Hezbollah’s leader")).toEqual(['Hezbollah', 'Hezbollah']);
  });

  it('finds names after an elided article, and names written with one', () => {
    const m3 = matcherFor([[{ text: 'AFP', case: 'sensitive' }], ['Iran'], ["L'Orient-Le Jour"]]);
    expect(scanPairs(m3, "« Il a été tué », a indiqué l'AFP. Les frappes d’Iran et l’Iran.")).toEqual([
      [0, 'AFP'],
      [1, 'Iran'],
      [1, 'Iran'],
    ]);
    expect(scanPairs(m3, 'Selon L’Orient-Le Jour, et dell’Iran.')).toEqual([
      [2, 'L’Orient-Le Jour'],
      [1, 'Iran'],
    ]);
  });
});
