/** ClaimReview JSON-LD → draft claims: the three document shapes, and what cannot be mapped. */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../tools/data/canonical.ts';
import { mapRating } from '../../../tools/data/claimreview/rating.ts';
import { draftCue } from '../../../tools/data/claimreview/draft-cues.ts';
import { checkDataset } from '../../../tools/data/check-dataset.ts';
import { draftClaims, formatImportReport, writeImported } from '../../../tools/data/import-claimreview.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { countProblems, formatReport } from '../../../tools/data/problem.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const TODAY = '2026-11-25';
const read = async (name: string) => JSON.parse(await readFile(path.join(FIXTURES, 'claimreview', name), 'utf8')) as unknown;

async function draft(name: string) {
  const loaded = await loadDataset(path.join(FIXTURES, 'valid'));
  return draftClaims(await read(name), { dataset: loaded.dataset, file: 'claims/imported.json', today: TODAY });
}

describe('import-claimreview', () => {
  it('imports a single review with every mapped field', async () => {
    const report = await draft('single.json');
    expect(report.skipped).toEqual([]);
    expect(report.claims).toHaveLength(1);
    const claim = report.claims[0]!;
    expect(claim.statement).toBe('Cargo handled at Port Calder tripled in 2023 compared with 2022.');
    expect(claim.assessment).toBe('misleading'); // "Mostly false"
    expect(claim.asOf).toBe('2024-04-12');
    expect(claim.sources).toEqual([
      { title: "Did Port Calder's cargo triple last year?", publisher: 'Example Fact Desk', url: 'https://factcheck.example/reviews/port-calder-cargo', date: '2024-04-12' },
    ]);
    // The claimant is an entity the dataset knows, so the perspective links to it.
    expect(claim.perspectives[0]).toMatchObject({ holder: 'Mara Quill', holderIds: ['mara-quill'] });
    expect(claim.perspectives[0]!.sources[0]!.url).toBe('https://calder-gazette.example/interview-quill');
    expect(claim.perspectives[1]).toMatchObject({ holder: 'Example Fact Desk' });
    expect(claim.cues[0]!.terms).toContain('Port Calder');
    expect(report.imported[0]!.notes.join('\n')).toMatch(/cue drafted.*review it/);
  });

  it('imports an array of reviews', async () => {
    const report = await draft('array.json');
    expect(report.skipped).toEqual([]);
    expect(report.claims.map((c) => [c.assessment, c.asOf])).toEqual([
      ['accurate', '2024-05-03'], // "True", date-time cut to the date
      ['misleading', '2024-05-10'], // "Half True"
    ]);
  });

  it('imports a DataFeed, with items as arrays or single objects and publisher as the reviewer', async () => {
    const report = await draft('feed.json');
    expect(report.skipped).toEqual([]);
    expect(report.claims.map((c) => c.assessment)).toEqual(['misleading', 'unsupported']);
    expect(report.claims[1]!.perspectives.map((p) => p.holder)).toEqual(['Calder heritage society', 'Example Fact Desk']);
  });

  it('reports unmappable ratings, missing ratings and entries that would be invalid, and keeps the rest', async () => {
    const report = await draft('unmappable.json');
    expect(report.claims.map((c) => c.id)).toEqual(['port-calder-has-two-harbours']);
    const text = formatImportReport(report);
    expect(text).toMatch(/NOT imported: A mermaid.*\n\s+rating "Satire" has no equivalent/);
    expect(text).toMatch(/NOT imported: Tides.*\n\s+the review has no reviewRating\.alternateName/);
    expect(text).toMatch(/NOT imported: The Calder Gazette stopped.*\n\s+.*url: does not match the pattern/);
    expect(text).toMatch(/1 imported, 3 not imported/);
  });

  it('gives new ids that collide with nothing in the dataset', async () => {
    const loaded = await loadDataset(path.join(FIXTURES, 'valid'));
    const document = await read('single.json');
    const first = draftClaims(document, { dataset: loaded.dataset, file: 'x.json', today: TODAY });
    const again = draftClaims(document, { dataset: { entities: loaded.dataset.entities, claims: first.claims }, file: 'x.json', today: TODAY });
    expect(again.claims[0]!.id).toBe(`${first.claims[0]!.id}-2`);
  });

  it('writes a canonical file that, with the dataset, passes data:check', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backstory-import-'));
    try {
      await cp(path.join(FIXTURES, 'valid'), dir, { recursive: true });
      const out = path.join(dir, 'claims/imported.json');
      for (const name of ['single.json', 'array.json', 'feed.json']) {
        const loaded = await loadDataset(dir);
        const report = draftClaims(await read(name), { dataset: loaded.dataset, file: out, today: TODAY });
        await writeImported(out, report.claims);
      }
      const text = await readFile(out, 'utf8');
      expect(text).toBe(canonicalText(JSON.parse(text)));
      const problems = checkDataset(await loadDataset(dir), { today: TODAY });
      expect(countProblems(problems).errors, formatReport(problems)).toBe(0);
      expect((JSON.parse(text) as { claims: unknown[] }).claims).toHaveLength(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('maps common labels by meaning and refuses unknown ones', () => {
    expect(mapRating('Pants on Fire!')).toEqual({ ok: true, assessment: 'false' });
    expect(mapRating('MISSING CONTEXT')).toEqual({ ok: true, assessment: 'misleading' });
    expect(mapRating('accurate-as-of')).toEqual({ ok: true, assessment: 'accurate-as-of' });
    expect(mapRating('Mostly true')).toMatchObject({ ok: true, assessment: 'accurate', note: expect.any(String) });
    expect(mapRating('Legend').ok).toBe(false);
    expect(mapRating('constructor').ok).toBe(false);
    expect(mapRating(undefined).ok).toBe(false);
  });

  it('drafts cues that keep numbers with units and names whole', () => {
    expect(draftCue('Officials said at least 900 troops remain at the Al Tanf Garrison.')?.terms).toEqual(
      expect.arrayContaining(['900 troops', 'Al Tanf Garrison']),
    );
  });
});
