import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alias, AliasCase, Cue } from '../../../src/dataset/types.ts';
import { Matcher, compileIndex, normaliseWithOffsets, type Match, type PatternSet } from '../../../src/matcher/index.ts';
import { tokenize } from '../../../src/matcher/tokenize.ts';
import { referenceScan } from './reference-matcher.ts';

// Few distinct words, so that generated texts hit generated aliases often.
const WORDS = ['al', 'omar', 'green', 'village', 'syria', 'iraq', 'us', 'pmf', 'resistance', 'the', 'in', 'of', 'oil', 'troops', '90', 'ninety', 'percent'];
// Line feeds with indentation, as page text is full of (the tokenizer skips those runs in a loop of its own).
const SEPARATORS = [' ', ' ', ' ', '-', '–', '\u00a0', ', ', '. ', '’s ', "'", ' “', '” ', '; ', ' (', ') ', '%', '\n    ', '\n\t\t', '.\n  \n '];

const casing = fc.constantFrom<(w: string) => string>(
  (w) => w,
  (w) => w.toUpperCase(),
  (w) => w[0]!.toUpperCase() + w.slice(1),
  (w) => w.replace('o', 'ó').replace('i', 'í'),
);
const word = fc.tuple(fc.constantFrom(...WORDS), casing).map(([w, c]) => c(w));
const text = fc
  .array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const blocks = fc.array(text, { minLength: 1, maxLength: 4 });

const aliasSpec = fc.record({
  words: fc.array(word, { minLength: 1, maxLength: 3 }),
  joiner: fc.constantFrom(' ', '-', ' ', '’s '),
  case: fc.constantFrom<AliasCase | undefined>(undefined, 'insensitive', 'sensitive', 'proper'),
});

/**
 * Entities whose aliases never share a folded text (the compiler rejects
 * that). Every multi-word alias also lends its first and last words to a new
 * entity, so that nested names (green / green village) are common.
 */
const entities = fc.array(fc.array(aliasSpec, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }).map((list) => {
  const used = new Set<string>();
  const out: Array<{ aliases: Alias[] }> = [];
  const add = (aliases: Alias[], t: string, c: AliasCase | undefined) => {
    const key = normaliseWithOffsets(t).folded;
    if (key === '' || used.has(key)) return;
    used.add(key);
    aliases.push(c === undefined ? { text: t } : { text: t, case: c });
  };
  for (const specs of list) {
    const aliases: Alias[] = [];
    for (const spec of specs) add(aliases, spec.words.join(spec.joiner), spec.case);
    if (aliases.length > 0) out.push({ aliases });
    for (const spec of specs) {
      if (spec.words.length < 2) continue;
      const parts: Alias[] = [];
      add(parts, spec.words[0]!, spec.case);
      add(parts, spec.words.slice(1).join(' '), undefined);
      if (parts.length > 0) out.push({ aliases: parts });
    }
  }
  return out;
});

/** Blocks made of random words and of the set's own alias texts. */
function blocksFor(set: { entities: Array<{ aliases: Alias[] }> }): fc.Arbitrary<string[]> {
  const phrases = set.entities.flatMap((e) => e.aliases.map((a) => a.text));
  const piece = phrases.length > 0 ? fc.oneof(word, fc.constantFrom(...phrases)) : word;
  const block = fc.array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
  return fc.array(block, { minLength: 1, maxLength: 4 });
}

const cue: fc.Arbitrary<Cue> = fc.record({
  terms: fc.array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom('oil|troops', 'vill*', 'ninety percent', '90%', 'green village', 'US'),
    ),
    { minLength: 1, maxLength: 3 },
  ),
  maxGap: fc.integer({ min: 0, max: 6 }),
  cover: fc.constantFrom<'phrase' | 'sentence'>('phrase', 'sentence'),
  requires: fc.option(fc.array(fc.constantFrom(...WORDS, 'green village'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
});
const claims = fc.array(fc.array(cue, { minLength: 1, maxLength: 2 }).map((cues) => ({ cues })), { maxLength: 4 });

const patternSets = fc.record({ entities, claims }).map(
  ({ entities: e, claims: c }): PatternSet => ({ version: 'p', hash: 'h', entities: e, claims: c }),
);

const RUNS = { numRuns: 150 };

/** A pattern set and a page that mentions its aliases. */
const setAndPage = patternSets.chain((set) =>
  fc.tuple(fc.constant(set), blocksFor(set as unknown as { entities: Array<{ aliases: Alias[] }> })),
);

function entityMatches(set: PatternSet, matches: readonly Match[]): Match[] {
  return matches.filter((m) => m.entry < set.entities.length);
}

function claimMatches(set: PatternSet, matches: readonly Match[]): Match[] {
  return matches.filter((m) => m.entry >= set.entities.length);
}

/**
 * Patterns whose results depend on the rest of the page, over the words of
 * the generated texts: a short form, a gated alias, a gated full name with
 * its short form, and a gated cue next to an ungated one.
 */
const GATED: PatternSet = {
  version: 'p',
  hash: 'h',
  entities: [
    { aliases: [{ text: 'green village' }, { text: 'village', afterFullName: true }] },
    { aliases: [{ text: 'omar', requires: ['syria'] }] },
    { aliases: [{ text: 'syria' }] },
    { aliases: [{ text: 'al resistance', requires: ['iraq'] }, { text: 'resistance', afterFullName: true }] },
  ],
  claims: [{ cues: [{ terms: ['oil', 'troops'], requires: ['iraq'] }] }, { cues: [{ terms: ['oil'] }] }],
};

/**
 * A page read twice as the content script reads it after a revisit: first
 * out of order (what is in view first: from block `rotation` on, then the
 * rest), then again in document order, in batches cut at `cuts`, by a
 * session that knows the first. Returns the second reading's matches.
 */
function readAgainInBatches(m: Matcher, page: string[], rotation: number, cuts: number[]): Match[] {
  const first = m.session();
  const at = rotation % page.length;
  first.scan(page.slice(at));
  first.scan(page.slice(0, at));
  const again = m.session(first);
  const points = [...new Set(cuts.map((c) => c % (page.length + 1)))].sort((a, b) => a - b);
  const batched: Match[] = [];
  let from = 0;
  for (const p of [...points, page.length]) {
    batched.push(...again.scan(page.slice(from, p)).matches.map((x) => ({ ...x, block: x.block + from })));
    from = p;
  }
  return batched;
}

function assertNoOverlap(matches: readonly Match[]): void {
  for (let i = 1; i < matches.length; i++) {
    const a = matches[i - 1]!;
    const b = matches[i]!;
    if (a.block === b.block) expect(b.start, 'sorted, not overlapping').toBeGreaterThanOrEqual(a.end);
    else expect(b.block).toBeGreaterThan(a.block);
  }
}

describe('matcher properties', () => {
  it('offsets map back to text that normalises to one of the entry’s aliases', () => {
    fc.assert(
      fc.property(setAndPage, ([set, page]) => {
        const m = Matcher.load(compileIndex(set).bytes);
        const { matches } = m.session().scan(page);
        for (const match of matches) {
          const original = page[match.block]!.slice(match.start, match.end);
          expect(original.length).toBeGreaterThan(0);
          if (match.entry < set.entities.length) {
            const folded = normaliseWithOffsets(original).folded;
            const aliases = set.entities[match.entry]!.aliases.map((a) => normaliseWithOffsets(a.text).folded);
            expect(aliases).toContain(folded);
            // The match starts and ends on token edges of the block.
            const t = tokenize(page[match.block]!);
            const edges = new Set(Array.from(t.bound.subarray(0, t.count * 2)));
            expect(edges.has(match.start) && edges.has(match.end)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('entity matches never overlap, claim matches never overlap, all sorted', () => {
    fc.assert(
      fc.property(setAndPage, ([set, page]) => {
        const { matches } = Matcher.load(compileIndex(set).bytes).session().scan(page);
        for (let i = 1; i < matches.length; i++) {
          const a = matches[i - 1]!;
          const b = matches[i]!;
          expect(a.block < b.block || (a.block === b.block && a.start <= b.start)).toBe(true);
        }
        assertNoOverlap(entityMatches(set, matches));
        assertNoOverlap(claimMatches(set, matches));
      }),
      RUNS,
    );
  });

  it('agrees with a brute-force matcher on entities', () => {
    const cases = entities.chain((e) => fc.tuple(fc.constant(e), blocksFor({ entities: e })));
    fc.assert(
      fc.property(cases, ([e, page]) => {
        const set: PatternSet = { version: 'p', hash: 'h', entities: e, claims: [] };
        const compiled = compileIndex(set);
        expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const { matches } = Matcher.load(compiled.bytes).session().scan(page);
        expect(matches).toEqual(referenceScan(set, page));
      }),
      { numRuns: 300 },
    );
  });

  it('compiled index and in-memory automaton give identical results', () => {
    fc.assert(
      fc.property(setAndPage, ([set, page]) => {
        const loaded = Matcher.load(compileIndex(set).bytes).session().scan(page);
        const memory = Matcher.fromPatterns(set).session().scan(page);
        expect(loaded).toEqual(memory);
      }),
      RUNS,
    );
  });

  it('results do not depend on how a text was cut into pieces and concatenated', () => {
    fc.assert(
      fc.property(
        patternSets,
        text,
        fc.array(fc.nat(), { maxLength: 6 }),
        (set, whole, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
          let rebuilt = '';
          let from = 0;
          for (const p of [...points, whole.length]) {
            rebuilt += whole.slice(from, p); // a rope built from pieces, as a DOM walk builds one
            from = p;
          }
          const m = Matcher.load(compileIndex(set).bytes);
          expect(m.session().scan([rebuilt])).toEqual(m.session().scan([whole]));
        },
      ),
      RUNS,
    );
  });

  it('results do not depend on how blocks are split into batches, unless a revisit is asked', () => {
    fc.assert(
      fc.property(patternSets, fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 4 }), (set, page, cuts) => {
        const m = Matcher.load(compileIndex(set).bytes);
        const whole = m.session().scan(page);
        const points = [...new Set(cuts.map((c) => c % (page.length + 1)))].sort((a, b) => a - b);
        const session = m.session();
        const batched: Match[] = [];
        let revisit = false;
        let from = 0;
        for (const p of [...points, page.length]) {
          const result = session.scan(page.slice(from, p));
          revisit ||= result.revisit;
          batched.push(...result.matches.map((x) => ({ ...x, block: x.block + from })));
          from = p;
        }
        if (!revisit) expect(batched).toEqual(whole.matches);
        else expect(points.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('read again knowing the first reading, in batches in document order, a page gives what one batch gives', () => {
    fc.assert(
      fc.property(patternSets, fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), (set, page, rotation, cuts) => {
        const m = Matcher.load(compileIndex(set).bytes);
        expect(readAgainInBatches(m, page, rotation, cuts)).toEqual(m.session().scan(page).matches);
      }),
      RUNS,
    );
  });

  it('the same with gated aliases, short forms and a gated full name, in any batches', () => {
    const m = Matcher.load(compileIndex(GATED).bytes);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), (page, rotation, cuts) => {
        expect(readAgainInBatches(m, page, rotation, cuts)).toEqual(m.session().scan(page).matches);
      }),
      { numRuns: 400 },
    );
  });

  it('a claim whose cues are all gated is found only on a page that mentions one of their context terms', () => {
    fc.assert(
      fc.property(setAndPage, ([set, page]) => {
        const folded = ` ${page.map((b) => normaliseWithOffsets(b).folded).join(' ')} `.replace(/[^a-z0-9]+/g, ' ');
        for (const match of claimMatches(set, Matcher.load(compileIndex(set).bytes).session().scan(page).matches)) {
          const cues = set.claims[match.entry - set.entities.length]!.cues;
          if (!cues.every((c) => (c.requires?.length ?? 0) > 0)) continue;
          const terms = cues.flatMap((c) => c.requires!);
          expect(terms.some((t) => folded.includes(` ${t} `)), `${terms.join(', ')} in ${folded}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a revisit is asked whenever batching changed the result', () => {
    // Gated aliases make batching matter; the session must say so.
    const m = Matcher.load(compileIndex(GATED).bytes);
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), fc.nat(), (page, cut) => {
        const at = 1 + (cut % (page.length - 1));
        const session = m.session();
        const first = session.scan(page.slice(0, at));
        const second = session.scan(page.slice(at));
        const batched = [...first.matches, ...second.matches.map((x) => ({ ...x, block: x.block + at }))];
        const whole = m.session().scan(page).matches;
        if (JSON.stringify(batched) !== JSON.stringify(whole)) expect(second.revisit).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('hostile patterns and texts never crash compile or scan', () => {
    const hostileString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('', ' ', '*', '|', '.*+?^${}()|[]\\', '\ud800', '\udc00x', 'a'.repeat(10_000), '%$£€', "''''", '...', '--'),
    );
    const hostileSet = fc.record({
      entities: fc.array(
        fc.record({
          aliases: fc.array(
            fc.record({
              text: hostileString,
              case: fc.constantFrom<AliasCase | undefined>(undefined, 'sensitive', 'proper'),
              requires: fc.option(fc.array(hostileString, { maxLength: 2 }), { nil: undefined }),
              afterFullName: fc.option(fc.boolean(), { nil: undefined }),
            }),
            { maxLength: 4 },
          ),
        }),
        { maxLength: 6 },
      ),
      claims: fc.array(
        fc.record({
          cues: fc.array(
            fc.record({
              terms: fc.array(hostileString, { maxLength: 3 }),
              requires: fc.option(fc.array(hostileString, { maxLength: 2 }), { nil: undefined }),
            }),
            { maxLength: 2 },
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(hostileSet, fc.array(hostileString, { maxLength: 4 }), (raw, page) => {
        // Duplicate every entity so that the same aliases appear on two entries.
        const set = { version: 'x', hash: 'y', entities: [...raw.entities, ...raw.entities], claims: raw.claims } as unknown as PatternSet;
        const { bytes, problems } = compileIndex(set);
        for (const p of problems) expect(['error', 'warning']).toContain(p.severity);
        const m = Matcher.load(bytes);
        const result = m.session().scan([...page, ...raw.entities.flatMap((e) => e.aliases.map((a) => a.text))]);
        expect(Array.isArray(result.matches)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
