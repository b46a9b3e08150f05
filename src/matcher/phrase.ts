/**
 * Compile-time reading of a phrase (an alias or a context term): the same
 * tokenizer as the scanner, plus the checks that make a phrase unusable.
 */
import { STARTS_SENTENCE, tokenBoundary } from './boundaries.ts';
import { foldRange } from './fold.ts';
import { tokenize } from './tokenize.ts';
import { nameGapSignature } from './verify.ts';

export interface PhraseToken {
  /** Folded, lower case. */
  fold: string;
  /** Folded, case kept. */
  cased: string;
  /** Hash of the fold (hash.ts): the token's key in the vocabulary. */
  hash: number;
}

export type PhraseResult =
  | {
      ok: true;
      tokens: PhraseToken[];
      /** Signature of each gap between tokens (verify.ts nameGapSignature); "" for plain gaps before a lower-case word. */
      gaps: string[];
      /** Closing punctuation written after the last word, e.g. ")" of "War in Iraq (2013–2017)". */
      tail: string;
    }
  | { ok: false; message: string };

/** Index of the first unpaired surrogate, or -1. */
export function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** Index of the first control character other than tab, line feed and carriage return, or -1. */
function controlAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) return i;
  }
  return -1;
}

const hex4 = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

/** Checks shared by every pattern text; null when fine. */
export function textProblem(text: unknown, maxChars: number): string | null {
  if (typeof text !== 'string') return 'is not a string';
  const lone = loneSurrogateAt(text);
  if (lone >= 0) return `contains an unpaired surrogate (U+${hex4(text.charCodeAt(lone))} at offset ${lone})`;
  // No name is written with one, and the compiled index uses a few as markers.
  const control = controlAt(text);
  if (control >= 0) return `contains a control character (U+${hex4(text.charCodeAt(control))} at offset ${control})`;
  if (text.length > maxChars) return `is ${text.length} characters long; the limit is ${maxChars}`;
  return null;
}

export function analysePhrase(text: unknown, maxChars: number, maxTokens: number): PhraseResult {
  const problem = textProblem(text, maxChars);
  if (problem !== null) return { ok: false, message: problem };
  const s = text as string;
  const t = tokenize(s);
  const n = t.count;
  if (n === 0) return { ok: false, message: 'is empty after normalisation (no letters or digits)' };
  if (n > maxTokens) return { ok: false, message: `has ${n} words; the limit is ${maxTokens}` };
  const tokens: PhraseToken[] = [];
  const gaps: string[] = [];
  for (let j = 0; j < n; j++) {
    const start = t.bound[2 * j]!;
    const end = t.bound[2 * j + 1]!;
    tokens.push({ fold: foldRange(s, start, end, true), cased: foldRange(s, start, end, false), hash: t.hash[j]! });
    if (j > 0) {
      const bits = tokenBoundary(t, j);
      if ((bits & STARTS_SENTENCE) !== 0) {
        return { ok: false, message: 'contains the end of a sentence, which a match on a page never crosses' };
      }
      gaps.push(nameGapSignature(t, j, bits));
    }
  }
  const lastEnd = t.bound[2 * n - 1]!;
  const tail = /^[)\]”’"'.]*/.exec(s.slice(lastEnd))![0];
  return { ok: true, tokens, gaps, tail };
}
