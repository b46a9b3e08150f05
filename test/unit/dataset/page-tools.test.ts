/** The page reader and the dataset counts behind data:stats. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datasetStats, formatStats } from '../../../tools/data/dataset-stats.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { htmlBlocks, pageBlocks, textBlocks } from '../../../tools/data/page-blocks.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));

describe('page blocks', () => {
  it('gives one block per paragraph-level element, joining inline elements and skipping scripts and code', () => {
    const html = `<!doctype html><html><head><title>T</title><script>var x = "Iran";</script></head><body>
      <h1>Strikes in <em>Syria</em></h1>
      <p>Quds Force commander Qasem <a href="#">Soleimani</a> was killed.</p>
      <ul><li>First</li><li>Second <b>item</b></li></ul>
      <div>Loose text<p>inner paragraph</p>tail</div>
      <pre>code Iran</pre><style>p { color: red }</style>
    </body></html>`;
    expect(htmlBlocks(html)).toEqual([
      'Strikes in Syria',
      'Quds Force commander Qasem Soleimani was killed.',
      'First',
      'Second item',
      'Loose text',
      'inner paragraph',
      'tail',
    ]);
  });

  it('fetches nothing: a preload link with a relative URL does not crash the reader later', async () => {
    // happy-dom starts a preload for this link and fails on the relative URL
    // outside the call (an uncaught error, which ends data:stats mid-corpus).
    const html = `<html><head><link as="fetch" rel="preload" href="/page-data/app-data.json" crossorigin="anonymous">
      <base href="/x/"><link rel="stylesheet" href="a.css"></head><body><p>Text <img src="/i.png"> here</p><iframe src="/f.html">fallback</iframe></body></html>`;
    const uncaught: unknown[] = [];
    const note = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', note);
    process.on('unhandledRejection', note);
    try {
      expect(htmlBlocks(html)).toEqual(['Text here']);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('uncaughtException', note);
      process.off('unhandledRejection', note);
    }
    expect(uncaught).toEqual([]);
  });

  it('gives a block per non-empty line of a text file', () => {
    expect(textBlocks('One.\n\n  Two.  \r\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
    expect(pageBlocks('a.txt', '<p>x</p>')).toEqual(['<p>x</p>']);
    expect(pageBlocks('a.HTML', '<p>x</p>')).toEqual(['x']);
  });
});

describe('dataset stats', () => {
  it('counts the valid fixture', async () => {
    const { dataset } = await loadDataset(path.join(FIXTURES, 'valid'));
    const stats = datasetStats(dataset);
    expect(stats).toMatchObject({
      entities: 4,
      claims: 2,
      byKind: { place: 2, person: 1, outlet: 1 },
      byAssessment: { disputed: 1, 'accurate-as-of': 1 },
      outletsByFunding: { 'non-profit': 1 },
      aliases: { total: 7, gated: 2, caseSensitive: 0 },
      cues: 2,
      entitiesWithoutFacts: ['calder-gazette', 'calder-river'],
      entitiesWithoutRelated: ['calder-gazette'],
      claimsWithOnePerspective: ['port-calder-tonnage'],
    });
    // 4 entity sources + 2 claim sources + 3 perspective sources.
    expect(stats.bySourcePublisher).toEqual({ 'Example Publisher': 9 });
    expect(formatStats(stats)).toMatch(/^4 entities, 2 claims/);
  });
});
