/**
 * Limits the compiler enforces. A pattern over a limit is skipped and
 * reported (compile-problems.ts), never truncated: a shortened alias would
 * match something its author did not write.
 */

/** Longest alias or context term, in UTF-16 units of the text as written. */
export const MAX_PATTERN_CHARS = 200;
/** Most tokens (words) in an alias or context term. */
export const MAX_PATTERN_TOKENS = 16;
/** Longest cue term (all its alternatives together), in UTF-16 units. */
export const MAX_TERM_CHARS = 200;
/** Most words in one alternative of a cue term. */
export const MAX_TERM_WORDS = 8;
/** Most terms in one cue (the schema's maxItems). */
export const MAX_CUE_TERMS = 8;
/** Words allowed between two consecutive cue terms: default and ceiling. */
export const DEFAULT_MAX_GAP = 8;
export const MAX_MAX_GAP = 30;
/** A wildcard needs this many folded letters before the '*' (attack* yes, at* no). */
export const MIN_WILDCARD_PREFIX = 3;
/** An alias written in capitals with at most this many letters is case-sensitive by default. */
export const DEFAULT_SENSITIVE_MAX_LETTERS = 5;
/**
 * Most tokens one number phrase is read over ("one hundred and twenty-five
 * thousand three hundred", "1,000,000,000"); a longer run of number words or
 * digit groups is read as several numbers. Keeps reading numbers linear on a
 * hostile page ("hundred hundred hundred ...", where every word starts one).
 */
export const MAX_NUMBER_TOKENS = 16;
