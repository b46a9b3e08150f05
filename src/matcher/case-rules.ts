/**
 * Letter-case rules of an alias (`case` in the schema).
 *
 * - insensitive: any case (names: Hezbollah = HEZBOLLAH = hezbollah).
 * - sensitive: exactly as written, after diacritics are folded (acronyms:
 *   US is not "us", IRGC is not "Irgc").
 * - proper: exactly as written, and never as the first word of a sentence,
 *   where any word is capitalised ("Resistance" the group, not "Resistance
 *   to the plan grew").
 *
 * Default when `case` is absent: insensitive, except that an alias whose
 * letters are all capitals and number at most five (US, U.S., PMF, IRGC,
 * ISIS, F-16) is sensitive: short all-capital aliases are acronyms, and
 * acronyms are the aliases that collide with common words.
 */
import { DEFAULT_SENSITIVE_MAX_LETTERS } from './limits.ts';

export const CASE_INSENSITIVE = 0;
export const CASE_SENSITIVE = 1;
export const CASE_PROPER = 2;

const CASE_NAMES: Record<string, number> = {
  insensitive: CASE_INSENSITIVE,
  sensitive: CASE_SENSITIVE,
  proper: CASE_PROPER,
};

const RE_LETTER = /\p{L}/u;

/** True when every letter is a capital and there are 1 to `max` of them. */
export function isShortCapitals(text: string, max: number): boolean {
  let letters = 0;
  for (const ch of text) {
    if (!RE_LETTER.test(ch)) continue;
    if (ch === ch.toLowerCase() || ch !== ch.toUpperCase()) return false;
    letters += 1;
    if (letters > max) return false;
  }
  return letters > 0;
}

/** The case mode of an alias, or null if `declared` is not a known mode. */
export function resolveCase(declared: unknown, text: string): { mode: number; unknown: boolean } {
  if (declared !== undefined) {
    const mode = typeof declared === 'string' ? CASE_NAMES[declared] : undefined;
    if (mode !== undefined) return { mode, unknown: false };
  }
  const mode = isShortCapitals(text, DEFAULT_SENSITIVE_MAX_LETTERS) ? CASE_SENSITIVE : CASE_INSENSITIVE;
  return { mode, unknown: declared !== undefined };
}

/** A word of a cue written in two or more capitals (US, ISIS) matches only so. */
export function isCueCapitalWord(cased: string): boolean {
  let letters = 0;
  for (const ch of cased) {
    if (!RE_LETTER.test(ch)) continue;
    if (ch === ch.toLowerCase() || ch !== ch.toUpperCase()) return false;
    letters += 1;
  }
  return letters >= 2;
}
