import { describe, expect, it } from 'vitest';
import { isOutletCard, outletForHost, outletSite } from '../../../src/shared/outlets.ts';
import { datasetEntries } from '../../e2e/support/dataset.ts';

const outlet = (id: string, domains: string[]) => ({
  type: 'entity',
  id,
  kind: 'outlet',
  name: id,
  summary: '',
  asOf: '2024',
  sources: [],
  domains,
  publisher: { owner: `${id} owner`, country: 'X', funding: 'commercial' as const },
});

describe('outletForHost', () => {
  const entries = [outlet('paper', ['paper.example']), outlet('paper-arabic', ['arabic.paper.example']), outlet('other', ['other.example'])];

  it('matches the domain itself, www. and any subdomain', () => {
    expect(outletForHost(entries, 'paper.example')?.id).toBe('paper');
    expect(outletForHost(entries, 'www.paper.example')?.id).toBe('paper');
    expect(outletForHost(entries, 'edition.Paper.Example')?.id).toBe('paper');
  });

  it('prefers the most specific domain', () => {
    expect(outletForHost(entries, 'arabic.paper.example')?.id).toBe('paper-arabic');
  });

  it('never matches a look-alike', () => {
    expect(outletForHost(entries, 'notpaper.example')).toBeUndefined();
    expect(outletForHost(entries, 'paper.example.evil.test')).toBeUndefined();
  });

  it('finds every outlet of the real dataset by each of its domains', async () => {
    const outlets = (await datasetEntries()).filter(isOutletCard).map(outletSite);
    expect(outlets.length).toBeGreaterThan(10);
    for (const entry of outlets) {
      for (const domain of entry.domains) expect(outletForHost(outlets, `www.${domain}`)?.id, domain).toBe(entry.id);
    }
  });
});
