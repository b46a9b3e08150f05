/**
 * Small builders for matcher tests: a PatternSet from compact specs, and
 * matches turned back into the text they cover.
 */
import type { Alias, Cue } from '../../../src/dataset/types.ts';
import { Matcher, compileIndex, type Match, type PatternSet } from '../../../src/matcher/index.ts';

export type AliasSpec = string | Alias;

export function patternSet(entities: AliasSpec[][], claims: Cue[][] = []): PatternSet {
  return {
    version: '1.2.3',
    hash: 'test-hash',
    entities: entities.map((aliases) => ({
      aliases: aliases.map((a) => (typeof a === 'string' ? { text: a } : a)),
    })),
    claims: claims.map((cues) => ({ cues })),
  };
}

/** Compiles and loads through bytes, failing the test on any compile error. */
export function matcherFor(entities: AliasSpec[][], claims: Cue[][] = []): Matcher {
  const { bytes, problems } = compileIndex(patternSet(entities, claims));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`compile errors: ${JSON.stringify(errors)}`);
  return Matcher.load(bytes);
}

export interface Found {
  entry: number;
  text: string;
  block: number;
}

export function show(blocks: readonly string[], matches: readonly Match[]): Found[] {
  return matches.map((m) => ({ entry: m.entry, text: blocks[m.block]!.slice(m.start, m.end), block: m.block }));
}

/** Scans with a fresh session; returns [entry, matched text] pairs. */
export function scanPairs(m: Matcher, ...blocks: string[]): Array<[number, string]> {
  return show(blocks, m.session().scan(blocks).matches).map((f) => [f.entry, f.text]);
}

/** Texts matched for one entry. */
export function textsOf(m: Matcher, entry: number, ...blocks: string[]): string[] {
  return scanPairs(m, ...blocks)
    .filter(([e]) => e === entry)
    .map(([, t]) => t);
}
