/**
 * The extension's ajv-free validator (src/dataset/validate.ts and
 * schema-subset.ts) must agree with ajv, which data:check uses: on the real
 * data, on the fixtures, and on many randomly mutated entries, it accepts
 * and rejects the same values and points at the same places.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SchemaSet } from '../../../src/dataset/schema-subset.ts';
import type { DatasetHeader } from '../../../src/dataset/types.ts';
import { SCHEMA_IDS, datasetSchemas, validateUserDataset } from '../../../src/dataset/validate.ts';
import { schemaValidators } from '../../../tools/data/schema-validation.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ajv = schemaValidators();
const subset = datasetSchemas();

function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const sub of ['entities', 'claims']) {
    try {
      for (const name of readdirSync(path.join(dir, sub))) if (name.endsWith('.json')) out.push(path.join(dir, sub, name));
    } catch {
      // a fixture without claims/ or entities/
    }
  }
  return out;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined; // invalid-json fixture, or a content file mid-edit
  }
}

/** ajv's error locations in the subset's path notation. */
function ajvPaths(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const segments = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/');
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    if (e.keyword === 'required') segments.push(String(params.missingProperty));
    if (e.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
    return segments.reduce((p, s) => (/^\d+$/.test(s) ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
  });
}

// ajv's pointers cannot tell an object key "0" from an array index 0; compare both as [0].
const uniqueSorted = (paths: string[]) => [...new Set(paths.map((p) => p.replace(/\.(\d+)(?=[.[]|$)/g, '[$1]')))].sort();

function expectAgreement(kind: 'entity' | 'claim' | 'file' | 'header', value: unknown): void {
  const ours = uniqueSorted(subset.validate(SCHEMA_IDS[kind], value).map((e) => e.path));
  const theirs = uniqueSorted(ajvPaths(ajv[kind], value));
  expect(ours, JSON.stringify(value).slice(0, 400)).toEqual(theirs);
}

// Every data file we have: the real data (as far as it is written) and the fixtures.
const dataFiles = [
  ...jsonFilesUnder(path.join(ROOT, 'data')),
  ...readdirSync(path.join(ROOT, 'test/fixtures/data')).flatMap((f) => jsonFilesUnder(path.join(ROOT, 'test/fixtures/data', f))),
];
const parsedFiles = dataFiles.map(readJson).filter((j): j is Record<string, unknown> => j !== undefined);
const entriesOf = (list: 'entities' | 'claims') =>
  parsedFiles.flatMap((f) => (Array.isArray(f[list]) ? (f[list] as unknown[]) : []));

describe('schema-subset agrees with ajv', () => {
  it('on every data file and entry in data/ and the fixtures', () => {
    expect(parsedFiles.length).toBeGreaterThan(10);
    for (const file of parsedFiles) expectAgreement('file', file);
    for (const entity of entriesOf('entities')) expectAgreement('entity', entity);
    for (const claim of entriesOf('claims')) expectAgreement('claim', claim);
    expectAgreement('header', readJson(path.join(ROOT, 'data/dataset.json')));
  });

  // Values chosen to sit on the schema's edges: lengths at limits, code points
  // versus UTF-16 units, markup, near-miss ids, dates and enums.
  const tricky = fc.constantFrom<unknown>(
    '', 'a', 'ab', ' ', '<b>', 'x'.repeat(60), 'x'.repeat(61), 'x'.repeat(120), 'x'.repeat(121), 'x'.repeat(600), 'x'.repeat(601),
    '😀'.repeat(60), '😀'.repeat(61), '😀'.repeat(120), '😀'.repeat(121), 'Deir ez-Zor', 'Bad-Id', 'ok-id', 'ok--id', '-ok',
    '2023', '2023-13', '2023-02-30', '2023-1-1', '23-01-01', 'https://example.org/x', 'http://example.org/x', 'https://a b',
    'Q42', 'Q0', 'q42', 'en', 'en-GB', 'EN', 'example.org', 'www.example.org', 'Example.org', 'person', 'outlet', 'false',
    'disputed', 'sentence', 'see-also', 'supports', 'state-funded', 'sensitive', 0, -1, 8, 30, 31, 2.5, true, false, null, [], {}, [''],
  );
  const value = fc.oneof({ weight: 3, arbitrary: tricky }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

  type Mutation = { at: number; kind: 'set' | 'delete' | 'add' | 'wrap'; value: unknown };
  const mutation = fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'delete', 'add', 'wrap'), value }) as fc.Arbitrary<Mutation>;

  /** All places in a JSON value: [container, key] pairs, depth-first. */
  function places(root: unknown): Array<[Record<string, unknown> | unknown[], string | number]> {
    const out: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach((child, i) => (out.push([node, i]), walk(child)));
      else if (typeof node === 'object' && node !== null) {
        for (const [key, child] of Object.entries(node)) out.push([node as Record<string, unknown>, key]), walk(child);
      }
    };
    walk(root);
    return out;
  }

  // Keys an object lookup might find on Object.prototype, besides plain unknown ones.
  const EXTRA_KEYS = ['extra', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];

  function mutate(original: unknown, mutations: Mutation[]): unknown {
    const copy = structuredClone(original);
    for (const m of mutations) {
      const all = places(copy);
      if (all.length === 0) break;
      const [container, key] = all[m.at % all.length]!;
      const target = container as Record<string | number, unknown>;
      if (m.kind === 'set') target[key] = structuredClone(m.value);
      else if (m.kind === 'wrap') target[key] = [target[key]];
      else if (m.kind === 'delete') {
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete target[key];
      } else if (Array.isArray(container)) container.push(structuredClone(m.value));
      else target[EXTRA_KEYS[m.at % EXTRA_KEYS.length]!] = structuredClone(m.value);
    }
    return copy;
  }

  for (const kind of ['entity', 'claim'] as const) {
    it(`on randomly mutated ${kind === 'entity' ? 'entities' : 'claims'}`, () => {
      const samples = entriesOf(kind === 'entity' ? 'entities' : 'claims');
      expect(samples.length).toBeGreaterThan(0);
      let rejected = 0;
      fc.assert(
        fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (pick, mutations) => {
          const mutated = mutate(samples[pick % samples.length], mutations);
          expectAgreement(kind, mutated);
          if (!ajv[kind](mutated)) rejected++;
        }),
        { numRuns: 1500 },
      );
      // The mutations must actually produce invalid entries for the comparison to mean anything.
      expect(rejected).toBeGreaterThan(300);
    });
  }

  it('says "an" before a type that starts with a vowel', () => {
    expect(subset.validate(SCHEMA_IDS.entity, 'text')).toEqual([{ path: '', message: 'must be an object' }]);
    expect(subset.validate(SCHEMA_IDS.file, { entities: {} })).toEqual([{ path: 'entities', message: 'must be an array' }]);
    expect(subset.validate(SCHEMA_IDS.entity, { id: 7 }).find((e) => e.path === 'id')?.message).toBe('must be a string');
  });

  it('refuses a schema keyword it does not implement', () => {
    expect(() => new SchemaSet([{ $id: 'https://x.invalid/s.json', type: 'string', format: 'uri' } as never])).toThrow(/format/);
  });
});

describe('validateUserDataset', () => {
  const header: DatasetHeader = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/data/valid/dataset.json'), 'utf8')) as DatasetHeader;
  const fixtureFile = (fixture: string, file: string) =>
    JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/data', fixture, file), 'utf8')) as { entities?: unknown[]; claims?: unknown[] };
  const validWhole = () => ({
    header: structuredClone(header),
    entities: ['places', 'people', 'outlets'].flatMap((f) => fixtureFile('valid', `entities/${f}.json`).entities ?? []),
    claims: fixtureFile('valid', 'claims/harbour.json').claims ?? [],
  });

  it('accepts a whole valid dataset and returns it', () => {
    const result = validateUserDataset(validWhole());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) {
      expect(result.dataset.entities).toHaveLength(4);
      expect(result.dataset.claims).toHaveLength(2);
      expect(result.dataset.header).not.toHaveProperty('$schema');
    }
  });

  it('accepts a data file given a header, and asks for one without', () => {
    const file = fixtureFile('valid', 'entities/places.json');
    expect(validateUserDataset(file, { header }).ok).toBe(true);
    expect(validateUserDataset(file)).toEqual({ ok: false, errors: [{ path: 'header', message: expect.stringMatching(/required/) }] });
  });

  it('reports schema errors with paths', () => {
    const whole = validWhole() as unknown as { header: Record<string, unknown>; entities: Array<Record<string, unknown>> };
    whole.header.version = 'one';
    whole.entities[0]!.kind = 'river';
    const result = validateUserDataset(whole);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path).sort()).toEqual([`entities[0] ("${whole.entities[0]!.id as string}").kind`, 'header.version']);
    }
  });

  it('names the entry by its id as well as its position, when it has a string id', () => {
    const whole = validWhole() as unknown as { entities: Array<Record<string, unknown>>; claims: Array<Record<string, unknown>> };
    const id = whole.entities[1]!.id as string;
    delete whole.entities[1]!.summary;
    delete whole.entities[2]!.id;
    whole.claims[1]!.id = 42;
    whole.claims[0]!.assessment = 'maybe';
    const claimId = whole.claims[0]!.id as string;
    const result = validateUserDataset(whole);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(
        expect.arrayContaining([
          `entities[1] ("${id}").summary: is required`,
          'entities[2].id: is required',
          'claims[1].id: must be a string',
          expect.stringMatching(new RegExp(`^claims\\[0\\] \\("${claimId}"\\)\\.assessment: must be one of`)),
        ]),
      );
    }
  });

  it('reports integrity errors: dangling links, self-links, duplicate ids', () => {
    const whole = validWhole() as { entities: Array<{ id: string; related?: Array<{ type: string; id: string }> }> };
    whole.entities[0]!.related = [{ type: 'see-also', id: 'nowhere' }, { type: 'see-also', id: whole.entities[0]!.id }];
    whole.entities.push(structuredClone(whole.entities[1]!));
    const result = validateUserDataset(whole);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const messages = result.errors.map((e) => `${e.path}: ${e.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^entities\[0\] \("[a-z-]+"\)\.related\[0\]\.id: unknown id "nowhere"/),
          expect.stringMatching(/^entities\[0\] \("[a-z-]+"\)\.related\[1\]\.id: .*links to itself/),
          expect.stringMatching(/^entities\[4\] \("[a-z-]+"\)\.id: duplicate id/),
        ]),
      );
    }
  });

  it('refuses unpaired surrogates in any string, naming the entry id and field', () => {
    const whole = validWhole() as unknown as {
      header: Record<string, unknown>;
      entities: Array<{ id: string; name: string; summary: string; aliases: Array<{ text: string }>; sources: Array<{ title: string }> }>;
      claims: Array<{ id: string; perspectives: Array<{ view: string }> }>;
    };
    const [first, second] = whole.entities;
    whole.header.description = 'Broken \udc00 header';
    first!.name = 'Name \ud800';
    first!.summary = '\udfffSummary';
    second!.sources[0]!.title = 'Title \ud83d and more'; // a high surrogate with no low one after it
    second!.aliases[0]!.text = 'Al\udc00ias';
    whole.claims[0]!.perspectives[1]!.view = 'View \ud800\ud800';
    // A pair in the right order is a character, not an error.
    whole.entities[2]!.summary = 'A flag \ud83c\uddf6\ud83c\uddf6 and an emoji \ud83d\ude00.';
    const result = validateUserDataset(whole);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
        'header.description: contains an unpaired surrogate (U+DC00 at offset 7)',
        `entities[0] ("${first!.id}").name: contains an unpaired surrogate (U+D800 at offset 5)`,
        `entities[0] ("${first!.id}").summary: contains an unpaired surrogate (U+DFFF at offset 0)`,
        `entities[1] ("${second!.id}").aliases[0].text: contains an unpaired surrogate (U+DC00 at offset 2)`,
        `entities[1] ("${second!.id}").sources[0].title: contains an unpaired surrogate (U+D83D at offset 6)`,
        `claims[0] ("${whole.claims[0]!.id}").perspectives[1].view: contains an unpaired surrogate (U+D800 at offset 5)`,
      ]);
    }
  });

  it('survives deeply nested input without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const result = validateUserDataset({ header, entities: deep });
    expect(result.ok).toBe(false);
  });

  it('rejects non-objects and empty datasets', () => {
    expect(validateUserDataset([]).ok).toBe(false);
    expect(validateUserDataset('text').ok).toBe(false);
    expect(validateUserDataset({ header, entities: [], claims: [] }).ok).toBe(false);
  });

  it('agrees with ajv plus integrity on the real data', () => {
    const real = jsonFilesUnder(path.join(ROOT, 'data')).map(readJson);
    if (real.length === 0 || real.some((f) => f === undefined)) return; // content still being written
    const files = real as Array<{ entities?: unknown[]; claims?: unknown[] }>;
    const whole = {
      header: readJson(path.join(ROOT, 'data/dataset.json')),
      entities: files.flatMap((f) => f.entities ?? []),
      claims: files.flatMap((f) => f.claims ?? []),
    };
    const ajvValid = files.every((f) => ajv.file(f)) && ajv.header(whole.header);
    const result = validateUserDataset(whole);
    if (!ajvValid) expect(result.ok).toBe(false);
    else if (!result.ok) expect(result.errors.every((e) => !/must|required|allowed|pattern/.test(e.message)), JSON.stringify(result.errors)).toBe(true);
  });
});
