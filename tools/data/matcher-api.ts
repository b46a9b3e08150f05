/**
 * The matcher (src/matcher/index.ts) as the checking tools use it: loaded on
 * demand, so that data:check keeps working for the content writers while
 * the matcher is missing or mid-edit. Then the index checks are skipped,
 * the alias folding falls back to src/dataset/alias-key.ts, and the tool
 * says so. data:build imports the matcher directly: it cannot do without.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Match, PatternSet, ScanResult } from '../../src/matcher/types.ts';

export interface PatternProblem {
  /** Entry number: entities first, then claims, as in the PatternSet. */
  entry: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export type CompileIndex = (set: PatternSet) => { bytes: Uint8Array; problems: PatternProblem[] };

export interface LoadedMatcher {
  session(): { scan(blocks: string[]): ScanResult };
}

export interface MatcherApi {
  compileIndex: CompileIndex;
  Matcher: { load(bytes: Uint8Array): LoadedMatcher };
  normaliseWithOffsets(text: string): { folded: string; offsets: number[] };
}

export type { Match };

export type MatcherLoad = { ok: true; api: MatcherApi } | { ok: false; reason: string };

const MATCHER_URL = new URL('../../src/matcher/index.ts', import.meta.url);

export async function loadMatcher(): Promise<MatcherLoad> {
  if (!existsSync(fileURLToPath(MATCHER_URL))) return { ok: false, reason: 'src/matcher/index.ts does not exist yet' };
  try {
    const module = (await import(MATCHER_URL.href)) as Partial<MatcherApi>;
    if (typeof module.compileIndex !== 'function' || typeof module.Matcher?.load !== 'function' || typeof module.normaliseWithOffsets !== 'function') {
      return { ok: false, reason: 'src/matcher/index.ts does not export compileIndex, Matcher and normaliseWithOffsets' };
    }
    return { ok: true, api: module as MatcherApi };
  } catch (error) {
    return { ok: false, reason: `src/matcher/index.ts failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The folding the alias rules should use, from a loaded matcher. */
export const matcherAliasKey = (api: MatcherApi) => (text: string) => api.normaliseWithOffsets(text).folded;
