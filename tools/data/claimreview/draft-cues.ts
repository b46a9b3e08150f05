/**
 * A first draft of a claim's cue from its statement: up to four key terms in
 * statement order (numbers with their unit, names, then the longest other
 * words), with maxGap wide enough that the statement matches its own cue.
 * Only a draft: the importer flags every drafted cue for a human to rewrite
 * so that it finds paraphrases and not only this wording.
 */
import type { Cue } from '../../../src/dataset/types.ts';

const STOP_WORDS = new Set(
  ('a an and are as at be been but by for from had has have he her his in into is it its of on or our over said says she ' +
    'than that the their them there these they this those to under up was we were which while who will with would you').split(' '),
);

interface Token {
  text: string;
  /** Index of the token's first word in the statement. */
  index: number;
  /** How many statement words the term covers. */
  words: number;
  weight: number;
}

const WORD = /[$€£]?\p{N}[\p{N},.]*%?|[\p{L}][\p{L}\p{N}'’-]*/gu;
const isNumber = (word: string) => /^[$€£]?\p{N}/u.test(word);
const isYear = (word: string) => /^(1[89]|20)\d\d$/.test(word);
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
/** Small words inside names: "Deir ez-Zor", "Sea of Galilee". */
const NAME_LINKS = new Set(['of', 'al', 'el', 'ez', 'de', 'bin', 'ibn']);

/** Key terms of a statement with their weight: numbers with units, then names, then long words. */
function tokenise(statement: string): Token[] {
  const words = [...statement.matchAll(WORD)].map((m) => m[0]);
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    if (isNumber(word)) {
      const number = word.replace(/[.,]$/, '');
      // A number means little alone: keep its unit ("900 troops", "$100 billion"); a year stands alone.
      const next = words[i + 1];
      const unit = !isYear(number) && next && !isNumber(next) && !STOP_WORDS.has(next.toLowerCase()) ? next : undefined;
      tokens.push({ text: unit ? `${number} ${unit}` : number, index: i, words: unit ? 2 : 1, weight: 3 });
      i += unit ? 2 : 1;
      continue;
    }
    const lower = word.toLowerCase();
    // A capitalised run is a name ("Port Calder"), less a sentence-initial "The".
    let end = i;
    while (end < words.length && (isCapitalised(words[end]!) || (end > i && NAME_LINKS.has(words[end]!) && isCapitalised(words[end + 1] ?? '')))) end++;
    if (end > i && STOP_WORDS.has(lower)) {
      i++;
      continue;
    }
    if (end > i) {
      // A lone capital at the start may be a name or just the sentence: weigh it in between.
      const weight = i > 0 || end - i > 1 ? 2 : 1.5;
      tokens.push({ text: words.slice(i, end).join(' '), index: i, words: end - i, weight });
      i = end;
      continue;
    }
    if (!STOP_WORDS.has(lower) && word.length >= 3) {
      // Let an ending vary: "attacks" → "attack*".
      const stem = word.length >= 6 ? lower.replace(/(ing|ed|es|s)$/, '') : lower;
      tokens.push({ text: stem === lower ? lower : `${stem}*`, index: i, words: 1, weight: 1 + Math.min(word.length, 12) / 100 });
    }
    i++;
  }
  return tokens;
}

export function draftCue(statement: string, maxTerms = 4): Cue | undefined {
  const seen = new Set<string>();
  const chosen = tokenise(statement)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .filter((t) => !seen.has(t.text.toLowerCase()) && seen.add(t.text.toLowerCase()))
    .slice(0, maxTerms)
    .sort((a, b) => a.index - b.index);
  if (chosen.length === 0) return undefined;
  let widest = 0;
  for (let i = 1; i < chosen.length; i++) {
    const previous = chosen[i - 1]!;
    widest = Math.max(widest, chosen[i]!.index - previous.index - previous.words);
  }
  const cue: Cue = { terms: chosen.map((t) => t.text) };
  if (widest > 8) cue.maxGap = Math.min(widest, 30);
  return cue;
}
