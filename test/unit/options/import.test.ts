// @vitest-environment happy-dom
/**
 * The options page's import (src/options/datasets.ts importFile and
 * showImportOutcome) against a fake browser: a file the build would refuse
 * is refused with every problem named by entry id and field, nothing is
 * stored, and the datasets imported before are left as they were.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../shared/fake-browser.ts';
import { inventedEntity as entity } from '../shared/invented-entries.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as ReturnType<typeof import('../shared/fake-browser.ts').fakeBrowser> }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy(
    {},
    {
      get: (_, key) =>
        key === 'i18n'
          ? // "key[substitutions]": the tests see which message was chosen and what filled it.
            { getMessage: (name: string, subs?: string | string[]) => `${name}[${[subs ?? []].flat().join('|')}]` }
          : (fake.browser as Record<string | symbol, unknown>)[key],
    },
  ),
}));
vi.mock('../../../src/shared/bundled-dataset.ts', () => ({ bundledSummary: () => ({ entryCount: 0, outlets: [] }) }));

const { importFile, showImportOutcome, MAX_LISTED } = await import('../../../src/options/datasets.ts');
const { USER_DATASETS_KEY, STORAGE_LIMITS, compileUserDataset, storedBytes } = await import('../../../src/shared/user-datasets.ts');
const { validateUserDataset } = await import('../../../src/dataset/validate.ts');

const header = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/data/valid/dataset.json'), 'utf8')) as Record<string, unknown>;


const jsonFile = (name: string, content: unknown) => new File([JSON.stringify(content)], name, { type: 'application/json' });

/** What storage held before the import: one dataset imported earlier, and a setting. */
const EARLIER = [
  {
    id: 'earlier',
    fileName: 'earlier.json',
    header: { name: 'Earlier', version: '1.0.0', date: '2025-01-01' },
    importedAt: '2025-01-01T00:00:00.000Z',
    enabled: false,
    entities: 1,
    claims: 0,
    problems: [],
    index: '',
    bundle: '{}',
    categories: '0',
  },
];

beforeEach(() => {
  fake.browser = fakeBrowser();
  fake.browser.storage.local.data[USER_DATASETS_KEY] = structuredClone(EARLIER);
  fake.browser.storage.sync.data.disabledSites = ['example.com'];
});

function expectNothingStored(): void {
  expect(fake.browser.storage.local.writes).toBe(0);
  expect(fake.browser.storage.sync.writes).toBe(0);
  expect(fake.browser.storage.local.data[USER_DATASETS_KEY]).toEqual(EARLIER);
  expect(fake.browser.storage.sync.data.disabledSites).toEqual(['example.com']);
}

describe('importFile', () => {
  it('refuses an alias two entries share ungated, naming both ids, and stores nothing', async () => {
    const file = jsonFile('clash.json', { header, entities: [entity('owner', [{ text: 'Ilsa Varrow' }]), entity('thief', [{ text: 'Ilsa Varrow' }])] });
    const outcome = await importFile(file);
    expect(outcome).toEqual({
      ok: false,
      title: 'optionsImportUnusable[1]',
      errors: [
        'entities[1] ("thief").aliases[0].text: same text as entry "owner" aliases[0]; only one entry may use it ungated (gate the others with requires or afterFullName); skipped',
      ],
      more: 0,
    });
    expectNothingStored();
  });

  it('refuses an unpaired surrogate in a displayed field (a source title), naming the entry id and field', async () => {
    const bad = entity('lone', [{ text: 'Lone Name' }]);
    bad.sources[0]!.title = 'Title \ud800';
    const outcome = await importFile(jsonFile('lone.json', { header, entities: [bad] }));
    expect(outcome).toEqual({
      ok: false,
      title: 'optionsImportInvalid[1]',
      errors: ['entities[0] ("lone").sources[0].title: contains an unpaired surrogate (U+D800 at offset 6)'],
    });
    expectNothingStored();
  });

  it('lists the first problems and says how many more, each named by id', async () => {
    const count = MAX_LISTED + 9;
    const entities = Array.from({ length: count + 1 }, (_, i) => entity(`person-${String(i).padStart(3, '0')}`, [{ text: 'Same Name' }]));
    const outcome = await importFile(jsonFile('many.json', { header, entities }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.title).toBe(`optionsImportUnusable[${count}]`);
    expect(outcome.errors).toHaveLength(MAX_LISTED);
    expect(outcome.more).toBe(9);
    outcome.errors.forEach((error, i) =>
      expect(error).toMatch(new RegExp(`^entities\\[${i + 1}\\] \\("person-${String(i + 1).padStart(3, '0')}"\\)\\.aliases\\[0\\]\\.text: same text as entry "person-000"`)),
    );
    expectNothingStored();

    // Shown as text, with the count of the rest.
    const container = document.createElement('div');
    showImportOutcome(container, outcome);
    expect(container.querySelector('h3')!.textContent).toBe(`optionsImportUnusable[${count}]`);
    expect([...container.querySelectorAll('li code')].map((c) => c.textContent)).toEqual(outcome.errors);
    expect(container.querySelector('.more')!.textContent).toBe('optionsImportMore[9]');
  });

  it('still imports a dataset with warnings only, and stores them with it', async () => {
    const file = jsonFile('warned.json', { header, entities: [entity('full', [{ text: 'Full Name' }]), entity('short', [{ text: 'Shorty', afterFullName: true }])] });
    const outcome = await importFile(file);
    expect(outcome.ok).toBe(true);
    const stored = fake.browser.storage.local.data[USER_DATASETS_KEY] as Array<{ id: string; problems?: string[] }>;
    expect(stored.map((d) => d.id)).toEqual(['earlier', outcome.ok ? outcome.dataset.id : '']);
    expect(stored[1]!.problems).toEqual([expect.stringMatching(/^entities\[1\] \("short"\)\.aliases\[0\]\.afterFullName: /)]);
  });
});

/**
 * A valid dataset of `count` invented people with `aliases` names each. The
 * compiled index grows with the aliases far faster than the file does: 400
 * people with 40 aliases each is a 0.6 MB file and over 5 MB stored.
 */
function manyAliases(name: string, count: number, aliases: number): File {
  const entities = Array.from({ length: count }, (_, i) =>
    entity(`person-${i}`, Array.from({ length: aliases }, (_, k) => ({ text: `Name${i}x${k} Surname${i}y${k}` }))),
  );
  return jsonFile(name, { header, entities });
}

describe('importFile refuses what would weigh too much in storage', () => {
  it('a file under the file limit whose compiled dataset is over the real limit: refused with the size and the limit, nothing stored', async () => {
    const file = manyAliases('heavy.json', 400, 40);
    const outcome = await importFile(file);
    expect(outcome).toEqual({ ok: false, title: expect.stringMatching(/^optionsImportTooBig\[\d+(\.\d)?\|4\]$/), errors: [] });
    if (outcome.ok) return;
    // The size shown is what it would take, over the limit.
    expect(Number(/\[([\d.]+)\|/.exec(outcome.title)![1])).toBeGreaterThan(4);
    expectNothingStored();

    const container = document.createElement('div');
    showImportOutcome(container, outcome);
    expect(container.querySelector('.errors h3')!.textContent).toBe(outcome.title);
  });

  it('a dataset of 4,000 aliases, well under the real limit, imports', async () => {
    const outcome = await importFile(manyAliases('fair.json', 100, 40));
    expect(outcome.ok).toBe(true);
    const stored = fake.browser.storage.local.data[USER_DATASETS_KEY] as Array<{ id: string }>;
    expect(stored.map((d) => d.id)).toEqual(['earlier', outcome.ok ? outcome.dataset.id : '']);
  });

  it('counts the record as stored: one byte over the limit is refused, at the limit it imports', async () => {
    const file = manyAliases('light.json', 20, 5);
    const result = validateUserDataset(JSON.parse(await file.text()));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const compiled = await compileUserDataset(result.dataset, file.name);
    if (!compiled.ok) throw new Error(compiled.errors.join('\n'));
    const size = storedBytes(compiled.dataset);

    // A few KB, shown as a tenth of a MB (rounded up): the limit injected here is tiny.
    expect(await importFile(file, { ...STORAGE_LIMITS, dataset: size - 1 })).toEqual({ ok: false, title: 'optionsImportTooBig[0.1|0.1]', errors: [] });
    expectNothingStored();

    const outcome = await importFile(file, { ...STORAGE_LIMITS, dataset: size });
    expect(outcome).toEqual({ ok: true, dataset: { ...compiled.dataset, importedAt: expect.any(String) } });
    expect((fake.browser.storage.local.data[USER_DATASETS_KEY] as unknown[]).length).toBe(2);
  });
});

describe('importFile refuses what would make all imported datasets together weigh too much', () => {
  /** Storage holding one earlier dataset of `megabytes` (its index a long string: only its size matters here). */
  function earlierOf(megabytes: number) {
    const earlier = [{ ...EARLIER[0]!, index: 'A'.repeat(megabytes * 1024 * 1024) }];
    fake.browser.storage.local.data[USER_DATASETS_KEY] = structuredClone(earlier);
    return earlier;
  }

  it('over the real total with the datasets imported before: refused with the total it would take and the limit, nothing stored', async () => {
    const earlier = earlierOf(7.5);
    const outcome = await importFile(manyAliases('fair.json', 100, 40));
    expect(outcome).toEqual({ ok: false, title: expect.stringMatching(/^optionsImportTotalTooBig\[\d+(\.\d)?\|8\]$/), errors: [] });
    if (outcome.ok) return;
    expect(Number(/\[([\d.]+)\|/.exec(outcome.title)![1])).toBeGreaterThan(8);
    expect(fake.browser.storage.local.writes).toBe(0);
    expect(fake.browser.storage.local.data[USER_DATASETS_KEY]).toEqual(earlier);
    expect(fake.browser.storage.sync.data.disabledSites).toEqual(['example.com']);
  });

  it('under the real total, it imports', async () => {
    earlierOf(6);
    const outcome = await importFile(manyAliases('fair.json', 100, 40));
    expect(outcome.ok).toBe(true);
    expect((fake.browser.storage.local.data[USER_DATASETS_KEY] as unknown[]).length).toBe(2);
  });

  it('counts a dataset imported again once: its earlier copy is replaced, not added', async () => {
    const file = manyAliases('light.json', 20, 5);
    const first = await importFile(file);
    if (!first.ok) throw new Error(first.title);
    const size = storedBytes(first.dataset);
    const earlierSize = Buffer.byteLength(JSON.stringify(EARLIER[0]), 'utf8');
    const limits = { dataset: size, total: size + earlierSize };
    const again = await importFile(file, limits);
    expect(again.ok).toBe(true);
    expect((fake.browser.storage.local.data[USER_DATASETS_KEY] as Array<{ id: string }>).map((d) => d.id)).toEqual(['earlier', first.dataset.id]);

    // Another dataset, under the limit for one, over the total with the two stored.
    const writes = fake.browser.storage.local.writes;
    const other = await importFile(manyAliases('other.json', 19, 5), limits);
    expect(other).toEqual({ ok: false, title: 'optionsImportTotalTooBig[0.1|0.1]', errors: [] });
    expect(fake.browser.storage.local.writes).toBe(writes);
  });
});
