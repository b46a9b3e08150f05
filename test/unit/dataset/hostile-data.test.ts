/**
 * A malformed or hostile dataset never crashes the data tools or the build:
 * each case below is a copy of the valid fixture with one file broken, and
 * must be reported with the file (and the entry and field, where there is one).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset, formatFailure } from '../../../tools/data/build.ts';
import { checkDataset } from '../../../tools/data/check-dataset.ts';
import { parseJson } from '../../../tools/data/json-errors.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { formatProblem, formatReport, sortProblems, type Problem } from '../../../tools/data/problem.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const TODAY = '2026-11-25';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of the valid fixture with `file` (relative to it) replaced by `text`. */
async function brokenCopy(file: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'backstory-hostile-'));
  made.push(dir);
  await cp(path.join(FIXTURES, 'valid'), dir, { recursive: true });
  await writeFile(path.join(dir, file), text, 'utf8');
  return dir;
}

async function check(dir: string): Promise<Problem[]> {
  return checkDataset(await loadDataset(dir), { today: TODAY });
}

const errorsIn = (problems: Problem[], file: string) =>
  problems.filter((p) => p.severity === 'error' && p.file.endsWith(file)).map(formatProblem);

describe('a data file whose content is JSON null', () => {
  it('is reported by data:check and refused by the build, naming the file', async () => {
    const dir = await brokenCopy('entities/people.json', 'null\n');
    const problems = await check(dir);
    expect(errorsIn(problems, 'entities/people.json'), formatReport(problems)).toEqual([
      expect.stringMatching(/entities\/people\.json: error: must be object$/),
    ]);
    const built = await buildDataset(dir, { today: TODAY });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(formatFailure(built)).toMatch(/entities\/people\.json: error: must be object/);
  });
});

describe('a data file of the wrong shape', () => {
  const places = (json: unknown) => `${JSON.stringify(json, null, 2)}\n`;
  const shapes: Array<{ shape: string; text: string; error: RegExp }> = [
    { shape: 'a list', text: places([]), error: /places\.json: error: must be object$/ },
    { shape: 'a string', text: places('hello'), error: /places\.json: error: must be object$/ },
    { shape: 'entities as an object', text: places({ entities: {} }), error: /places\.json: entities: error: must be array$/ },
    { shape: 'a misspelt key', text: places({ entites: [] }), error: /places\.json: entites: error: is not a property the schema allows$/ },
    { shape: 'invalid JSON', text: '{ "entities": [ }\n', error: /places\.json: line 1: error: not valid JSON/ },
  ];

  it.each(shapes)('$shape: reports its own error first, and the links into it once, as unchecked', async ({ text, error }) => {
    const problems = await check(await brokenCopy('entities/places.json', text));
    const report = formatReport(problems);
    const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors, report).toEqual([expect.stringMatching(error)]);
    expect(report.split('\n')[0]).toMatch(error);
    // mara-quill links to port-calder, which is in the file that could not be read.
    const notes = problems.filter((p) => p.severity === 'warning').map(formatProblem);
    expect(notes, report).toEqual([
      expect.stringMatching(/places\.json: warning: its entries are unknown, so 1 link to an id found in no other file is not checked until it is fixed \(.*people\.json: mara-quill: related\[0\]\.id: "port-calder"\)$/),
    ]);
  });

  it('an entry that is not an object is reported as such, not as out of id order', async () => {
    const { entities } = JSON.parse(await readFile(path.join(FIXTURES, 'valid/entities/places.json'), 'utf8')) as { entities: unknown[] };
    const problems = await check(await brokenCopy('entities/places.json', places({ entities: [...entities, 5] })));
    expect(problems.map(formatProblem), formatReport(problems)).toEqual([expect.stringMatching(/places\.json: entities\[2\]: error: must be object$/)]);
  });
});

describe('text with an unpaired surrogate', () => {
  it('is an error in any string of an entry, named by file, id and field path', async () => {
    const placesText = await readFile(path.join(FIXTURES, 'valid/entities/places.json'), 'utf8');
    const dir = await brokenCopy('entities/places.json', placesText.replace('"name": "Calder River"', '"name": "Calder\\ud800 River"'));
    const claimsText = await readFile(path.join(dir, 'claims/harbour.json'), 'utf8');
    const claims = JSON.parse(claimsText) as { claims: Array<{ id: string; perspectives: Array<{ sources: Array<{ title: string }> }> }> };
    const busiest = claims.claims.find((c) => c.id === 'port-calder-busiest')!;
    busiest.perspectives[0]!.sources[0]!.title = '\udc00 cut emoji';
    await writeFile(path.join(dir, 'claims/harbour.json'), `${JSON.stringify(claims, null, 2)}\n`, 'utf8');

    const problems = await check(dir);
    expect(sortProblems(problems).map(formatProblem), formatReport(problems)).toEqual([
      expect.stringMatching(/harbour\.json: port-calder-busiest: perspectives\[0\]\.sources\[0\]\.title: error: contains an unpaired surrogate \(U\+DC00 at offset 0\)$/),
      expect.stringMatching(/places\.json: calder-river: name: error: contains an unpaired surrogate \(U\+D800 at offset 6\)$/),
    ]);
  });

  it('in an alias is reported once, though the matcher finds it too', async () => {
    const placesText = await readFile(path.join(FIXTURES, 'valid/entities/places.json'), 'utf8');
    const dir = await brokenCopy('entities/places.json', placesText.replace('"text": "Calder River"', '"text": "Calder\\ud800River"'));
    const built = await buildDataset(dir, { today: TODAY });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/places\.json: calder-river: aliases\[0\]\.text: error: contains an unpaired surrogate \(U\+D800 at offset 6\)$/),
    ]);
  });
});

describe('very deeply nested JSON', () => {
  const cases = [
    { name: 'an unterminated 100,000-deep list', text: '['.repeat(100_000) },
    { name: 'valid JSON 5,000 lists deep', text: `{ "entities": ${'['.repeat(5000)}${']'.repeat(5000)} }\n` },
  ];

  it.each(cases)('$name: is reported on the file and refused by the build, not a stack overflow', async ({ text }) => {
    const dir = await brokenCopy('entities/places.json', text);
    const problems = await check(dir);
    expect(errorsIn(problems, 'entities/places.json'), formatReport(problems)).toEqual([
      expect.stringMatching(/places\.json: line 1: error: nested more than 64 levels deep \(line 1, column \d+\): no data file needs so many, so it is not read$/),
    ]);
    const built = await buildDataset(dir, { today: TODAY });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(formatFailure(built)).toMatch(/places\.json: line 1: error: nested more than 64 levels deep/);
  });

  it('is refused before any recursive code sees it, wherever it is parsed', () => {
    expect(parseJson(`${'['.repeat(65)}${']'.repeat(65)}`)).toEqual({ ok: false, line: 1, column: 65, message: 'nested more than 64 levels deep (line 1, column 65): no data file needs so many, so it is not read' });
    expect(parseJson(`${'['.repeat(64)}${']'.repeat(64)}`).ok).toBe(true);
    // Brackets inside strings are text, not nesting.
    expect(parseJson(JSON.stringify({ text: '['.repeat(1000) })).ok).toBe(true);
  });
});

describe('a file that starts with a byte order mark', () => {
  it('is reported in one line that says what to do', async () => {
    const placesText = await readFile(path.join(FIXTURES, 'valid/entities/places.json'), 'utf8');
    const problems = await check(await brokenCopy('entities/places.json', `\ufeff${placesText}`));
    expect(errorsIn(problems, 'entities/places.json'), formatReport(problems)).toEqual([
      expect.stringMatching(/places\.json: line 1: error: starts with a byte order mark: save it as UTF-8 without one$/),
    ]);
  });

  it('and V8 messages that quote the text are cut to the message itself', () => {
    const long = `{"${'a'.repeat(40)}": 1, "${'b'.repeat(40)}": x, "${'c'.repeat(40)}": 2}`;
    expect(parseJson(long)).toMatchObject({ ok: false, message: "not valid JSON (line 1, column 93): Unexpected token 'x'" });
    expect(parseJson('{"a": x}')).toMatchObject({ ok: false, message: "not valid JSON (line 1, column 7): Unexpected token 'x'" });
  });
});

describe('data:stats and data:import on entries that fail the schema', () => {
  const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

  /** Runs a data CLI as npm would, and returns its exit code and output. */
  async function run(script: string, args: string[]): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', `tools/data/${script}`, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` });
      });
    });
  }

  /** Numeric and missing ids, a numeric asOf, aliases as a string, a claim without cues. */
  async function invalidEntries(): Promise<string> {
    const dir = await brokenCopy('dataset.json', await readFile(path.join(FIXTURES, 'valid/dataset.json'), 'utf8'));
    const edit = async (file: string, change: (entries: Array<Record<string, unknown>>) => void) => {
      const json = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, Array<Record<string, unknown>>>;
      change((json.entities ?? json.claims)!);
      await writeFile(path.join(dir, file), `${JSON.stringify(json, null, 2)}\n`, 'utf8');
    };
    await edit('entities/places.json', ([river, port]) => {
      river!.id = 42;
      port!.asOf = 2024;
      port!.aliases = 'Port Calder';
    });
    await edit('entities/outlets.json', ([gazette]) => {
      delete gazette!.id;
    });
    await edit('claims/harbour.json', ([claim]) => {
      delete claim!.cues;
    });
    return dir;
  }

  it('data:stats counts the entries that passed and names the others by file, id and field', async () => {
    const { code, out } = await run('stats.ts', ['--data', await invalidEntries()]);
    expect(out).not.toMatch(/TypeError/);
    expect(out).toMatch(/places\.json: entities\[0\]: id: error: must be string/);
    expect(out).toMatch(/places\.json: port-calder: aliases: error: must be array/);
    expect(out).toMatch(/places\.json: port-calder: asOf: error: must be string/);
    expect(out).toMatch(/outlets\.json: entities\[0\]: id: error: is missing \(required\)/);
    expect(out).toMatch(/harbour\.json: port-calder-busiest: cues: error: is missing \(required\)/);
    expect(out).toMatch(/counting only the entries that passed the schema/);
    expect(out).toMatch(/^1 entities, 1 claims$/m);
    expect(code).toBe(0);
  });

  it('data:import refuses with the check\'s errors and exit code 1', async () => {
    const { code, out } = await run('import-claimreview.ts', [path.join(FIXTURES, 'claimreview/single.json'), '--data', await invalidEntries(), '--dry-run']);
    expect(out).not.toMatch(/TypeError/);
    expect(out).toMatch(/places\.json: port-calder: aliases: error: must be array/);
    expect(out).toMatch(/fix the dataset first/);
    expect(code).toBe(1);
  });

  it('data:import says so, in one line, when its input file is missing', async () => {
    const missing = path.join(FIXTURES, 'claimreview/no-such-file.json');
    const { code, out } = await run('import-claimreview.ts', [missing, '--data', path.join(FIXTURES, 'valid'), '--dry-run']);
    expect(out.trim()).toBe(`${missing}: error: cannot be read (ENOENT)`);
    expect(code).toBe(1);
  });

  it('data:import refuses an output file that is JSON null, naming it', async () => {
    // Outside the data directory, so that only the importer reads it.
    const outDir = await brokenCopy('dataset.json', await readFile(path.join(FIXTURES, 'valid/dataset.json'), 'utf8'));
    await writeFile(path.join(outDir, 'drafts.json'), 'null\n', 'utf8');
    const { code, out } = await run('import-claimreview.ts', [path.join(FIXTURES, 'claimreview/single.json'), '--data', path.join(FIXTURES, 'valid'), '--out', path.join(outDir, 'drafts.json')]);
    expect(out).not.toMatch(/TypeError/);
    expect(out).toMatch(/drafts\.json: error: must be object\n.*\nnothing imported: fix the output file first/);
    expect(code).toBe(1);
  });
});
