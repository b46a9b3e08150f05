/**
 * Candidates that the words right next to them show to be something else:
 *
 * - a locale tag: "en-US" in a page's language menu is not the country;
 * - the last word of a longer name: "Michael Jordan", "George Washington",
 *   "African National Congress" and "Chief Economist" hold an ambiguous
 *   one-word alias (one the dataset gates with `requires`), but name someone
 *   or something else.
 *
 * Both look only at the token before the candidate, so they cost nothing on
 * tokens that are not candidates.
 */
import { unitAt } from './char-info.ts';
import { STOP_WORDS } from './stop-words.ts';
import type { Tokens } from './tokenize.ts';
import { startsWithCapital } from './verify.ts';

/**
 * Languages whose tags pages print with a region ("en-US", "es-US",
 * "fr-CA"): two-letter ISO 639-1 codes of the languages news sites publish
 * in most. "ex-US" (former) and "pro-US" are not tags.
 */
const LANGUAGE_CODES = new Set([
  'ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'he', 'hi', 'hr', 'hu',
  'id', 'it', 'ja', 'ko', 'lt', 'lv', 'ms', 'nb', 'nl', 'nn', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv',
  'sw', 'th', 'tl', 'tr', 'uk', 'ur', 'vi', 'zh',
]);

/**
 * Words that open a sentence without being a name: after one of them, a
 * capitalised word is not the end of a longer name ("In Jordan", "Why
 * Washington"). Beyond the function words of stop-words.ts.
 */
const SENTENCE_OPENERS = new Set([
  ...STOP_WORDS,
  'although', 'because', 'despite', 'earlier', 'even', 'however', 'inside', 'instead', 'later', 'like',
  'meanwhile', 'once', 'outside', 'since', 'still', 'though', 'throughout', 'today', 'tonight', 'unlike',
  'until', 'whether', 'where', 'while', 'why', 'yesterday', 'yet',
]);

/** Is the gap before token j nothing but white space (one or more units)? */
function plainGapBefore(tokens: Tokens, j: number): boolean {
  const text = tokens.text;
  for (let i = tokens.bound[2 * j - 1]!; i < tokens.bound[2 * j]!; i++) {
    const c = unitAt(text, i);
    if (c > 32 && c !== 0xa0) return false;
  }
  return true;
}

/** Is the text of token j written in ASCII lower-case letters only, and `length` of them? */
function isLowerAscii(tokens: Tokens, j: number, length: number): boolean {
  const start = tokens.bound[2 * j]!;
  if (tokens.bound[2 * j + 1]! - start !== length) return false;
  for (let i = start; i < start + length; i++) {
    const c = unitAt(tokens.text, i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * Is the two-letter, one-token candidate at token j the region of a locale
 * tag ("en-US", "pt-BR")? Only when a language code is joined to it by a
 * hyphen and nothing else.
 */
export function isLocaleRegion(tokens: Tokens, j: number): boolean {
  if (j === 0) return false;
  const start = tokens.bound[2 * j]!;
  if (tokens.bound[2 * j + 1]! - start !== 2 || tokens.bound[2 * j - 1] !== start - 1 || unitAt(tokens.text, start - 1) !== 45) return false;
  if (!isLowerAscii(tokens, j - 1, 2)) return false;
  const b = tokens.bound;
  return LANGUAGE_CODES.has(tokens.text.slice(b[2 * j - 2]!, b[2 * j - 1]!));
}

const LOWER_CASE = /\p{Ll}/u;

/** Does token j hold a lower-case letter (so it is not an acronym or a word in capitals)? */
function hasLowerCase(tokens: Tokens, j: number): boolean {
  const text = tokens.text;
  for (let i = tokens.bound[2 * j]!; i < tokens.bound[2 * j + 1]!; i++) {
    const c = unitAt(text, i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128 && LOWER_CASE.test(text[i]!)) return true;
  }
  return false;
}

/**
 * Is the candidate at token j (an ambiguous one-word alias) the last word
 * of a longer name? So when the word before it, joined by white space only,
 * is a capitalised word (not an acronym): "Jaden Jordan", "Michael
 * Bloomberg". A sentence's first word is capitalised whatever it is, so
 * there it counts only if it is not a common opener ("In Jordan", "But
 * Washington" stay the names): `afterSentenceStart` says whether token
 * j - 1 starts a sentence. Text written in capitals tells nothing: the rule holds only
 * when both words have lower-case letters.
 */
export function endsLongerName(tokens: Tokens, j: number, afterSentenceStart: boolean): boolean {
  if (j === 0 || !startsWithCapital(tokens, j - 1) || !plainGapBefore(tokens, j)) return false;
  if (!hasLowerCase(tokens, j - 1) || !hasLowerCase(tokens, j)) return false;
  if (!afterSentenceStart) return true;
  const b = tokens.bound;
  return !SENTENCE_OPENERS.has(tokens.text.slice(b[2 * j - 2]!, b[2 * j - 1]!).toLowerCase());
}
