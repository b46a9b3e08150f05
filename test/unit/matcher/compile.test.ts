import { describe, expect, it } from 'vitest';
import { Matcher, compileIndex, type PatternProblem, type PatternSet } from '../../../src/matcher/index.ts';
import { patternSet, textsOf } from './helpers.ts';

function problemsOf(set: PatternSet): PatternProblem[] {
  return compileIndex(set).problems;
}

function only(problems: PatternProblem[]): Pick<PatternProblem, 'entry' | 'field' | 'severity'>[] {
  return problems.map(({ entry, field, severity }) => ({ entry, field, severity }));
}

describe('compileIndex problems', () => {
  it('reports nothing for a clean set', () => {
    expect(problemsOf(patternSet([['Syria'], ['Iraq', 'IRQ']], [[{ terms: ['troops', 'left'] }]]))).toEqual([]);
  });

  it('skips aliases that are empty after normalisation, too long, or broken', () => {
    const set = patternSet([['Syria', '—', "''", 'x'.repeat(201), 'a\ud800b', 'Iraq. Syria', 'Foo\u0001Bar', 'Baz\u0085']]);
    const problems = problemsOf(set);
    expect(only(problems)).toEqual([
      { entry: 0, field: 'aliases[1].text', severity: 'error' },
      { entry: 0, field: 'aliases[2].text', severity: 'error' },
      { entry: 0, field: 'aliases[3].text', severity: 'error' },
      { entry: 0, field: 'aliases[4].text', severity: 'error' },
      { entry: 0, field: 'aliases[5].text', severity: 'error' },
      { entry: 0, field: 'aliases[6].text', severity: 'error' },
      { entry: 0, field: 'aliases[7].text', severity: 'error' },
    ]);
    expect(problems[0]!.message).toMatch(/empty after normalisation/);
    expect(problems[2]!.message).toMatch(/limit is 200/);
    expect(problems[3]!.message).toMatch(/unpaired surrogate \(U\+D800 at offset 1\)/);
    expect(problems[4]!.message).toMatch(/end of a sentence/);
    expect(problems[5]!.message).toMatch(/control character \(U\+0001 at offset 3\)/);
    expect(problems[6]!.message).toMatch(/control character \(U\+0085 at offset 3\)/);
    // What remains still works.
    const m = Matcher.load(compileIndex(set).bytes);
    expect(textsOf(m, 0, 'In Syria.')).toEqual(['Syria']);
  });

  it('warns about duplicate aliases within an entry and keeps one', () => {
    const problems = problemsOf(patternSet([['Kataib Hezbollah', "Kata'ib Hezbollah", 'KATAIB HEZBOLLAH']]));
    expect(only(problems)).toEqual([
      { entry: 0, field: 'aliases[1].text', severity: 'warning' },
      { entry: 0, field: 'aliases[2].text', severity: 'warning' },
    ]);
    expect(problems[0]!.message).toMatch(/duplicate of aliases\[0\]/);
  });

  it('rejects the same ungated alias on two entries, but allows gated ones', () => {
    const clash = problemsOf(patternSet([['Conoco'], ['conoco']]));
    expect(only(clash)).toEqual([{ entry: 1, field: 'aliases[0].text', severity: 'error' }]);
    expect(clash[0]!.message).toMatch(/entry 0 aliases\[0\]/);
    // Entries with ids are named by id: a reader knows ids, not compiled positions.
    const named: PatternSet = {
      version: '1',
      hash: 'h',
      entities: [
        { id: 'conoco-one', aliases: [{ text: 'Conoco' }] },
        { id: 'conoco-two', aliases: [{ text: 'Conoco Two' }, { text: 'CONOCO' }] },
      ],
      claims: [],
    };
    const byId = problemsOf(named);
    expect(only(byId)).toEqual([{ entry: 1, field: 'aliases[1].text', severity: 'error' }]);
    expect(byId[0]!.message).toMatch(/^same text as entry "conoco-one" aliases\[0\];/);
    const gated = problemsOf(patternSet([['Conoco'], [{ text: 'Conoco', requires: ['Syria'] }]]));
    expect(gated).toEqual([]);
    // Case rules that can never accept the same spelling do not clash.
    expect(problemsOf(patternSet([[{ text: 'AMAL', case: 'sensitive' }], [{ text: 'Amal', case: 'proper' }]]))).toEqual([]);
  });

  it('reports unusable context terms and skips an alias left with none', () => {
    const problems = problemsOf(patternSet([[{ text: 'Conoco', requires: ['—', 'Syria'] }, { text: 'Omar', requires: ['...'] }]]));
    expect(only(problems)).toEqual([
      { entry: 0, field: 'aliases[0].requires[0]', severity: 'error' },
      { entry: 0, field: 'aliases[1].requires[0]', severity: 'error' },
      { entry: 0, field: 'aliases[1].requires', severity: 'error' },
    ]);
  });

  it('warns about unknown case, empty requires and orphan short forms', () => {
    const set = patternSet([[{ text: 'Syria', case: 'shouting' as never }, { text: 'Iraq', requires: [] }], [{ text: 'Ryder', afterFullName: true }]]);
    expect(only(problemsOf(set))).toEqual([
      { entry: 0, field: 'aliases[0].case', severity: 'warning' },
      { entry: 0, field: 'aliases[1].requires', severity: 'warning' },
      { entry: 1, field: 'aliases[0].afterFullName', severity: 'warning' },
    ]);
  });

  it('reports cue problems with claim entry numbers after the entities', () => {
    const set = patternSet(
      [['Syria']],
      [
        [{ terms: [] }],
        [{ terms: ['ok', '—'] }, { terms: ['fine'] }],
        [{ terms: ['at*ack'] }],
        [{ terms: ['a*'] }],
        [{ terms: ['troops'], maxGap: 99, cover: 'page' as never }],
        [{ terms: ['one|'] }],
      ],
    );
    const problems = problemsOf(set);
    expect(only(problems)).toEqual([
      { entry: 1, field: 'cues[0].terms', severity: 'error' },
      { entry: 1, field: 'cues', severity: 'error' },
      { entry: 2, field: 'cues[0].terms[1]', severity: 'error' },
      { entry: 3, field: 'cues[0].terms[0]', severity: 'error' },
      { entry: 3, field: 'cues', severity: 'error' },
      { entry: 4, field: 'cues[0].terms[0]', severity: 'error' },
      { entry: 4, field: 'cues', severity: 'error' },
      { entry: 5, field: 'cues[0].maxGap', severity: 'warning' },
      { entry: 5, field: 'cues[0].cover', severity: 'warning' },
      { entry: 6, field: 'cues[0].terms[0]', severity: 'error' },
      { entry: 6, field: 'cues', severity: 'error' },
    ]);
    expect(problems[0]!.message).toMatch(/no usable term/);
    expect(problems[3]!.message).toMatch(/'\*' that does not end a word/);
    expect(problems[5]!.message).toMatch(/too short a prefix/);
  });

  it('reports a cue’s context terms as it does an alias’s', () => {
    const set = patternSet(
      [['Syria']],
      [
        [{ terms: ['oil'], requires: 'Syria' as never }, { terms: ['gas'], requires: [] }],
        [{ terms: ['oil'], requires: ['—', 'Syria'] }, { terms: ['gas'], requires: ['...'] }],
      ],
    );
    const problems = problemsOf(set);
    expect(only(problems)).toEqual([
      { entry: 1, field: 'cues[0].requires', severity: 'error' },
      { entry: 1, field: 'cues[1].requires', severity: 'warning' },
      { entry: 2, field: 'cues[0].requires[0]', severity: 'error' },
      { entry: 2, field: 'cues[1].requires[0]', severity: 'error' },
      { entry: 2, field: 'cues[1].requires', severity: 'error' },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'is not a list of context terms; cue skipped',
      'is empty; the cue is treated as ungated',
      expect.stringMatching(/^context term "—" .*; ignored$/),
      expect.stringMatching(/^context term "\.\.\." .*; ignored$/),
      'has no usable context term; cue skipped',
    ]);
  });

  it('never throws on hostile input', () => {
    const hostile = {
      version: 7,
      hash: null,
      entities: [
        null,
        { aliases: 'Syria' },
        { aliases: [null, 42, { text: 42 }, { text: '(.*)+[a-z]{2,}\\' }, { text: 'x', requires: 'Syria' }] },
        { aliases: [{ text: 'y'.repeat(10_000) }, { text: '\udfff\ud800' }] },
      ],
      claims: [null, { cues: [null, { terms: [null, 5] }, { terms: 'x' }] }, { cues: 'x' }],
    } as unknown as PatternSet;
    const { bytes, problems } = compileIndex(hostile);
    expect(problems.length).toBeGreaterThan(5);
    expect(problems.every((p) => typeof p.field === 'string' && p.message.length > 0)).toBe(true);
    const m = Matcher.load(bytes);
    expect(m.version).toBe('7');
    expect(() => m.session().scan(['(.*)+[a-z]{2,}\\ x y z'])).not.toThrow();
  });
});
