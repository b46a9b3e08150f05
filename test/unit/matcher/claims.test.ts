import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/dataset/types.ts';
import { matcherFor, scanPairs, textsOf } from './helpers.ts';

/** A matcher with one entity (entry 0) and the given claims (entries 1…). */
function claims(...list: Cue[][]) {
  return matcherFor([['Syria']], list);
}

describe('cue terms', () => {
  it('match in order within one sentence, covering first to last term', () => {
    const m = claims([{ terms: ['troops', 'withdraw*'] }]);
    expect(textsOf(m, 1, 'The troops will not withdraw this year.')).toEqual(['troops will not withdraw']);
    expect(textsOf(m, 1, 'They will withdraw the troops.')).toEqual([]);
    expect(textsOf(m, 1, 'The troops stayed. Others withdrew.')).toEqual([]);
  });

  it('take a wildcard written with a capital as a name: it starts only words written with one', () => {
    // (Claim 2 makes the walk read these sentences whatever claim 1's anchor.)
    const m = claims([{ terms: ['Israel*', 'strike*'] }], [{ terms: ['port'] }]);
    expect(textsOf(m, 2, 'Then israeli strikes hit the port.')).toEqual(['port']);
    expect(textsOf(m, 1, 'Israeli strikes hit the port.')).toEqual(['Israeli strikes']);
    expect(textsOf(m, 1, 'ISRAELI STRIKES HIT THE PORT.')).toEqual(['ISRAELI STRIKES']);
    expect(textsOf(m, 1, 'Then israeli strikes hit the port.')).toEqual([]);
    // A lower-case wildcard starts a word in any case, at a sentence start too.
    expect(textsOf(claims([{ terms: ['strike*', 'port'] }]), 1, 'Strikes hit the port.')).toEqual(['Strikes hit the port']);
    // Non-ASCII capitals count as capitals.
    const turkey = claims([{ terms: ['Türk*', 'border'] }]);
    expect(textsOf(turkey, 1, 'Türkiye closed the border.')).toEqual(['Türkiye closed the border']);
    expect(textsOf(turkey, 1, 'Ürün and türkiye closed the border.')).toEqual([]);
  });

  it('respect maxGap (words between consecutive terms)', () => {
    const m = claims([{ terms: ['bases', 'attacked'], maxGap: 2 }]);
    expect(textsOf(m, 1, 'bases were repeatedly attacked')).toEqual(['bases were repeatedly attacked']);
    expect(textsOf(m, 1, 'bases in the east were attacked')).toEqual([]);
    const dflt = claims([{ terms: ['bases', 'attacked'] }]);
    expect(textsOf(dflt, 1, 'bases one two three four five six seven eight attacked')).toHaveLength(1);
    expect(textsOf(dflt, 1, 'bases one two three four five six seven eight nine attacked')).toHaveLength(0);
  });

  it('try later occurrences when the first does not complete', () => {
    const m = claims([{ terms: ['oil', 'occupied'], maxGap: 1 }]);
    expect(textsOf(m, 1, 'Oil prices rose while the oil is occupied.')).toEqual(['oil is occupied']);
  });

  it('support alternatives, prefix wildcards and multi-word terms', () => {
    const m = claims([{ terms: ['drone|rocket|missile', 'attack*', 'Popular Mobilization Forces'] }]);
    expect(textsOf(m, 1, 'A rocket attack blamed on the Popular Mobilization Forces.')).toEqual([
      'rocket attack blamed on the Popular Mobilization Forces',
    ]);
    expect(textsOf(m, 1, 'Missiles attacked the Popular Mobilization Forces.')).toEqual([]);
    expect(textsOf(m, 1, 'A missile attacked the Popular-Mobilization Forces.')).toEqual([
      'missile attacked the Popular-Mobilization Forces',
    ]);
  });

  it('treat words in capitals as case-sensitive and others not', () => {
    const m = claims([{ terms: ['illegal', 'US', 'base*'] }]);
    expect(textsOf(m, 1, 'An ILLEGAL US military base.')).toEqual(['ILLEGAL US military base']);
    expect(textsOf(m, 1, 'It is illegal for us to build bases.')).toEqual([]);
  });

  it('cover the whole sentence with cover: sentence', () => {
    const m = claims([{ terms: ['16 times'], cover: 'sentence' }]);
    const text = 'Bases were hit. Officials said they were targeted 16 times this month. Nothing else.';
    expect(textsOf(m, 1, text)).toEqual(['Officials said they were targeted 16 times this month.']);
  });

  it('report a claim once per phrase and never overlap claims', () => {
    const m = claims([{ terms: ['troops', 'Syria'] }], [{ terms: ['Syria', 'oil'] }]);
    expect(scanPairs(m, 'US troops occupy Syria and its oil fields.')).toEqual([
      [1, 'troops occupy Syria'],
      [0, 'Syria'],
    ]);
  });

  it('match whatever punctuation the dataset’s names are written with', () => {
    // The names' gap signatures and the cue terms' share one pool: the
    // first cue term once read the names' signatures as its own.
    const m = matcherFor([['Washington, D.C.'], ['War in Iraq (2013–2017)']], [[{ terms: ['oil'] }], [{ terms: ['Washington, D.C.', 'troops'] }]]);
    expect(scanPairs(m, 'The oil ran out. Troops left Washington, D.C. and troops came back.')).toEqual([
      [2, 'oil'],
      [3, 'Washington, D.C. and troops'],
      [0, 'Washington, D.C.'],
    ]);
  });

  it('let a claim phrase contain entity matches', () => {
    const m = claims([{ terms: ['troops', 'Syria'] }]);
    expect(scanPairs(m, 'US troops in Syria.')).toEqual([
      [1, 'troops in Syria'],
      [0, 'Syria'],
    ]);
  });
});

describe('numbers and units', () => {
  it('90 percent = 90% = ninety per cent = 90 pct = 90pc', () => {
    const m = claims([{ terms: ['90 percent', 'oil'] }]);
    for (const phrase of ['90 percent of its oil', '90% of its oil', 'ninety per cent of its oil', '90 pct of oil', '90pc of its oil', '90PCT of oil']) {
      expect(textsOf(m, 1, `Up to ${phrase} is gone.`), phrase).toHaveLength(1);
    }
    expect(textsOf(m, 1, 'Up to 80 percent of its oil is gone.')).toEqual([]);
    expect(textsOf(m, 1, 'Up to 90% of its oil')).toEqual(['90% of its oil']);
    expect(textsOf(m, 1, 'Up to 90pc of its oil')).toEqual(['90pc of its oil']);
    // A suffix other than a unit or a scale leaves a word: 90mm is no figure.
    expect(textsOf(m, 1, 'Up to 90mm of its oil')).toEqual([]);
    expect(textsOf(claims([{ terms: ['growth', '3.5 percent'] }]), 1, 'Growth of 3.5pc, then 3.5.')).toEqual(['Growth of 3.5pc']);
  });

  it('$100 billion = 100bn dollars = 100 billion dollars = US$100bn', () => {
    const m = claims([{ terms: ['$100 billion', 'damage'] }]);
    for (const phrase of ['$100 billion in damage', '100bn dollars of damage', '100 billion dollars of damage', '$100bn damage', '100 billion USD in damage']) {
      expect(textsOf(m, 1, `Losses of ${phrase} were claimed.`), phrase).toHaveLength(1);
    }
    expect(textsOf(m, 1, 'Losses of $100 million in damage.')).toEqual([]);
    expect(textsOf(m, 1, 'Losses of 100 billion euros in damage.')).toEqual([]);
    expect(textsOf(m, 1, 'Losses of $100 billion in damage.')).toEqual(['$100 billion in damage']);
  });

  it('reads a currency code written before a number as its sign: USD 100 billion = $100 billion', () => {
    const m = claims([{ terms: ['$100 billion', 'damage'] }], [{ terms: ['€5 million'] }], [{ terms: ['900 dollars'] }]);
    expect(textsOf(m, 1, 'Losses of USD 100 billion in damage.')).toEqual(['USD 100 billion in damage']);
    expect(textsOf(m, 1, 'Losses of usd\u00a0100bn in damage.')).toEqual(['usd\u00a0100bn in damage']);
    expect(textsOf(m, 2, 'A grant of EUR 5m, not GBP 5m.')).toEqual(['EUR 5m']);
    expect(textsOf(m, 3, 'It cost USD 900. Then it cost 900 USD.')).toEqual(['USD 900', '900 USD']);
    // Only right before the number, with one space: not across other words or punctuation.
    expect(textsOf(m, 1, 'Losses in USD of 100 billion in damage.')).toEqual([]);
    expect(textsOf(m, 1, 'Losses (USD) 100 billion in damage.')).toEqual([]);
  });

  it('900 troops = nine hundred troops; 16 = sixteen; qualifiers are words', () => {
    const m = claims([{ terms: ['900 troops'] }], [{ terms: ['16', 'attacks'] }]);
    expect(textsOf(m, 1, 'about nine hundred troops remain')).toEqual(['nine hundred troops']);
    expect(textsOf(m, 1, 'at least 900 troops remain')).toEqual(['900 troops']);
    expect(textsOf(m, 1, '9,000 troops remain')).toEqual([]);
    expect(textsOf(m, 2, 'Sixteen drone attacks')).toEqual(['Sixteen drone attacks']);
    expect(textsOf(m, 2, 'the 16th of the attacks')).toEqual([]);
  });

  it('reads thousands separators and decimals', () => {
    const m = claims([{ terms: ['1,000 people'] }], [{ terms: ['1.5 million'] }]);
    expect(textsOf(m, 1, 'Some 1000 people and one thousand people.')).toEqual(['1000 people', 'one thousand people']);
    expect(textsOf(m, 2, 'About 1,500,000 fled; 1.5m more said 1.5 million.')).toEqual(['1,500,000', '1.5 million']);
  });

  it('reads thousands grouped with spaces, as French and others write them', () => {
    const m = claims([{ terms: ['1,200 people'] }], [{ terms: ['1.5 million'] }]);
    expect(textsOf(m, 1, 'Some 1 200 people, 1\u00a0200 people, 1\u202f200 people, 1\u2009200 people.')).toHaveLength(4);
    expect(textsOf(m, 2, 'About 1 500 000 fled.')).toEqual(['1 500 000']);
    // One separator throughout; three digits a group; a short first group; one space only.
    expect(textsOf(m, 2, 'About 1 500,000 fled.')).toEqual([]);
    expect(textsOf(m, 1, 'In 2023 200 people; 1 20 people; 1  200 people.')).toEqual([]);
  });

  it('compound number words', () => {
    const m = claims([{ terms: ['125 rockets'] }]);
    expect(textsOf(m, 1, 'one hundred and twenty-five rockets')).toEqual(['one hundred and twenty-five rockets']);
    expect(textsOf(m, 1, 'one hundred twenty five rockets')).toHaveLength(1);
  });
});

describe('sentence splitting', () => {
  const m = claims([{ terms: ['forces', 'left'], maxGap: 20 }]);

  it('does not break on U.S., Dr., initials or decimals', () => {
    expect(textsOf(m, 1, 'The forces of the U.S. never left.')).toHaveLength(1);
    expect(textsOf(m, 1, 'The forces met Dr. Ali and then left.')).toHaveLength(1);
    expect(textsOf(m, 1, 'The forces of Gen. Joe R. Smith left.')).toHaveLength(1);
    expect(textsOf(m, 1, 'The forces, 3.5 per cent of the total, left.')).toHaveLength(1);
    expect(textsOf(m, 1, 'The forces were there, e.g. in the north, and left.')).toHaveLength(1);
  });

  it('breaks at real sentence ends', () => {
    expect(textsOf(m, 1, 'The forces arrived. Then they left.')).toHaveLength(0);
    expect(textsOf(m, 1, 'The forces arrived! Most left.')).toHaveLength(0);
    expect(textsOf(m, 1, 'The forces arrived?” Many left.')).toHaveLength(0);
  });
});
