/**
 * The dataset's claims against a larger set of sentences written for this
 * test (test/fixtures/claims/sentences.json says how): those found must stay
 * found, those off topic must stay unmatched, and the two lists of known
 * gaps must stay true, so that the counts in data/README.md ("How well
 * claims are found") are what the cues really do.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBundle, patternSet } from '../../../src/dataset/bundle.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { loadMatcher } from '../../../tools/data/matcher-api.ts';
import { scanPage } from '../../../tools/data/page-coverage.ts';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/claims/sentences.json', import.meta.url));

type Sentences = Array<[claim: string, text: string]>;
const sentences = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  stated: Sentences;
  notYetFound: Sentences;
  offTopic: Sentences;
  offTopicStillFound: Sentences;
};

describe('claims in sentences written for the test', async () => {
  const matcher = await loadMatcher();
  const loaded = await loadDataset(DATA);
  if (!matcher.ok) throw new Error(`the matcher must load: ${matcher.reason}`);
  const m = matcher.api.Matcher.load(matcher.api.compileIndex(patternSet(loaded.dataset, loaded.hash)).bytes);
  const entries = makeBundle(loaded.dataset, loaded.hash).entries;
  /** The claims found in one sentence, alone on its page. */
  const claimsIn = (text: string) => scanPage(m, [text]).map((x) => entries[x.entry]!).filter((e) => e.type === 'claim').map((e) => e.id);
  const report = (list: Sentences) => list.map(([claim, text]) => `${claim}: "${text}" → ${JSON.stringify(claimsIn(text))}`);

  it('name only claims of the dataset', () => {
    const ids = new Set(loaded.dataset.claims.map((c) => c.id));
    const all = [...sentences.stated, ...sentences.notYetFound, ...sentences.offTopic, ...sentences.offTopicStillFound];
    expect(all.filter(([claim]) => !ids.has(claim))).toEqual([]);
  });

  it('are found where they state their claim', () => {
    const lost = sentences.stated.filter(([claim, text]) => !claimsIn(text).includes(claim));
    expect(report(lost), report(lost).join('\n')).toEqual([]);
  });

  it('are not found where only a claim’s words are, in a story on another subject', () => {
    const found = sentences.offTopic.filter(([, text]) => claimsIn(text).length > 0);
    expect(report(found), report(found).join('\n')).toEqual([]);
  });

  it('list the known gaps truly: a sentence now handled belongs in the list above', () => {
    const nowFound = sentences.notYetFound.filter(([claim, text]) => claimsIn(text).includes(claim));
    expect(report(nowFound), 'move these to "stated"').toEqual([]);
    const nowClear = sentences.offTopicStillFound.filter(([, text]) => claimsIn(text).length === 0);
    expect(report(nowClear), 'move these to "offTopic"').toEqual([]);
  });
});
