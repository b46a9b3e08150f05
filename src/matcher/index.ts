/**
 * The matcher: dataset patterns in, exact UTF-16 match offsets out.
 * Pure: no DOM, no browser API. See README.md in this folder for the rules.
 */
export { Matcher, compileIndex } from './matcher.ts';
export type { MatchSession } from './session.ts';
export type { PatternProblem } from './problems.ts';
export type { Match, PatternSet, ScanResult } from './types.ts';
export { normaliseWithOffsets } from './normalise.ts';
export { FORMAT_VERSION } from './index-format.ts';
