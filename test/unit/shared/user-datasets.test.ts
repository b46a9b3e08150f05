/** Importing a dataset: the compiled result finds the dataset's names with the real matcher, in the bundled numbering scheme. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Matcher } from '../../../src/matcher/index.ts';
import { decodeBase64, encodeBase64 } from '../../../src/shared/base64.ts';
import { validateUserDataset } from '../../../src/dataset/validate.ts';
import type { Bundle } from '../../../src/dataset/bundle.ts';
import type { DatasetHeader } from '../../../src/dataset/types.ts';
import { inventedEntity as entity } from './invented-entries.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { compileUserDataset: compileOutcome, isStoredUserDataset, storedBytes } = await import('../../../src/shared/user-datasets.ts');

/** A dataset the import accepts, compiled; throws (failing the test) when it is refused. */
async function compileUserDataset(...args: Parameters<typeof compileOutcome>) {
  const outcome = await compileOutcome(...args);
  if (!outcome.ok) throw new Error(`refused: ${outcome.errors.join('\n')}`);
  return outcome.dataset;
}

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/data/valid');
const json = (path: string) => JSON.parse(readFileSync(resolve(FIXTURE, path), 'utf8')) as Record<string, unknown>;

function fixtureDataset() {
  const header = json('dataset.json') as unknown as DatasetHeader;
  const input = {
    header,
    entities: ['entities/people.json', 'entities/places.json', 'entities/outlets.json'].flatMap((f) => json(f).entities as unknown[]),
    claims: json('claims/harbour.json').claims,
  };
  const result = validateUserDataset(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dataset;
}

describe('compileUserDataset', () => {
  it('stores an index the matcher loads and a bundle in the same entry order', async () => {
    const dataset = fixtureDataset();
    const stored = await compileUserDataset(dataset, 'fixture.json', new Date('2026-01-02T03:04:05Z'));
    expect(isStoredUserDataset(stored)).toBe(true);
    expect(stored).toMatchObject({ fileName: 'fixture.json', enabled: true, importedAt: '2026-01-02T03:04:05.000Z' });
    expect(stored.entities).toBe(dataset.entities.length);
    expect(stored.claims).toBe(dataset.claims.length);

    const bundle = JSON.parse(stored.bundle) as Bundle;
    expect(bundle.entries).toHaveLength(stored.entities + stored.claims);
    expect(stored.categories).toHaveLength(bundle.entries.length);

    // A name from the file, found on a "page" by the stored index, names the right bundle entry.
    const person = bundle.entries.find((e) => e.type === 'entity' && e.kind === 'person')!;
    if (person.type !== 'entity') throw new Error('expected an entity');
    const alias = dataset.entities.find((e) => e.id === person.id)!.aliases[0]!.text;
    const { matches } = Matcher.load(decodeBase64(stored.index)).session().scan([`Yesterday ${alias} spoke.`]);
    expect(matches.map((m) => bundle.entries[m.entry]!.id)).toContain(person.id);
  });

  it('gives the same file the same id, and another file another', async () => {
    const dataset = fixtureDataset();
    const a = await compileUserDataset(dataset, 'a.json');
    const b = await compileUserDataset(structuredClone(dataset), 'b.json');
    expect(a.id).toBe(b.id);
    const changed = structuredClone(dataset);
    changed.entities[0]!.summary += ' More.';
    expect((await compileUserDataset(changed, 'a.json')).id).not.toBe(a.id);
  });

  it('rejects records that are not imported datasets, or damaged ones', async () => {
    expect(isStoredUserDataset(null)).toBe(false);
    expect(isStoredUserDataset({ id: 'x' })).toBe(false);
    // A compiled record with any field the pages read broken is refused as a whole.
    const stored = await compileUserDataset(fixtureDataset(), 'fixture.json');
    for (const damage of [{ problems: 'none' }, { problems: [1] }, { entities: -1 }, { claims: '2' }, { header: { name: 1 } }, { header: null }]) {
      expect(isStoredUserDataset({ ...stored, ...damage }), JSON.stringify(damage)).toBe(false);
    }
  });

  it('measures a record as stored: its JSON in UTF-8, Arabic and characters beyond U+FFFF included', async () => {
    const stored = await compileUserDataset(fixtureDataset(), 'fixture.json');
    expect(storedBytes(stored)).toBe(Buffer.byteLength(JSON.stringify(stored), 'utf8'));
    const named = { ...stored, fileName: 'مجموعة-🗂️-é.json' };
    expect(storedBytes(named)).toBe(Buffer.byteLength(JSON.stringify(named), 'utf8'));
    expect(storedBytes(named) - storedBytes(stored)).toBe(Buffer.byteLength('مجموعة-🗂️-é', 'utf8') - 'fixture'.length);
  });

  it('encodes base64 that decodes back, past the chunk size', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });
});


function validated(input: { entities?: unknown[]; claims?: unknown[] }) {
  const header = json('dataset.json') as unknown as DatasetHeader;
  const result = validateUserDataset({ header, entities: input.entities ?? [], claims: input.claims ?? [] });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dataset;
}

describe('compileUserDataset refuses what data:build refuses', () => {
  it('an alias two entries share ungated: the message names both ids, the later one by its place in the file', async () => {
    // In the file the later entry (by id) comes first: positions are the file's, not the compiled order.
    const dataset = validated({ entities: [entity('beta-two', [{ text: 'Harbour Quill' }]), entity('alpha-one', [{ text: 'Harbour Quill' }])] });
    const outcome = await compileOutcome(dataset, 'clash.json');
    expect(outcome).toEqual({
      ok: false,
      errors: [
        'entities[0] ("beta-two").aliases[0].text: same text as entry "alpha-one" aliases[0]; only one entry may use it ungated (gate the others with requires or afterFullName); skipped',
      ],
    });
  });

  it('an alias over the word limit, and a claim with no usable cue', async () => {
    const input = {
      header: json('dataset.json'),
      entities: ['entities/people.json', 'entities/places.json', 'entities/outlets.json'].flatMap((f) => json(f).entities as Array<Record<string, unknown>>),
      claims: json('claims/harbour.json').claims as Array<Record<string, unknown>>,
    };
    const words = 'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen';
    const person = input.entities[0]!;
    person.aliases = [...(person.aliases as unknown[]), { text: words }];
    const claim = input.claims[1]!;
    claim.cues = [{ terms: ['—'] }];
    const result = validateUserDataset(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const outcome = await compileOutcome(result.dataset, 'limits.json');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const aliasIndex = (person.aliases as unknown[]).length - 1;
    expect(outcome.errors).toEqual([
      expect.stringMatching(new RegExp(`^entities\\[0\\] \\("${person.id as string}"\\)\\.aliases\\[${aliasIndex}\\]\\.text: alias "One Two .*17 words.*16`)),
      expect.stringMatching(new RegExp(`^claims\\[1\\] \\("${claim.id as string}"\\)\\.cues\\[0\\]\\.terms\\[0\\]: term "—"`)),
      `claims[1] ("${claim.id as string}").cues: no usable cue; the claim can never match`,
    ]);
  });

  it('imports a dataset with warnings only, and keeps them, named the same way', async () => {
    const dataset = validated({ entities: [entity('gamma-three', [{ text: 'Gamma Three' }]), entity('delta-four', [{ text: 'Four', afterFullName: true }])] });
    const outcome = await compileOutcome(dataset, 'warnings.json');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.dataset.problems).toEqual([
      'entities[1] ("delta-four").aliases[0].afterFullName: the entry has no usable alias without afterFullName, so this alias can never count',
    ]);
  });

  // The hostile inputs of the data tools' requirement: none crashes the
  // validator or the compiler; each is refused with the entry named, or (the
  // harmless ones) imported.
  const hostile: Array<{ what: string; aliases: unknown[]; refused: RegExp | null }> = [
    { what: 'an empty alias', aliases: [{ text: '' }], refused: /^entities\[0\] \("hostile"\)\.aliases\[0\]\.text: must be at least 2 characters long$/ },
    { what: 'a 10,000-character alias', aliases: [{ text: 'x'.repeat(10_000) }], refused: /^entities\[0\] \("hostile"\)\.aliases\[0\]\.text: must be at most 120 characters long$/ },
    { what: 'an alias of regex metacharacters only', aliases: [{ text: '.*+?^${}()|[]\\' }], refused: /^entities\[0\] \("hostile"\)\.aliases\[0\]\.text: alias .* empty after normalisation/ },
    { what: 'aliases with regex metacharacters around a name', aliases: [{ text: 'Hostile (a|b)* [a-z]+ Name' }, { text: '^C++ Hostile$' }, { text: 'Hostile \\d{2}?' }], refused: null },
    { what: 'an unpaired surrogate', aliases: [{ text: 'Hostile \ud800' }], refused: /^entities\[0\] \("hostile"\)\.aliases\[0\]\.text: contains an unpaired surrogate \(U\+D800 at offset 8\)$/ },
  ];
  it.each(hostile)('$what', async ({ aliases, refused }) => {
    const header = json('dataset.json') as unknown as DatasetHeader;
    const result = validateUserDataset({ header, entities: [entity('hostile', aliases)], claims: [] });
    const messages = result.ok
      ? await compileOutcome(result.dataset, 'hostile.json').then((o) => (o.ok ? [] : o.errors))
      : result.errors.map((e) => `${e.path}: ${e.message}`);
    if (refused === null) expect(messages).toEqual([]);
    else expect(messages).toEqual([expect.stringMatching(refused)]);
  });
});
