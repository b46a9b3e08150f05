/**
 * Candidates that the words right next to them show to be something else:
 *
 * - a locale tag: "en-US" in a page's language menu is not the country;
 * - the end of a longer name. Right after a capitalised word, an ambiguous
 *   one-word alias (one the dataset gates with `requires`) names someone or
 *   something else: "Michael Jordan", "George Washington", "African
 *   National Congress", "Chief Economist". So does a surname (an
 *   `afterFullName` alias) after a given name that is not the entity's:
 *   "Melania Trump", "Hafez al-Assad", "Khalid bin Salman". After a title
 *   ("President Assad", "Mr Obama") a surname is still the person.
 *
 * They look only at the token before the candidate (and, rarely, at the
 * block's letter case), so they cost nothing on tokens that are not
 * candidates.
 */
import { LOWER_CASE_LETTER, unitAt } from './char-info.ts';
import { STOP_WORDS } from './stop-words.ts';
import type { Tokens } from './tokenize.ts';
import { onlySpaceBetween, startsWithCapital } from './verify.ts';

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
 * Nationality words, which stand before names of places, bodies and
 * outlets without being part of them: "Iranian Majlis", "Syrian Golan",
 * "Iranian Mehr agency".
 */
const DEMONYMS = [
  'afghan', 'american', 'arab', 'british', 'chinese', 'egyptian', 'emirati', 'european', 'french', 'german',
  'iranian', 'iraqi', 'israeli', 'jordanian', 'kurdish', 'kuwaiti', 'lebanese', 'libyan', 'omani', 'pakistani',
  'palestinian', 'persian', 'qatari', 'russian', 'saudi', 'sudanese', 'syrian', 'turkish', 'ukrainian', 'western',
  'yemeni',
];

/**
 * Capitalised words that are no given name: function words (stop-words.ts)
 * and the words that open a sentence or label a headline. After one of
 * them, a name is still the name: "In Jordan", "Neither Biden nor",
 * "Video Obama 'distress'", "Five Obama take-aways", "ALL You Trump supporters";
 * and nationality words (DEMONYMS).
 */
const NOT_NAMES = new Set([
  ...STOP_WORDS,
  ...DEMONYMS,
  'across', 'again', 'against', 'ahead', 'already', 'although', 'amid', 'among', 'analysis', 'audio', 'because',
  'besides', 'both', 'breaking', 'dear', 'despite', 'dozens', 'earlier', 'eight', 'either', 'even', 'every',
  'exclusive', 'five', 'following', 'four', 'hence', 'here', 'however', 'hundreds', 'indeed', 'inside', 'instead',
  'just', 'latest', 'later', 'like', 'listen', 'live', 'many', 'maybe', 'meanwhile', 'moreover', 'neither',
  'never', 'nevertheless', 'nine', 'nor', 'once', 'opinion', 'outside', 'perhaps', 'photos', 'please', 'read',
  'related', 'see', 'seven', 'several', 'since', 'six', 'soon', 'still', 'ten', 'thanks', 'though', 'thousands',
  'three', 'through', 'throughout', 'thus', 'today', 'tonight', 'two', 'unlike', 'until', 'update', 'upon',
  'video', 'watch', 'whether', 'where', 'while', 'whose', 'why', 'yes', 'yesterday', 'yet',
]);

/**
 * Particles inside names, skipped on the way back to a given name ("Hafez
 * al-Assad", "Khalid bin Salman"): the Arabic article in its written forms,
 * joined by a hyphen ("ad-Din", "as-Sadr"; as a separate word "at" and "as"
 * are English), and particles written as words.
 */
const HYPHENED_PARTICLES = new Set(['ad', 'al', 'an', 'ar', 'as', 'ash', 'at', 'az', 'el']);
const PARTICLES = new Set(['abu', 'al', 'ben', 'bin', 'bint', 'da', 'de', 'der', 'di', 'du', 'el', 'ibn', 'van', 'von']);

/**
 * Words written before a surname that are not a given name: titles, ranks
 * and offices as news copy writes them ("President Assad", "Mr Obama",
 * "Foreign Minister Araghchi", "Grand Ayatollah Sistani", "Former President
 * Trump"). Lower case.
 */
const TITLES = new Set([
  'acting', 'adm', 'admiral', 'ambassador', 'ayatollah', 'brig', 'capt', 'captain', 'cardinal', 'chair',
  'chairman', 'chairwoman', 'chancellor', 'chief', 'cleric', 'col', 'colonel', 'commander', 'commissioner',
  'congressman', 'congresswoman', 'counsellor', 'crown', 'defence', 'defense', 'democrat', 'deputy', 'director',
  'dr', 'emir', 'envoy', 'ex', 'foreign', 'former', 'gen', 'general', 'gov', 'governor', 'hojatoleslam', 'imam',
  'judge', 'justice', 'king', 'lady', 'late', 'leader', 'lieutenant', 'lord', 'lt', 'maj', 'major', 'marshal',
  'mayor', 'minister', 'miss', 'mp', 'mr', 'mrs', 'ms', 'mullah', 'pm', 'pope', 'premier', 'president', 'prince',
  'princess', 'queen', 'rabbi', 'rep', 'representative', 'republican', 'sayyed', 'sayyid', 'secretary', 'sen',
  'senator', 'sergeant', 'sgt', 'sheikh', 'sheik', 'shaykh', 'sir', 'speaker', 'spokesman', 'spokesperson',
  'spokeswoman', 'sultan', 'supreme', 'vice',
]);

/** Is the gap before token j nothing but white space? */
function plainGapBefore(tokens: Tokens, j: number): boolean {
  return onlySpaceBetween(tokens.text, tokens.bound[2 * j - 1]!, tokens.bound[2 * j]!);
}

/** Is the gap before token j a single hyphen ("al-Assad")? */
function hyphenBefore(tokens: Tokens, j: number): boolean {
  const start = tokens.bound[2 * j]!;
  return tokens.bound[2 * j - 1] === start - 1 && unitAt(tokens.text, start - 1) === 45;
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

/**
 * Is the two-letter, one-token candidate at token j a currency prefix
 * written onto a dollar sign ("US$100", "US$ 36,254")? With a space
 * between ("the US $100bn aid") it stays the country.
 */
export function isCurrencyPrefix(tokens: Tokens, j: number): boolean {
  const end = tokens.bound[2 * j + 1]!;
  return end - tokens.bound[2 * j]! === 2 && unitAt(tokens.text, end) === 36;
}

/** Does token j hold a lower-case letter (so it is not an acronym or a word in capitals)? */
function hasLowerCase(tokens: Tokens, j: number): boolean {
  const text = tokens.text;
  for (let i = tokens.bound[2 * j]!; i < tokens.bound[2 * j + 1]!; i++) {
    const c = unitAt(text, i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128 && LOWER_CASE_LETTER.test(text[i]!)) return true;
  }
  return false;
}

/** Does token j start with a lower-case letter (not a digit, not a letter without case)? */
function startsWithLowerCase(tokens: Tokens, j: number): boolean {
  const c = tokens.first[2 * j]!;
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_CASE_LETTER.test(String.fromCodePoint(tokens.text.codePointAt(tokens.bound[2 * j]!)!));
}

/** Token j's text in lower case (ASCII words only need it here). */
function lowerWord(tokens: Tokens, j: number): string {
  return tokens.text.slice(tokens.bound[2 * j]!, tokens.bound[2 * j + 1]!).toLowerCase();
}

/**
 * Is the candidate starting at token j the end of a longer name? So when
 * the word before it, joined by white space only, is a capitalised word
 * (not an acronym) that can be a name: "Jaden Jordan", "Melania Trump",
 * but not "In Jordan" or "But Trump" (NOT_NAMES). For a surname, a title
 * before it keeps it the person too. Words written in capitals tell
 * nothing: the rule holds only when both have lower-case letters. (Text in
 * title case tells nothing either: see isTitleCase, checked by the caller
 * last, as it reads the whole block.)
 */
export function followsOtherName(tokens: Tokens, j: number, surname: boolean): boolean {
  if (!hasLowerCase(tokens, j)) return false;
  // The word before a surname's particles: "Hafez" in "Hafez al-Assad" for "Assad".
  let k = j - 1;
  if (surname) {
    for (let skipped = 0; skipped < 2 && k > 0; skipped++) {
      const word = lowerWord(tokens, k);
      if (!(hyphenBefore(tokens, k + 1) ? HYPHENED_PARTICLES.has(word) || PARTICLES.has(word) : PARTICLES.has(word) && plainGapBefore(tokens, k + 1))) break;
      k--;
    }
  }
  if (k < 0 || !startsWithCapital(tokens, k) || !plainGapBefore(tokens, k + 1) || !hasLowerCase(tokens, k)) return false;
  const before = lowerWord(tokens, k);
  return !NOT_NAMES.has(before) && !PARTICLES.has(before) && !HYPHENED_PARTICLES.has(before) && !(surname && TITLES.has(before));
}

/**
 * Is the block written in title case, as headlines and link lists are
 * ("Will Ask Trump To Block Obama's Plan")? Then every word is capitalised
 * and a capital before a name tells nothing. So when at least two words
 * after the first start with a capital and every word that starts with a
 * lower-case letter is short (three letters at most) or a function word.
 */
export function isTitleCase(tokens: Tokens): boolean {
  let capitals = 0;
  for (let j = 0; j < tokens.count; j++) {
    if (startsWithCapital(tokens, j)) {
      if (j > 0) capitals++;
    } else if (startsWithLowerCase(tokens, j)) {
      if (tokens.bound[2 * j + 1]! - tokens.bound[2 * j]! > 3 && !STOP_WORDS.has(lowerWord(tokens, j))) return false;
    }
  }
  return capitals >= 2;
}

/**
 * Does the block open with a dateline? Either its first word is written in
 * capitals (three letters at least) and followed by a parenthesis, a comma
 * or a dash ("WASHINGTON (Reuters) -", "WASHINGTON, Jan 28 -",
 * "WASHINGTON —"), or it is capitalised and followed by an outlet in
 * parentheses and a dash ("Washington (CNN) —").
 */
export function isDateline(tokens: Tokens): boolean {
  if (tokens.count < 2 || !startsWithCapital(tokens, 0)) return false;
  const text = tokens.text;
  const skipSpaces = (i: number) => {
    while (i < text.length && (unitAt(text, i) === 32 || unitAt(text, i) === 0xa0)) i++;
    return i;
  };
  const isDash = (c: number) => c === 45 || c === 0x2013 || c === 0x2014;
  const end = tokens.bound[1]!;
  const i = skipSpaces(end);
  const c = unitAt(text, i);
  if (!hasLowerCase(tokens, 0)) return end - tokens.bound[0]! >= 3 && (c === 40 || c === 44 || isDash(c));
  if (c !== 40) return false;
  const close = text.indexOf(')', i);
  if (close < 0 || close - i > 40) return false;
  return isDash(unitAt(text, skipSpaces(close + 1)));
}

/** Words after a place name that make it the place itself ("the Washington area"). */
const PLACE_NOUNS = new Set(['area', 'region', 'suburbs', 'metro']);

/** A byline or a credit line is short; a sentence ending in ", Congress." is not one. */
const MAX_BYLINE_TOKENS = 12;

/**
 * Is the ambiguous one-word candidate at token j the place it is also the
 * name of, rather than what its entry names (an entry that is no place
 * itself: ALIAS_NOT_A_PLACE)? So when a word such as "area" follows it
 * ("the Washington area"), and when it is a byline's or a caption's
 * location: the last word of a short block, after a comma ("Jon Sopel, BBC
 * News, Washington").
 */
export function namesPlace(tokens: Tokens, j: number): boolean {
  const text = tokens.text;
  const b = tokens.bound;
  const end = b[2 * j + 1]!;
  if (j + 1 < tokens.count) {
    const next = b[2 * j + 2]!;
    for (let i = end; i < next; i++) if (unitAt(text, i) !== 32 && unitAt(text, i) !== 0xa0) return false;
    return next > end && PLACE_NOUNS.has(text.slice(next, b[2 * j + 3]!));
  }
  if (tokens.count > MAX_BYLINE_TOKENS) return false;
  let i = b[2 * j]! - 1;
  while (i >= 0 && (unitAt(text, i) === 32 || unitAt(text, i) === 0xa0)) i--;
  if (i < 0 || unitAt(text, i) !== 44) return false;
  const rest = text.slice(end).trim();
  return rest === '' || rest === '.';
}
