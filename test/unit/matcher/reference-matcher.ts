/**
 * A brute-force entity matcher for property tests: for every token and every
 * alias, compare folded strings directly. No hashing, no automaton, no
 * vocabulary: what the compiled index does must agree with this.
 *
 * It shares the tokenizer and the boundary rules with the real matcher
 * (those are tested on their own); it covers ungated aliases only.
 */
import { JOINS_PREVIOUS, STARTS_SENTENCE, tokenBoundary } from '../../../src/matcher/boundaries.ts';
import { resolveCase } from '../../../src/matcher/case-rules.ts';
import { foldRange } from '../../../src/matcher/fold.ts';
import { STOP_WORDS } from '../../../src/matcher/stop-words.ts';
import { tokenize } from '../../../src/matcher/tokenize.ts';
import type { Match, PatternSet } from '../../../src/matcher/types.ts';

interface RefAlias {
  entry: number;
  folds: string[];
  caseds: string[];
  mode: number;
  /** Per word: may a possessive stand before it on the page anyhow? Before a capitalised word the alias writes without one, only if the match ends the run of capitalised words. */
  possessiveBefore: boolean[];
}

/** The alias's words, and whether each is written after a possessive 's. */
function possessives(text: string): boolean[] {
  const t = tokenize(text);
  const out: boolean[] = [];
  for (let j = 0; j < t.count; j++) out.push(j > 0 && /^['’]s/i.test(text.slice(t.bound[2 * j - 1]!, t.bound[2 * j]!)));
  return out;
}

function words(text: string, lower: boolean): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let j = 0; j < t.count; j++) out.push(foldRange(text, t.bound[2 * j]!, t.bound[2 * j + 1]!, lower));
  return out;
}

export function referenceScan(set: PatternSet, blocks: readonly string[]): Match[] {
  const aliases: RefAlias[] = [];
  set.entities.forEach((entity, entry) => {
    for (const alias of entity.aliases) {
      const caseds = words(alias.text, false);
      const written = possessives(alias.text);
      aliases.push({
        entry,
        folds: words(alias.text, true),
        caseds,
        mode: resolveCase(alias.case, alias.text).mode,
        possessiveBefore: caseds.map((w, k) => written[k]! || w[0] === w[0]!.toLowerCase()),
      });
    }
  });
  const matches: Match[] = [];
  blocks.forEach((text, block) => {
    const t = tokenize(text);
    const n = t.count;
    const start: number[] = [];
    const end: number[] = [];
    const bits: number[] = [];
    const folds: string[] = [];
    const caseds: string[] = [];
    for (let j = 0; j < n; j++) {
      start.push(t.bound[2 * j]!);
      end.push(t.bound[2 * j + 1]!);
      bits.push(tokenBoundary(t, j));
      folds.push(foldRange(text, start[j]!, end[j]!, true));
      caseds.push(foldRange(text, start[j]!, end[j]!, false));
    }
    const candidates: Array<{ first: number; last: number; alias: number }> = [];
    for (let first = 0; first < n; first++) {
      aliases.forEach((a, index) => {
        const len = a.folds.length;
        if (first + len > n) return;
        let possessive = false;
        for (let k = 0; k < len; k++) {
          if (k > 0 && (bits[first + k]! & JOINS_PREVIOUS) === 0) return;
          if (k > 0 && !a.possessiveBefore[k] && /^['’]s/i.test(text.slice(end[first + k - 1]!, start[first + k]!))) possessive = true;
          if (a.mode === 0 ? folds[first + k] !== a.folds[k] : caseds[first + k] !== a.caseds[k]) return;
        }
        if (a.mode === 2 && (bits[first]! & STARTS_SENTENCE) !== 0) return;
        const after = first + len;
        if (possessive && after < n && /^[\x00-\x20\u00a0]*$/.test(text.slice(end[after - 1]!, start[after]!)) && /^\p{Lu}/u.test(caseds[after]!)) return;
        // An acronym that is a common word (US) after another word in a block all in capitals, but not after THE nor dotted: the word.
        if (a.mode === 1 && len === 1 && STOP_WORDS.has(a.folds[0]!) && first > 0 && folds[first - 1] !== 'the' && !text.slice(start[first]!, end[first]!).includes('.')) {
          const outside = text.slice(0, start[first]!) + ' ' + text.slice(end[first]!);
          if (!/\p{Ll}/u.test(text) && /\p{Lu}/u.test(outside)) return;
        }
        candidates.push({ first, last: first + len - 1, alias: index });
      });
    }
    candidates.sort((x, y) => x.first - y.first || y.last - x.last || x.alias - y.alias);
    let next = 0;
    for (const c of candidates) {
      if (c.first < next) continue;
      matches.push({ block, start: start[c.first]!, end: end[c.last]!, entry: aliases[c.alias]!.entry });
      next = c.last + 1;
    }
  });
  return matches;
}
