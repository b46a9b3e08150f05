/**
 * The comparison key of an alias: its text as the matcher sees it, so two
 * aliases that would match the same words on a page get the same key.
 *
 * The data tools use the matcher's own folding (normaliseWithOffsets from
 * src/matcher/) whenever it loads. This is the stand-in for when it does
 * not (a matcher mid-edit must not stop data:check), following the rules in
 * src/matcher/tokenize.ts and char-info.ts: compatibility forms and
 * diacritics folded, a few letters spelled out (ß = ss, ı = i), lower case,
 * apostrophes dropped and a possessive 's with them (but an elided article
 * such as the l' of l'AFP, or an apostrophe before a digit, separates
 * words), single letters joined by
 * dots read as one word (U.S. = US), any other punctuation a space.
 * test/unit/dataset/rules.test.ts checks that it agrees with the matcher on
 * every alias in data/.
 */

/** Letters NFKD leaves alone that readers treat as their base letters. */
const SPELLED: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  ł: 'l', Ł: 'l', ħ: 'h', Ħ: 'h', ı: 'i', þ: 'th', Þ: 'th', ŧ: 't', Ŧ: 't', ς: 'σ', ĸ: 'k', ŉ: 'n',
};
const APOSTROPHE = "['`\u00B4\u2018\u2019\u201B\u2032\u2035\u02B9\u02BB\u02BC\u02BD\u02BE\u02BF\uFF07]";
const POSSESSIVE = new RegExp(`(?<=[\\p{L}\\p{N}])${APOSTROPHE}s?(?![\\p{L}\\p{N}])`, 'gu');
const APOSTROPHES = new RegExp(APOSTROPHE, 'gu');
/** An elided French or Italian article or preposition (l'Iran, qu'Israël, dell'Iran), or an apostrophe before a digit: a space. */
const ELISION = new RegExp(`(?<![\\p{L}\\p{N}])(c|d|j|l|m|n|s|t|qu|dell|dall|nell|sull|all|un)${APOSTROPHE}(?=\\p{L})|${APOSTROPHE}(?=\\p{N})`, 'gu');
/** Two or more single letters each followed by a dot: U.S., D.C., U.S.A. */
const DOTTED = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;

const stripMarks = (text: string) => text.normalize('NFKD').replace(/[\p{M}\p{Cf}\u0640]/gu, '');

export function aliasKey(text: string): string {
  const folded = stripMarks(stripMarks(text).replace(/./gu, (ch) => SPELLED[ch] ?? ch).toLowerCase());
  return folded
    .replace(POSSESSIVE, '') // Hezbollah's = Hezbollah
    .replace(ELISION, '$1 ') // l'AFP = l AFP
    .replace(APOSTROPHES, '') // Kata'ib = Kata’ib = Kataib
    .replace(DOTTED, (acronym) => `${acronym.replace(/\./g, '')} `)
    .replace(/[^\p{L}\p{N}&]+/gu, ' ') // dashes and other punctuation separate words
    .trim();
}
