import { describe, expect, it } from 'vitest';
import { matcherFor, scanPairs, show, textsOf } from './helpers.ts';

describe('word boundaries', () => {
  const m = matcherFor([['Iran'], ['US'], ['Iranian Red Crescent']]);

  it('never match inside a longer word', () => {
    expect(textsOf(m, 0, 'Iranian officials met in Tehran; Iran denied it.')).toEqual(['Iran']);
    expect(textsOf(m, 1, 'Plug the USB drive in; the US said nothing to us.')).toEqual(['US']);
  });

  it('match a listed longer form', () => {
    expect(scanPairs(m, 'The Iranian Red Crescent sent aid to Iran.')).toEqual([
      [2, 'Iranian Red Crescent'],
      [0, 'Iran'],
    ]);
  });

  it('match at the very start and end of a block, and around punctuation', () => {
    expect(textsOf(m, 0, 'Iran')).toEqual(['Iran']);
    expect(textsOf(m, 0, '(Iran), “Iran”, Iran-backed, Iran.')).toEqual(['Iran', 'Iran', 'Iran', 'Iran']);
  });
});

describe('leftmost-longest, non-overlapping', () => {
  const m = matcherFor([
    ['Mission Support Site Green Village'],
    ['Green Village'],
    ['Islamic Resistance in Iraq'],
    ['Iraq'],
    ['IRGC Quds Force'],
    ['IRGC'],
    ['Quds Force'],
  ]);

  it('prefers the longest name at a position', () => {
    expect(scanPairs(m, 'Drones hit Mission Support Site Green Village on Monday.')).toEqual([
      [0, 'Mission Support Site Green Village'],
    ]);
    expect(scanPairs(m, 'The Islamic Resistance in Iraq said it struck bases in Iraq.')).toEqual([
      [2, 'Islamic Resistance in Iraq'],
      [3, 'Iraq'],
    ]);
    expect(scanPairs(m, 'Officers of the IRGC Quds Force, unlike the wider IRGC, advise militias.')).toEqual([
      [4, 'IRGC Quds Force'],
      [5, 'IRGC'],
    ]);
  });

  it('falls back to shorter names when the long one is incomplete', () => {
    expect(scanPairs(m, 'Mission Support Site Green and Green Village are different places.')).toEqual([
      [1, 'Green Village'],
    ]);
    expect(scanPairs(m, 'The IRGC said the Quds Force would respond.')).toEqual([
      [5, 'IRGC'],
      [6, 'Quds Force'],
    ]);
  });

  it('never lets a name run across a comma, a quote or a sentence end', () => {
    expect(scanPairs(m, 'He named the Islamic Resistance, in Iraq, as responsible.')).toEqual([[3, 'Iraq']]);
    expect(scanPairs(m, 'They reached Mission Support Site. Green Village was quiet.')).toEqual([[1, 'Green Village']]);
  });

  it('lets a name run across hyphens, dashes and non-breaking spaces', () => {
    expect(scanPairs(m, 'Mission\u00a0Support Site–Green Village')).toEqual([[0, 'Mission\u00a0Support Site–Green Village']]);
  });
});

describe('names written with punctuation', () => {
  const m = matcherFor([
    ['Washington, D.C.'],
    ['9/11', '9/11 attacks'],
    ['War in Iraq (2013–2017)'],
    ['Antiwar.com'],
    ["Iran's parliament"],
    ["People's Republic of China"],
    ['Washington'],
    ['Iraq'],
  ]);

  it('match where the same punctuation stands between the same words', () => {
    expect(textsOf(m, 0, 'Officials in Washington, D.C. said so.')).toEqual(['Washington, D.C.']);
    expect(textsOf(m, 1, 'Since 9/11, and after the 9/11 attacks.')).toEqual(['9/11', '9/11 attacks']);
    expect(textsOf(m, 2, 'The War in Iraq (2013-2017) ended.')).toEqual(['War in Iraq (2013-2017)']);
    expect(textsOf(m, 3, 'Antiwar.com reported it.')).toEqual(['Antiwar.com']);
  });

  it('do not match other punctuation, and leave the parts to shorter names', () => {
    expect(scanPairs(m, 'Officials in Washington; D.C. residents.')).toEqual([[6, 'Washington']]);
    expect(textsOf(m, 1, 'Rooms 9 11 and 9-11.')).toEqual([]);
    expect(scanPairs(m, 'The War in Iraq, 2013–2017.')).toEqual([[7, 'Iraq']]);
  });

  it('treat a possessive inside a name like a space', () => {
    expect(textsOf(m, 4, 'Iran’s parliament voted; Iran’s Parliament, too.')).toEqual(['Iran’s parliament', 'Iran’s Parliament']);
    expect(textsOf(m, 5, "the People's Republic of China")).toEqual(["People's Republic of China"]);
    expect(textsOf(m, 5, 'the Peoples Republic of China')).toEqual([]);
    // Written in the name, the possessive may be left out ("Iran parliament", headline style).
    expect(textsOf(m, 4, 'The Iran parliament voted.')).toEqual(['Iran parliament']);
  });

  it('let a possessive the name does not write stand before a capitalised word only where the name ends the capitalised words', () => {
    const names = matcherFor([['The New York Times', 'New York Times'], ['Iran nuclear deal'], ['Gaza Health Ministry'], ['New York'], ['Gaza']]);
    expect(scanPairs(names, 'Lights in New York’s Times Square.')).toEqual([[3, 'New York']]);
    expect(scanPairs(names, 'She wrote in The New York Times.')).toEqual([[0, 'The New York Times']]);
    expect(scanPairs(names, 'Talks on Iran’s nuclear deal and the Iran nuclear deal.')).toEqual([
      [1, 'Iran’s nuclear deal'],
      [1, 'Iran nuclear deal'],
    ]);
    expect(scanPairs(names, 'Gaza’s Health Ministry said, and New York’s Times reported.')).toEqual([
      [2, 'Gaza’s Health Ministry'],
      [0, 'New York’s Times'],
    ]);
    expect(scanPairs(names, 'Gaza’s Health Ministry Spokesman spoke.')).toEqual([[4, 'Gaza']]);
  });
});

describe('blocks', () => {
  const m = matcherFor([['Green Village'], ['Syria']]);

  it('never match across two blocks and report the block index', () => {
    const blocks = ['We drove to Green', 'Village in Syria'];
    const result = m.session().scan(blocks);
    expect(show(blocks, result.matches)).toEqual([{ entry: 1, text: 'Syria', block: 1 }]);
  });

  it('skips empty blocks and keeps indexes', () => {
    const blocks = ['', 'Syria', '', 'Green Village'];
    expect(show(blocks, m.session().scan(blocks).matches).map((f) => f.block)).toEqual([1, 3]);
  });
});

describe('case rules', () => {
  it('sensitive aliases match only as written', () => {
    const m = matcherFor([[{ text: 'PMF', case: 'sensitive' }], [{ text: 'Hamas', case: 'sensitive' }]]);
    expect(textsOf(m, 0, 'The PMF, not the pmf or the Pmf.')).toEqual(['PMF']);
    expect(textsOf(m, 1, 'HAMAS and Hamas and hamas')).toEqual(['Hamas']);
  });

  it('an acronym that is also a common word is that word after another in a block all in capitals', () => {
    const m = matcherFor([['United States', 'US', 'U.S.'], ['Facebook']]);
    expect(scanPairs(m, 'FOLLOW US')).toEqual([]);
    expect(scanPairs(m, 'CONTACT US ON FACEBOOK')).toEqual([[1, 'FACEBOOK']]);
    // Elsewhere it is the name: first in the block, after THE, dotted, or in mixed-case text.
    for (const text of ['US STRIKES IRAN', 'THE US AND IRAN', 'FOLLOW THE U.S.', 'US', 'Follow US on Facebook', 'US & Canada']) {
      expect(scanPairs(m, text)[0], text).toEqual([0, text.includes('U.S.') ? 'U.S.' : 'US']);
    }
    // Only acronyms that are common words: PMF in capitals stays a name.
    expect(scanPairs(matcherFor([['PMF']]), 'ATTACKED BY PMF')).toEqual([[0, 'PMF']]);
  });

  it('a two-letter acronym is not the region of a locale tag', () => {
    const m = matcherFor([['United States', 'US'], ['Canada', 'CA']]);
    expect(scanPairs(m, 'Ad Choices en-US · es-US · fr-CA')).toEqual([]);
    // Joined otherwise, or to a word that is no language code, it is the name.
    expect(textsOf(m, 0, 'the pro-US camp, ex-US forces, a Canadian-US firm, en US, en–US')).toEqual(['US', 'US', 'US', 'US', 'US']);
  });

  it('a two-letter acronym written onto a dollar sign is a currency, not the country', () => {
    const m = matcherFor([['United States', 'US'], ['Australia', 'AU']]);
    expect(scanPairs(m, 'worth more than US$ 100,000, or US$36,254 per capita')).toEqual([]);
    // With a space before the sign it is the name.
    expect(textsOf(m, 0, 'the US $100bn aid package, and the US.')).toEqual(['US', 'US']);
  });

  it('insensitive aliases match any case', () => {
    const m = matcherFor([[{ text: 'Hezbollah', case: 'insensitive' }], [{ text: 'UN', case: 'insensitive' }]]);
    expect(textsOf(m, 0, 'HEZBOLLAH, Hezbollah and hezbollah')).toEqual(['HEZBOLLAH', 'Hezbollah', 'hezbollah']);
    expect(textsOf(m, 1, 'The un vote')).toEqual(['un']);
  });

  it('proper aliases need their capital and are not a sentence’s first word', () => {
    const m = matcherFor([[{ text: 'Resistance', case: 'proper' }]]);
    expect(textsOf(m, 0, 'Resistance to the plan grew. Fighters of the Resistance said so.')).toEqual(['Resistance']);
    expect(textsOf(m, 0, 'The resistance grew.')).toEqual([]);
    expect(textsOf(m, 0, '“Resistance is the answer,” a man said.')).toEqual([]);
    expect(textsOf(m, 0, 'He spoke for the Resistance.')).toEqual(['Resistance']);
  });

  it('default: short all-capital aliases are sensitive, everything else insensitive', () => {
    const m = matcherFor([['US'], ['UNHCR'], ['IRGC'], ['ISIS'], ['UN'], ['Pentagon'], ['NATO Summit'], ['F-16']]);
    expect(textsOf(m, 0, 'Tell us what the US wants.')).toEqual(['US']);
    expect(textsOf(m, 0, 'U.S. forces and u.s. forces')).toEqual(['U.S.']);
    expect(textsOf(m, 1, 'UNHCR and Unhcr')).toEqual(['UNHCR']);
    expect(textsOf(m, 2, 'the IRGC, the Irgc')).toEqual(['IRGC']);
    expect(textsOf(m, 3, 'Isis the goddess; ISIS the group')).toEqual(['ISIS']);
    expect(textsOf(m, 4, 'The UN met; an un-named source.')).toEqual(['UN']);
    expect(textsOf(m, 5, 'the pentagon, the PENTAGON')).toEqual(['pentagon', 'PENTAGON']);
    expect(textsOf(m, 6, 'the nato summit')).toEqual(['nato summit']);
    expect(textsOf(m, 7, 'an F-16 and an f-16')).toEqual(['F-16']);
  });

  it('U.S. and US are the same sensitive alias', () => {
    const m = matcherFor([['US']]);
    expect(textsOf(m, 0, 'The U.S. said the US would act.')).toEqual(['U.S.', 'US']);
  });
});

describe('real-world sentences (written for these tests)', () => {
  const m = matcherFor([
    ['Department of Defense', 'Pentagon'],
    ['Pat Ryder', { text: 'Ryder', afterFullName: true }],
    ['Erbil Airport', 'Erbil'],
    ['Syria'],
    ['Deir ez-Zor', 'Deir el-Zour'],
    ['Iran'],
  ]);

  it('finds the names a reader would underline', () => {
    const text =
      'At the Pentagon, Pat Ryder said a drone was stopped near Erbil Airport, and Ryder added that Iran bore responsibility.';
    expect(scanPairs(m, text)).toEqual([
      [0, 'Pentagon'],
      [1, 'Pat Ryder'],
      [2, 'Erbil Airport'],
      [1, 'Ryder'],
      [5, 'Iran'],
    ]);
  });

  it('finds spelling variants of places', () => {
    expect(textsOf(m, 4, 'Fighting in Deir el-Zour and in Deir ez Zor province.')).toEqual(['Deir el-Zour', 'Deir ez Zor']);
  });
});
