/**
 * data:check over the real dataset and over broken fixtures, each of which
 * must be reported with the right file, entry id and field.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../tools/data/canonical.ts';
import { checkDataset } from '../../../tools/data/check-dataset.ts';
import { fixFormatting } from '../../../tools/data/fix-formatting.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { loadMatcher, matcherAliasKey } from '../../../tools/data/matcher-api.ts';
import { countProblems, formatProblem, formatReport, type Problem } from '../../../tools/data/problem.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.join(ROOT, 'test/fixtures/data');
// Fixed, so fixture dates keep their meaning; the real data is checked against the real today.
const TODAY = '2026-11-25';

async function check(name: string): Promise<Problem[]> {
  return checkDataset(await loadDataset(path.join(FIXTURES, name)), { today: TODAY });
}

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

describe('data:check on the real dataset', () => {
  it('reports no errors in data/', async () => {
    const loaded = await loadDataset(path.join(ROOT, 'data'));
    const matcher = await loadMatcher();
    expect(matcher.ok ? '' : matcher.reason, 'the matcher must load to check aliases and cues').toBe('');
    if (!matcher.ok) return;
    const problems = checkDataset(loaded, { compileIndex: matcher.api.compileIndex, aliasKey: matcherAliasKey(matcher.api) });
    const found = errors(problems);
    // The message is the full report, so a failing run says what to fix.
    expect(found, `\n${formatReport(found)}`).toEqual([]);
  });
});

describe('data:check on fixtures', () => {
  it('passes the valid fixture with no errors or warnings', async () => {
    const problems = await check('valid');
    expect(problems, formatReport(problems)).toEqual([]);
  });

  const cases: Array<{ fixture: string; file: string; id?: string; field?: string; message: RegExp }> = [
    { fixture: 'dangling-reference', file: 'entities/people.json', id: 'mara-quill', field: 'related[1].id', message: /unknown id "calder-harbour-board"/ },
    { fixture: 'missing-source', file: 'entities/outlets.json', id: 'calder-gazette', field: 'sources', message: /missing/ },
    { fixture: 'missing-perspective-source', file: 'claims/harbour.json', id: 'port-calder-tonnage', field: 'perspectives[0].sources', message: /fewer than 1/ },
    { fixture: 'duplicate-id', file: 'entities/people.json', id: 'mara-quill', field: 'id', message: /duplicate id.*entities\/extra\.json/ },
    { fixture: 'empty-alias', file: 'entities/people.json', id: 'mara-quill', field: 'aliases[2].text', message: /empty/ },
    { fixture: 'colliding-alias', file: 'entities/outlets.json', id: 'calder-gazette', field: 'aliases[1].text', message: /also an ungated alias of port-calder/ },
    { fixture: 'colliding-alias', file: 'entities/places.json', id: 'port-calder', field: 'aliases[0].text', message: /also an ungated alias of calder-gazette/ },
    { fixture: 'long-summary', file: 'entities/places.json', id: 'port-calder', field: 'summary', message: /61 words; at most 60/ },
    { fixture: 'one-sided-dispute', file: 'claims/harbour.json', id: 'port-calder-busiest', field: 'perspectives', message: /at least 2 perspectives/ },
    { fixture: 'bad-date', file: 'entities/places.json', id: 'calder-river', field: 'asOf', message: /not a real date/ },
    { fixture: 'bad-date', file: 'entities/people.json', id: 'mara-quill', field: 'facts[0].asOf', message: /later than today/ },
    { fixture: 'unsorted', file: 'entities/places.json', id: 'calder-river', field: 'entities', message: /not sorted by id/ },
    { fixture: 'not-canonical', file: 'entities/places.json', field: 'line 2', message: /canonical formatting/ },
    { fixture: 'invalid-json', file: 'entities/people.json', field: 'line 35', message: /not valid JSON \(line 35, column \d+\)/ },
    { fixture: 'bad-url', file: 'entities/people.json', id: 'mara-quill', field: 'sources[0].url', message: /en\.wikipedia\.org\/wiki\/Title/ },
    { fixture: 'bad-url', file: 'entities/outlets.json', id: 'calder-gazette', field: 'sources[0].url', message: /pattern/ },
    { fixture: 'kind-fields', file: 'entities/outlets.json', id: 'calder-gazette', field: 'publisher', message: /every outlet/ },
    { fixture: 'kind-fields', file: 'entities/people.json', id: 'mara-quill', field: 'domains', message: /outlets only/ },
    { fixture: 'schema-and-self-link', file: 'entities/people.json', id: 'mara-quill', field: 'kind', message: /must be one of/ },
    { fixture: 'schema-and-self-link', file: 'entities/places.json', id: 'port-calder', field: 'related[1].id', message: /links to itself/ },
  ];

  it.each(cases)('$fixture: $id $field', async ({ fixture, file, id, field, message }) => {
    const problems = await check(fixture);
    const expectedFile = `test/fixtures/data/${fixture}/${file}`;
    const hit = errors(problems).find((p) => p.file === expectedFile && p.id === id && p.field === field && message.test(p.message));
    expect(hit, `expected ${expectedFile}: ${id}: ${field}: ${message}; got\n${formatReport(problems)}`).toBeDefined();
    expect(formatProblem(hit!)).toBe(`${[expectedFile, id, field].filter(Boolean).join(': ')}: error: ${hit!.message}`);
  });

  it('reports only what is broken: each broken fixture has few errors, all in the broken place', async () => {
    for (const fixture of new Set(cases.map((c) => c.fixture))) {
      const expected = cases.filter((c) => c.fixture === fixture);
      const found = errors(await check(fixture));
      expect(found.length, `${fixture}:\n${formatReport(found)}`).toBeLessThanOrEqual(expected.length);
    }
  });

  it("reports the matcher's own verdict with ids: the alias clash names the other entry's id", async () => {
    const matcher = await loadMatcher();
    if (!matcher.ok) throw new Error(matcher.reason);
    const loaded = await loadDataset(path.join(FIXTURES, 'colliding-alias'));
    const problems = checkDataset(loaded, { today: TODAY, compileIndex: matcher.api.compileIndex, aliasKey: matcherAliasKey(matcher.api) });
    const clash = problems.filter((p) => p.message.startsWith('same text as'));
    expect(clash.map(formatProblem)).toEqual([
      'test/fixtures/data/colliding-alias/entities/places.json: port-calder: aliases[0].text: error: same text as entry "calder-gazette" aliases[1]; only one entry may use it ungated (gate the others with requires or afterFullName); skipped',
    ]);
  });

  it('warns about a demonym given as an alias of its place', async () => {
    const problems = await check('demonym-alias');
    expect(errors(problems), formatReport(problems)).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'test/fixtures/data/demonym-alias/entities/places.json: calder-river: aliases[2].text: warning: "Calderian" reads as the demonym of "Calder"; a demonym is no alias of its place (use it as a context term)',
    ]);
  });

  it('does not crash on a file that is not JSON and still checks the other files', async () => {
    const loaded = await loadDataset(path.join(FIXTURES, 'invalid-json'));
    expect(loaded.dataset.entities.map((e) => e.id).sort()).toEqual(['calder-gazette', 'calder-river', 'port-calder']);
    // The link into the unparsed file is not an error of its own, but a note on that file.
    const problems = checkDataset(loaded, { today: TODAY });
    expect(problems.filter((p) => p.message.startsWith('unknown id'))).toEqual([]);
    const note = problems.find((p) => p.severity === 'warning' && p.file.endsWith('invalid-json/entities/people.json'));
    expect(note?.message).toMatch(/^its entries are unknown, so 1 link .* not checked until it is fixed \(.*: "mara-quill"\)$/);
  });
});

describe('data:check --fix', () => {
  it('sorts and reformats without changing content, after which the check passes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backstory-fix-'));
    try {
      for (const fixture of ['unsorted', 'not-canonical']) {
        const copy = path.join(dir, fixture);
        await cp(path.join(FIXTURES, fixture), copy, { recursive: true });
        const before = await loadDataset(copy);
        const rewritten = await fixFormatting(before);
        expect(rewritten.map((f) => path.basename(f))).toEqual(['places.json']);
        const after = await loadDataset(copy);
        expect(countProblems(checkDataset(after, { today: TODAY })).errors).toBe(0);
        expect(after.hash).toBe(before.hash);
        const text = await readFile(path.join(copy, 'entities/places.json'), 'utf8');
        expect(text).toBe(canonicalText(JSON.parse(text)));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
