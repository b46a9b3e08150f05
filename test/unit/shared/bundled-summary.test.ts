import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/shared/bundled-summary.ts';
import { outletForHost } from '../../../src/shared/outlets.ts';
import { datasetEntries } from '../../e2e/support/dataset.ts';
import type { Bundle } from '../../../src/dataset/bundle.ts';

describe('summarise', () => {
  it('keeps the header, the entry count, and of each outlet only what "About this site" shows', async () => {
    const entries = await datasetEntries();
    const header = { name: 'Test', version: '1', date: '2026-01-01', licence: 'CC-BY-4.0', description: '', hash: 'h' } as unknown as Bundle['header'];
    const summary = summarise({ header, entries });
    expect(summary.header).toBe(header);
    expect(summary.entryCount).toBe(entries.length);
    const outlets = entries.filter((e) => e.type === 'entity' && e.kind === 'outlet' && e.publisher && e.domains);
    expect(summary.outlets.map((o) => o.id)).toEqual(outlets.map((o) => o.id));
    for (const outlet of summary.outlets) expect(Object.keys(outlet).sort()).toEqual(['domains', 'id', 'name', 'publisher', 'sources']);
    const first = outlets[0]!;
    if (first.type !== 'entity') throw new Error('an outlet is an entity');
    expect(outletForHost(summary.outlets, first.domains![0]!)).toEqual({ id: first.id, name: first.name, domains: first.domains, publisher: first.publisher, sources: first.sources });
  });
});
