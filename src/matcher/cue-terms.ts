/**
 * Compile-time reading of one cue term: "a|b" alternatives, each a sequence
 * of words where a trailing '*' makes a word a prefix ("attack*"), numbers
 * and units are canonicalised (numbers.ts), and words written in two or more
 * capitals (US, ISIS) must match in that case.
 */
import { JOINS_PREVIOUS, STARTS_SENTENCE, gapSignature, tokenBoundary } from './boundaries.ts';
import { isCueCapitalWord } from './case-rules.ts';
import { foldRange } from './fold.ts';
import { MAX_TERM_CHARS, MAX_TERM_WORDS, MIN_WILDCARD_PREFIX } from './limits.ts';
import { ITEM_NUM, ITEM_UNIT, ITEM_WORD, Items, NUMBER_WORDS, buildItems, numberKey } from './numbers.ts';
import { textProblem } from './phrase.ts';
import { tokenize } from './tokenize.ts';

export type CueItem =
  | { kind: 'word'; fold: string; cased: string; caseSensitive: boolean; hash: number }
  | { kind: 'wild'; prefix: string; casedPrefix: string; caseSensitive: boolean; capital: boolean }
  | { kind: 'num'; value: number }
  | { kind: 'unit'; unit: number };

export interface TermAlternative {
  items: CueItem[];
  /** Punctuation signature of each gap between items (boundaries.ts gapSignature). */
  gaps: string[];
}

export type TermResult = { ok: true; alternatives: TermAlternative[] } | { ok: false; message: string };

const NUMBER_WORD_INDEX = new Map(NUMBER_WORDS.map((w, i) => [w.word, i]));

function parseAlternative(alt: string): ({ ok: true } & TermAlternative) | { ok: false; message: string } {
  const text = alt.trim();
  if (text === '') return { ok: false, message: 'is empty' };
  const t = tokenize(text);
  const n = t.count;
  if (n === 0) return { ok: false, message: 'is empty after normalisation (no letters or digits)' };
  const starts: number[] = [];
  const ends: number[] = [];
  const folds: string[] = [];
  const caseds: string[] = [];
  const hashes: number[] = [];
  for (let j = 0; j < n; j++) {
    starts.push(t.bound[2 * j]!);
    ends.push(t.bound[2 * j + 1]!);
    folds.push(foldRange(text, starts[j]!, ends[j]!, true));
    caseds.push(foldRange(text, starts[j]!, ends[j]!, false));
    hashes.push(t.hash[j]!);
  }
  // A '*' must end a word.
  const wild = new Array<boolean>(n).fill(false);
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '*') continue;
    const j = ends.indexOf(i);
    if (j < 0 || starts.includes(i + 1)) return { ok: false, message: "has a '*' that does not end a word" };
    wild[j] = true;
  }
  // A '*' between words is not punctuation.
  const bits = new Uint8Array(n);
  for (let j = 1; j < n; j++) {
    bits[j] = tokenBoundary(t, j);
    if (text.slice(ends[j - 1]!, starts[j]!).replace('*', '').trim() === '') bits[j] = JOINS_PREVIOUS;
  }
  const syms = new Int32Array(n); // every token "known": numberWord decides
  const items = new Items();
  buildItems(
    {
      tokens: t,
      end: n,
      syms,
      bits,
      numberWord: (j) => NUMBER_WORD_INDEX.get(folds[j]!) ?? -1,
      unitSyms: Int32Array.from([0, 1, 2, 3]),
    },
    items,
    0,
  );
  // Gaps between items, checked after numbers are folded ("1,000 people"
  // has no gap inside its number): a term stays inside one sentence, and
  // punctuation it is written with must stand on the page too.
  const gaps: string[] = [];
  for (let i = 1; i < items.count; i++) {
    const j = items.tokFirst[i]!;
    if (j <= items.tokLast[i - 1]!) {
      gaps.push('');
      continue;
    }
    if ((bits[j]! & STARTS_SENTENCE) !== 0) {
      return { ok: false, message: 'contains the end of a sentence; a cue term stays inside one sentence' };
    }
    gaps.push(gapSignature(t, j, bits[j]!));
  }
  if (items.count > MAX_TERM_WORDS) {
    return { ok: false, message: `has ${items.count} words; the limit is ${MAX_TERM_WORDS}` };
  }
  const out: CueItem[] = [];
  for (let i = 0; i < items.count; i++) {
    const kind = items.kind[i]!;
    const first = items.tokFirst[i]!;
    const last = items.tokLast[i]!;
    if (kind !== ITEM_WORD) {
      for (let j = first; j <= last; j++) {
        if (wild[j]) return { ok: false, message: "puts a '*' on a number or unit" };
      }
    }
    if (kind === ITEM_NUM) out.push({ kind: 'num', value: numberKey(items.value[i]!) });
    else if (kind === ITEM_UNIT) out.push({ kind: 'unit', unit: items.sym[i]! });
    else {
      const caseSensitive = isCueCapitalWord(caseds[first]!);
      if (wild[first]) {
        if (folds[first]!.length < MIN_WILDCARD_PREFIX) {
          return {
            ok: false,
            message: `has "${folds[first]}*", too short a prefix (at least ${MIN_WILDCARD_PREFIX} letters)`,
          };
        }
        // "Israel*" (a name) starts only words written with a capital; "attack*" any word.
        const capital = !caseSensitive && caseds[first]!.charCodeAt(0) !== folds[first]!.charCodeAt(0);
        out.push({ kind: 'wild', prefix: folds[first]!, casedPrefix: caseds[first]!, caseSensitive, capital });
      } else {
        out.push({ kind: 'word', fold: folds[first]!, cased: caseds[first]!, caseSensitive, hash: hashes[first]! });
      }
    }
  }
  return { ok: true, items: out, gaps };
}

/** Parse a cue term into its alternatives. */
export function parseTerm(term: unknown): TermResult {
  const problem = textProblem(term, MAX_TERM_CHARS);
  if (problem !== null) return { ok: false, message: problem };
  const alternatives: TermAlternative[] = [];
  const parts = (term as string).split('|');
  for (const alt of parts) {
    const parsed = parseAlternative(alt);
    if (!parsed.ok) {
      const message = parts.length > 1 ? `has an alternative ${JSON.stringify(alt.trim())} that ${parsed.message}` : parsed.message;
      return { ok: false, message };
    }
    alternatives.push({ items: parsed.items, gaps: parsed.gaps });
  }
  return { ok: true, alternatives };
}

/** What makes two wildcards the same: their prefix and how its case is compared. */
export function wildcardKey(it: { prefix: string; casedPrefix: string; caseSensitive: boolean; capital: boolean }): string {
  return it.caseSensitive ? `P:${it.casedPrefix}` : it.capital ? `C:${it.prefix}` : `p:${it.prefix}`;
}

/** A stable key for a parsed term, to share identical terms between cues. */
export function termKey(alternatives: TermAlternative[]): string {
  return JSON.stringify(
    alternatives.map(({ items, gaps }) => [
      gaps,
      ...items.map((it) => {
        switch (it.kind) {
          case 'word':
            return it.caseSensitive ? `W:${it.cased}` : `w:${it.fold}`;
          case 'wild':
            return wildcardKey(it);
          case 'num':
            return `n:${it.value}`;
          case 'unit':
            return `u:${it.unit}`;
        }
      }),
    ]),
  );
}
