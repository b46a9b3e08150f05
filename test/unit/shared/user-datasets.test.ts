/** Importing a dataset: the compiled result finds the dataset's names with the real matcher, in the bundled numbering scheme. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Matcher } from '../../../src/matcher/index.ts';
import { decodeBase64, encodeBase64 } from '../../../src/shared/base64.ts';
import { validateUserDataset } from '../../../src/dataset/validate.ts';
import type { Bundle } from '../../../src/dataset/bundle.ts';
import type { DatasetHeader } from '../../../src/dataset/types.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { compileUserDataset, isStoredUserDataset } = await import('../../../src/shared/user-datasets.ts');

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

  it('encodes base64 that decodes back, past the chunk size', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });
});
