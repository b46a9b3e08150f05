/** data:build: the index and the bundle, built only from a dataset that passes the checks. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../src/matcher/index.ts';
import { buildDataset, formatFailure } from '../../../tools/data/build.ts';
import { loadDataset } from '../../../tools/data/load.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const TODAY = '2026-11-25';

describe('buildDataset', () => {
  it('builds an index and a bundle that agree on entry numbers', async () => {
    const built = await buildDataset(path.join(FIXTURES, 'valid'), { today: TODAY });
    if (!built.ok) throw new Error(formatFailure(built));
    const { hash } = await loadDataset(path.join(FIXTURES, 'valid'));
    expect(built.hash).toBe(hash);
    expect(built.bundle.header.hash).toBe(hash);
    expect(built.bundle.entries.map((e) => `${e.type} ${e.id}`)).toEqual([
      'entity calder-gazette',
      'entity calder-river',
      'entity mara-quill',
      'entity port-calder',
      'claim port-calder-busiest',
      'claim port-calder-tonnage',
    ]);
    expect(built.files.every((f) => path.isAbsolute(f))).toBe(true);
    // Cards carry no patterns: those live in the index only.
    expect(JSON.stringify(built.bundle)).not.toMatch(/"aliases"|"cues"/);

    const { matches } = Matcher.load(built.bytes).session().scan(['Mara Quill said Port Calder is the busiest harbour in the region.']);
    const found = matches.map((m) => built.bundle.entries[m.entry]?.id);
    expect(found).toEqual(expect.arrayContaining(['mara-quill', 'port-calder', 'port-calder-busiest']));
  });

  it('refuses a dataset with errors and says which', async () => {
    const built = await buildDataset(path.join(FIXTURES, 'dangling-reference'), { today: TODAY });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(formatFailure(built)).toMatch(/mara-quill: related\[1\]\.id: error: unknown id "calder-harbour-board"/);
  });
});
