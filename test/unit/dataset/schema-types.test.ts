/**
 * src/dataset/types.ts mirrors data/schema/*.json. This proves the two agree:
 * the const arrays equal the schema enums, each interface has exactly the
 * schema's properties (the `satisfies` lists make the compiler catch a key
 * missing on the TypeScript side, the test one missing on the schema side),
 * and samples with every optional field filled validate under ajv.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALIAS_CASES,
  ASSESSMENTS,
  CLAIM_RELATIONS,
  CUE_COVERS,
  ENTITY_KINDS,
  ENTITY_RELATIONS,
  FUNDING_MODELS,
  type Alias,
  type Claim,
  type Cue,
  type DataFile,
  type DatasetHeader,
  type Entity,
  type Fact,
  type Perspective,
  type Publisher,
  type Source,
} from '../../../src/dataset/types.ts';
import { schemaValidators } from '../../../tools/data/schema-validation.ts';

type Schema = { properties?: Record<string, Schema>; definitions?: Record<string, Schema>; items?: Schema; enum?: unknown[] };
const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../../data/schema/${name}.schema.json`, import.meta.url), 'utf8')) as Schema;
const entity = schema('entity');
const claim = schema('claim');
const common = schema('common');
const header = schema('dataset');
const file = schema('file');

const keys = (record: Record<string, true>) => Object.keys(record).sort();
const props = (s: Schema | undefined, ...drop: string[]) => Object.keys(s?.properties ?? {}).filter((k) => !drop.includes(k)).sort();

// One list per interface; `satisfies` fails to compile when the interface gains or loses a key.
const ENTITY_KEYS = { id: true, kind: true, name: true, aliases: true, summary: true, facts: true, asOf: true, sources: true, related: true, wikidata: true, domains: true, publisher: true } satisfies Record<keyof Entity, true>;
const ALIAS_KEYS = { text: true, lang: true, case: true, requires: true, afterFullName: true } satisfies Record<keyof Alias, true>;
const FACT_KEYS = { label: true, value: true, asOf: true } satisfies Record<keyof Fact, true>;
const PUBLISHER_KEYS = { owner: true, country: true, funding: true } satisfies Record<keyof Publisher, true>;
const SOURCE_KEYS = { title: true, publisher: true, url: true, date: true } satisfies Record<keyof Source, true>;
const CLAIM_KEYS = { id: true, statement: true, cues: true, assessment: true, context: true, perspectives: true, asOf: true, sources: true, related: true } satisfies Record<keyof Claim, true>;
const CUE_KEYS = { terms: true, maxGap: true, cover: true, requires: true } satisfies Record<keyof Cue, true>;
const PERSPECTIVE_KEYS = { holder: true, holderIds: true, view: true, sources: true } satisfies Record<keyof Perspective, true>;
const HEADER_KEYS = { name: true, version: true, date: true, licence: true, description: true } satisfies Record<keyof DatasetHeader, true>;
const FILE_KEYS = { entities: true, claims: true } satisfies Record<keyof DataFile, true>;
const RELATED_KEYS = { type: true, id: true } satisfies Record<keyof NonNullable<Entity['related']>[number], true>;

describe('types.ts agrees with the schema', () => {
  it('const arrays equal the schema enums, in order', () => {
    expect([...ENTITY_KINDS]).toEqual(entity.properties?.kind?.enum);
    expect([...ENTITY_RELATIONS]).toEqual(entity.properties?.related?.items?.properties?.type?.enum);
    expect([...CLAIM_RELATIONS]).toEqual(claim.properties?.related?.items?.properties?.type?.enum);
    expect([...ASSESSMENTS]).toEqual(claim.properties?.assessment?.enum);
    expect([...ALIAS_CASES]).toEqual(entity.definitions?.alias?.properties?.case?.enum);
    expect([...FUNDING_MODELS]).toEqual(entity.properties?.publisher?.properties?.funding?.enum);
    expect([...CUE_COVERS]).toEqual(claim.definitions?.cue?.properties?.cover?.enum);
  });

  it('interfaces have exactly the schema properties', () => {
    expect(keys(ENTITY_KEYS)).toEqual(props(entity));
    expect(keys(ALIAS_KEYS)).toEqual(props(entity.definitions?.alias));
    expect(keys(FACT_KEYS)).toEqual(props(entity.definitions?.fact));
    expect(keys(PUBLISHER_KEYS)).toEqual(props(entity.properties?.publisher));
    expect(keys(RELATED_KEYS)).toEqual(props(entity.properties?.related?.items));
    expect(keys(RELATED_KEYS)).toEqual(props(claim.properties?.related?.items));
    expect(keys(SOURCE_KEYS)).toEqual(props(common.definitions?.source));
    expect(keys(CLAIM_KEYS)).toEqual(props(claim));
    expect(keys(CUE_KEYS)).toEqual(props(claim.definitions?.cue));
    expect(keys(PERSPECTIVE_KEYS)).toEqual(props(claim.definitions?.perspective));
    // `$schema` is an editor hint in the files, not part of the data model.
    expect(keys(HEADER_KEYS)).toEqual(props(header, '$schema'));
    expect(keys(FILE_KEYS)).toEqual(props(file, '$schema'));
  });

  // Required<...> makes the compiler insist on every optional field.
  const source: Required<Source> = { title: 'Example', publisher: 'Example Publisher', url: 'https://example.org/a', date: '2024-01-02' };
  const alias: Required<Alias> = { text: 'Calder', lang: 'en', case: 'proper', requires: ['river'], afterFullName: true };
  const fact: Required<Fact> = { label: 'Population', value: 'about 40,000', asOf: '2023' };
  const publisher: Required<Publisher> = { owner: 'Gazette Trust', country: 'Nowhere', funding: 'non-profit' };
  const fullEntity: Required<Entity> = {
    id: 'calder-gazette',
    kind: 'outlet',
    name: 'Calder Gazette',
    aliases: [{ text: 'Calder Gazette' }, alias],
    summary: 'A fictional newspaper.',
    facts: [fact],
    asOf: '2024-05',
    sources: [source],
    related: [{ type: 'see-also', id: 'port-calder' }],
    wikidata: 'Q42',
    domains: ['calder-gazette.example'],
    publisher,
  };
  const cue: Required<Cue> = { terms: ['harbour', 'busiest'], maxGap: 4, cover: 'sentence', requires: ['Port Calder'] };
  const perspective: Required<Perspective> = { holder: 'The harbour master', holderIds: ['mara-quill'], view: 'Counts cargo.', sources: [source] };
  const fullClaim: Required<Claim> = {
    id: 'port-calder-busiest',
    statement: 'Port Calder is the busiest harbour.',
    cues: [cue],
    assessment: 'disputed',
    context: 'Rankings differ.',
    perspectives: [perspective, perspective],
    asOf: '2024-05',
    sources: [source],
    related: [{ type: 'contradicts', id: 'other-claim' }],
  };
  const fullHeader: Required<DatasetHeader> = { name: 'Fixture', version: '1.0.0', date: '2024-06-01', licence: 'CC BY 4.0', description: 'A test header.' };

  it('samples with every optional field validate under ajv', () => {
    const v = schemaValidators();
    for (const [validate, sample] of [
      [v.entity, fullEntity],
      [v.claim, fullClaim],
      [v.header, fullHeader],
      [v.file, { entities: [fullEntity], claims: [fullClaim] } satisfies Required<DataFile>],
    ] as const) {
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('ajv rejects a sample with a property the types do not have (the check has teeth)', () => {
    const v = schemaValidators();
    expect(v.entity({ ...fullEntity, nickname: 'x' })).toBe(false);
    expect(v.claim({ ...fullClaim, assessment: 'probably' })).toBe(false);
  });
});
