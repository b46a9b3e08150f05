/**
 * The scan's shortcuts never change a result.
 *
 * - Claims: the block pass hands the claim walk only the sentences that
 *   hold a cue anchor (a word, a number by value, a wildcard prefix), and
 *   looks cue words up only there. A reference pass that walks every
 *   sentence of every block, looking every token up, must find exactly the
 *   same matches.
 * - Long texts: the tokenizer reads a text in windows of fixed size; a
 *   text of several windows must give the tokens its pieces give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/dataset/types.ts';
import { BlockPass } from '../../../src/matcher/block-pass.ts';
import { buildIndex } from '../../../src/matcher/build-index.ts';
import { Matcher } from '../../../src/matcher/index.ts';
import { PageSession } from '../../../src/matcher/session.ts';
import { tokenize } from '../../../src/matcher/tokenize.ts';
import type { Match, PatternSet } from '../../../src/matcher/types.ts';
import { patternSet } from './helpers.ts';

/** Scans with the normal pass and with the reference pass (every sentence walked). */
function bothWays(set: PatternSet, blocks: string[]): { fast: Match[]; reference: Match[] } {
  const data = buildIndex(set).data;
  const fast = new PageSession(data, new BlockPass(data)).scan(blocks).matches;
  const reference = new PageSession(data, new BlockPass(data, { everySentence: true })).scan(blocks).matches;
  return { fast, reference };
}

// Page words: names, common words, numbers written every way the number
// reader knows, units, and words that share first letters with the cues'
// wildcards without matching them.
const PAGE_WORDS = [
  'Israel', 'Israeli', 'israelis', 'Isle', 'Syria', 'Syrian', 'Sydney', 'village', 'villa', 'Omar', 'Hezbollah', 'ISIS',
  'troops', 'killed', 'said', 'forces', 'oil', 'people', 'the', 'of', 'and', 'in', 'at', 'least', 'attacks', 'attacked',
  '12', '16', '16th', '90', '900', '1,000', '1,500', '3.5', '2018', '$5m', '$100', '100bn', '€3', '£40k', 'sixteen',
  'ninety', 'nine', 'hundred', 'one', 'twenty', 'five', 'a', 'dozen', 'thousand', 'million', 'billion', 'percent',
  'per', 'cent', 'pct', '%', 'dollars', 'USD', 'euros', 'times', 'Kata’ib', 'U.S.', 'Soleimaní', '4chan', '4th', '40', '90pc', '16pct', '3.5pc',
];
const PAGE_SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '! ', '? ', ' – ', '-', ' (', ') ', '’s ', '; ', '\n      ', '.\n\t'];

const pageText = fc
  .array(fc.tuple(fc.constantFrom(...PAGE_WORDS), fc.constantFrom(...PAGE_SEPARATORS)), { maxLength: 50 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

// Cue terms of every kind: names, common words, wildcards (capitalised and
// not, and one that starts with a digit), numbers of every form, units,
// alternatives and several words.
const CUE_TERMS = [
  'Israel*', 'Syria*', 'vill*', 'attack*', 'Hezbollah', 'Omar', 'ISIS', 'troops', 'killed|died', 'said', 'forces|troops',
  'oil', 'people', '12', '16', '16 times', '90 percent', '90%', 'ninety per cent', '900 troops', '1,000 people', '1000',
  '3.5', '$5 million', '$100 billion', '100 billion dollars', '40,000 pounds', 'a dozen', '120', 'sixteen', '2018',
  'percent', 'dollars', 'at least 900 troops', 'Kata’ib Hezbollah', 'US', 'nine hundred', 'twenty five', '4cha*', 'USD 900',
];
const cue: fc.Arbitrary<Cue> = fc.record({
  terms: fc.array(fc.constantFrom(...CUE_TERMS), { minLength: 1, maxLength: 3 }),
  maxGap: fc.integer({ min: 0, max: 10 }),
  cover: fc.constantFrom<'phrase' | 'sentence'>('phrase', 'sentence'),
});
const claimSets = fc
  .array(fc.array(cue, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 })
  .map((claims) => patternSet([['Syria'], ['Hezbollah'], ['Israel Defense Forces']], claims));

/** Pages that also quote the set's own cue terms, so that many sentences hold a claim. */
function pagesFor(set: PatternSet): fc.Arbitrary<string[]> {
  const quoted = set.claims.flatMap((c) => c.cues.flatMap((q) => q.terms.flatMap((t) => t.split('|').map((a) => a.replace('*', 'ian')))));
  const word = fc.oneof(fc.constantFrom(...PAGE_WORDS), fc.constantFrom(...quoted));
  const text = fc
    .array(fc.tuple(word, fc.constantFrom(...PAGE_SEPARATORS)), { maxLength: 40 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
  return fc.array(text, { minLength: 1, maxLength: 3 });
}

describe('cue anchors', () => {
  it('find the same claims as walking every sentence', () => {
    fc.assert(
      fc.property(
        claimSets.chain((set) => fc.tuple(fc.constant(set), fc.oneof(pagesFor(set), fc.array(pageText, { minLength: 1, maxLength: 3 })))),
        ([set, blocks]) => {
          const { fast, reference } = bothWays(set, blocks);
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('find claims stated in every number form', () => {
    const set = patternSet([['Syria']], [[{ terms: ['1,000 people', 'killed'] }], [{ terms: ['$100 billion', 'oil'] }], [{ terms: ['sixteen'] }]]);
    const blocks = [
      'Some one thousand people were killed. Nothing else here. 1000 people killed. Then 1 000 people killed.',
      'About 100bn dollars of oil. Another 100 sentence. Sixteen, then 16 and a 16th.',
    ];
    const { fast, reference } = bothWays(set, blocks);
    expect(fast).toEqual(reference);
    expect(fast.map((m) => [m.entry, blocks[m.block]!.slice(m.start, m.end)])).toEqual([
      [1, 'one thousand people were killed'],
      [1, '1000 people killed'],
      [1, '1 000 people killed'],
      [2, '100bn dollars of oil'],
      [3, 'Sixteen'],
      [3, '16'],
    ]);
  });

  it('read numbers in sentences anchored by a name (number words looked up in the walk only)', () => {
    const set = patternSet([['Syria']], [[{ terms: ['Hezbollah', '1,000 people'] }]]);
    const blocks = ['Hezbollah said one thousand people left. Hezbollah said a thousand men left.'];
    const { fast, reference } = bothWays(set, blocks);
    expect(fast).toEqual(reference);
    expect(fast.map((m) => blocks[m.block]!.slice(m.start, m.end))).toEqual(['Hezbollah said one thousand people']);
  });

  it('read a run of numbers longer than one phrase as several, the same way in the anchors and the walk', () => {
    // One number phrase is read over at most MAX_NUMBER_TOKENS tokens, so
    // that a page of "hundred hundred ..." or "1,000,000 1,000,000 ..." (with
    // no sentence end) is read in linear time.
    const set = patternSet([['Syria']], [[{ terms: ['100 people'] }], [{ terms: ['1,000,000', 'Syria'] }], [{ terms: ['$100 billion'] }]]);
    const blocks = [
      `${'hundred '.repeat(40)}people, and a hundred people.`,
      `${'1,000,000 '.repeat(30)}in Syria`,
      `${'USD 100 billion '.repeat(20)}and ${'90pc '.repeat(20)}`,
      `${'one '.repeat(50)}hundred people`,
    ];
    const { fast, reference } = bothWays(set, blocks);
    expect(fast).toEqual(reference);
    expect(fast.filter((m) => m.entry === 1).map((m) => blocks[m.block]!.slice(m.start, m.end))).toEqual(['hundred people', 'one hundred people']);
    expect(fast.filter((m) => m.entry === 2)).toHaveLength(1);
    expect(fast.filter((m) => m.entry === 3).length).toBeGreaterThan(0);
  });
});

describe('long texts', () => {
  it('are tokenized across windows as their pieces are', () => {
    // 30,000 units apart, so that tokens of every kind straddle the window edges.
    const piece = "Kata’ib Hezbollah's U.S. ﬁeld Soleimani\u0301 naïve 1,500 Al-Omar e.g. word ";
    const text = piece.repeat(Math.ceil(100_000 / piece.length)) + 'X'.repeat(40_000) + ' end';
    const whole = tokenize(text);
    const count = whole.count;
    const got = Array.from(whole.bound.subarray(0, count * 2));
    const hashes = Array.from(whole.hash.subarray(0, count));
    const dotted = Array.from(whole.flags.subarray(0, count));
    const firstUnits = Array.from({ length: count }, (_, j) => whole.first[2 * j]!);
    // Expected: the piece's tokens repeated, then the long word, then "end".
    // (tokenize reuses its arrays: everything above was copied first.)
    const one = tokenize(piece);
    const pieceBounds = Array.from(one.bound.subarray(0, one.count * 2));
    const pieceHashes = Array.from(one.hash.subarray(0, one.count));
    const pieceFlags = Array.from(one.flags.subarray(0, one.count));
    const repeats = Math.ceil(100_000 / piece.length);
    const want: number[] = [];
    const wantHashes: number[] = [];
    const wantFlags: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (const b of pieceBounds) want.push(b + r * piece.length);
      wantHashes.push(...pieceHashes);
      wantFlags.push(...pieceFlags);
    }
    const tail = tokenize('X'.repeat(40_000) + ' end');
    for (const b of Array.from(tail.bound.subarray(0, tail.count * 2))) want.push(b + repeats * piece.length);
    wantHashes.push(...Array.from(tail.hash.subarray(0, tail.count)));
    wantFlags.push(...Array.from(tail.flags.subarray(0, tail.count)));
    expect(count).toBe(want.length / 2);
    expect(got).toEqual(want);
    expect(hashes).toEqual(wantHashes);
    expect(dotted).toEqual(wantFlags);
    // First units, as the block pass reads them.
    expect(firstUnits).toEqual(Array.from({ length: count }, (_, j) => text.charCodeAt(got[2 * j]!)));
  });

  it('are matched across windows', () => {
    const m = Matcher.fromPatterns(patternSet([['Kata’ib Hezbollah'], ['Al-Omar oil field']], [[{ terms: ['1,500', 'people'] }]]));
    const sentence = 'Kataib Hezbollah said 1,500 people left the Al Omar oil field. ';
    const block = sentence.repeat(2_000); // 126,000 units
    const matches = m.session().scan([block]).matches;
    expect(matches.filter((x) => x.entry === 0)).toHaveLength(2_000);
    expect(matches.filter((x) => x.entry === 1)).toHaveLength(2_000);
    expect(matches.filter((x) => x.entry === 2)).toHaveLength(2_000);
    for (const x of matches) expect(block.slice(x.start, x.end)).toMatch(/^(Kataib Hezbollah|Al Omar oil field|1,500 people)$/);
  });
});
