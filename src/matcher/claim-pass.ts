/**
 * Claims in one block: items (numbers.ts) → cue terms → cues → matches.
 *
 * The block pass hands over only sentences that contain a cue anchor (a
 * word, number or unit some cue needs; see build-index.ts): most sentences
 * of a page never get here. In a sentence, cue terms are found in one walk
 * for all claims: a trie over item symbols, walked with a small set of
 * active states, reports each term alternative that ends at an item. Only
 * cues whose first term occurred are then tried (termCues index), so the
 * work per sentence depends on what it contains, not on how many claims the
 * dataset has.
 */
import { gapSignature } from './boundaries.ts';
import { lookupEdge } from './hash-table.ts';
import {
  ATTR_NUMBER_WORD,
  CHECK_CASED,
  CHECK_NONE,
  CHECK_PREFIX,
  CHECK_WORD,
  META_SYMBOLS,
  META_UNIT_SYMS,
  META_WILDS,
  type IndexData,
} from './index-data.ts';
import { ITEM_NUM, ITEM_WORD, Items, NUMBER_WORDS, buildItems, numberKey, type ItemContext } from './numbers.ts';
import type { Tokens } from './tokenize.ts';
import { tokenIsWord, tokenStartsWith, tokensEqual } from './verify.ts';
import { hasWildBit, tokenWildKey } from './wild-key.ts';

/** Cap on simultaneously active trie states (bounded by term length in practice). */
const MAX_ACTIVE = 64;
const TERMINAL_CHARS = new Set(['.', '!', '?', '…', '"', '”', '’', "'", ')', ']', '»']);

interface ClaimHit {
  start: number;
  end: number;
  entry: number;
}

/** Claim matches of a batch, appended block by block. */
export class ClaimHits {
  block: number[] = [];
  start: number[] = [];
  end: number[] = [];
  entry: number[] = [];

  clear(): void {
    this.block.length = 0;
    this.start.length = 0;
    this.end.length = 0;
    this.entry.length = 0;
  }
}

export class ClaimPass {
  readonly #d: IndexData;
  readonly #wildBase: number;
  readonly #numBase: number;
  readonly #hasWilds: boolean;
  readonly #items = new Items();
  readonly #ctx: ItemContext;
  #tokens: Tokens | null = null;
  #syms: Int32Array = new Int32Array(0);

  #active = new Int32Array(MAX_ACTIVE);
  #next = new Int32Array(MAX_ACTIVE);
  /** Symbols of the current item (word or unit, number, wildcards). */
  #itemSyms = new Int32Array(16);
  #itemSymCount = 0;

  // Term occurrences in the current sentence.
  #occTerm: number[] = [];
  #occFirst: number[] = [];
  #occLast: number[] = [];
  #hits: ClaimHit[] = [];

  constructor(d: IndexData) {
    this.#d = d;
    const symbols = d.meta[META_SYMBOLS]!;
    this.#wildBase = symbols;
    this.#numBase = symbols + d.meta[META_WILDS]!;
    this.#hasWilds = d.meta[META_WILDS]! > 0;
    const unitSyms = d.meta.slice(META_UNIT_SYMS, META_UNIT_SYMS + 4);
    this.#ctx = {
      tokens: null as unknown as Tokens,
      end: 0,
      syms: new Int32Array(0),
      bits: new Uint8Array(0),
      numberWord: (j) => this.#numberWord(j),
      unitSyms,
    };
  }

  #numberWord(j: number): number {
    const sym = this.#syms[j]!;
    if (sym < 0) return -1;
    const index = (this.#d.symAttr[sym]! & ATTR_NUMBER_WORD) - 1;
    if (index < 0) return -1;
    return tokenIsWord(this.#tokens!, j, NUMBER_WORDS[index]!.word) ? index : -1;
  }

  /**
   * Claims of one block, non-overlapping, appended to `out`. `sentences`
   * holds [first token, end token) pairs of the sentences to walk.
   */
  scan(tokens: Tokens, syms: Int32Array, bits: Uint8Array, sentences: readonly number[], block: number, out: ClaimHits): void {
    this.#tokens = tokens;
    this.#syms = syms;
    this.#ctx.tokens = tokens;
    this.#ctx.syms = syms;
    this.#ctx.bits = bits;
    const hits = this.#hits;
    hits.length = 0;
    for (let s = 0; s < sentences.length; s += 2) this.#sentence(sentences[s]!, sentences[s + 1]!, hits);
    if (hits.length === 0) return;
    // Claims never overlap each other: leftmost, then longest.
    hits.sort((a, b) => a.start - b.start || b.end - a.end || a.entry - b.entry);
    let lastEnd = -1;
    for (const h of hits) {
      if (h.start < lastEnd) continue;
      out.block.push(block);
      out.start.push(h.start);
      out.end.push(h.end);
      out.entry.push(h.entry);
      lastEnd = h.end;
    }
  }

  /** Items of tokens [first, end), then term occurrences, then cues. */
  #sentence(first: number, end: number, hits: ClaimHit[]): void {
    const items = this.#items;
    items.reset();
    this.#ctx.end = end;
    buildItems(this.#ctx, items, first);
    const d = this.#d;
    const cueRoot = d.cueRoot;
    const cueEdges = d.cueEdges;
    const cueOut = d.cueOut;
    let activeCount = 0;
    for (let i = 0; i < items.count; i++) {
      const symCount = this.#symbolsOf(i);
      const symbols = this.#itemSyms;
      let nextCount = 0;
      const next = this.#next;
      const active = this.#active;
      for (let s = 0; s < symCount; s++) {
        const sym = symbols[s]!;
        const fromRoot = cueRoot[sym]!;
        if (fromRoot !== 0 && nextCount < MAX_ACTIVE) next[nextCount++] = fromRoot;
        for (let a = 0; a < activeCount; a++) {
          const child = lookupEdge(cueEdges, active[a]!, sym);
          if (child !== 0 && nextCount < MAX_ACTIVE) next[nextCount++] = child;
        }
      }
      for (let a = 0; a < nextCount; a++) {
        let alt = cueOut[next[a]!]!;
        while (alt >= 0) {
          const len = d.altLen[alt]!;
          if (this.#verifyAlt(alt, i - len + 1)) {
            this.#occTerm.push(d.altTerm[alt]!);
            this.#occFirst.push(i - len + 1);
            this.#occLast.push(i);
          }
          const following = d.altNext[alt]!;
          if (following >= 0 && following <= alt) throw new Error('Backstory matcher index is corrupt: cue output chain');
          alt = following;
        }
      }
      this.#next = active;
      this.#active = next;
      activeCount = nextCount;
    }
    if (items.count > 0) this.#finishSentence(0, items.count - 1, hits);
  }

  /** Puts the symbols item i carries (word or unit, number, wildcards) in #itemSyms; returns how many. */
  #symbolsOf(i: number): number {
    const items = this.#items;
    this.#itemSymCount = 0;
    const kind = items.kind[i]!;
    if (kind === ITEM_NUM) {
      const sym = this.#numberSym(items.value[i]!);
      if (sym >= 0) this.#addSym(sym);
      return this.#itemSymCount;
    }
    const sym = items.sym[i]!;
    if (sym >= 0) this.#addSym(sym);
    if (kind === ITEM_WORD && this.#hasWilds) this.#wildcards(items.tokFirst[i]!);
    return this.#itemSymCount;
  }

  #addSym(sym: number): void {
    if (this.#itemSymCount === this.#itemSyms.length) {
      const grown = new Int32Array(this.#itemSyms.length * 2);
      grown.set(this.#itemSyms);
      this.#itemSyms = grown;
    }
    this.#itemSyms[this.#itemSymCount++] = sym;
  }

  #numberSym(value: number): number {
    const values = this.#d.numValues;
    const key = numberKey(value);
    let lo = 0;
    let hi = values.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = values[mid]!;
      if (v === key) return this.#numBase + mid;
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Wildcard symbols of token j: a bit-set test on its first three letters, then exact checks. */
  #wildcards(j: number): void {
    const tokens = this.#tokens!;
    const key = tokenWildKey(tokens.text, tokens.bound[2 * j]!, tokens.bound[2 * j + 1]!);
    if (!hasWildBit(this.#d.wildBits, key)) return;
    const keys = this.#d.wildKey;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    const info = this.#d.wildInfo;
    for (let w = lo; w < keys.length && keys[w] === key; w++) {
      if (tokenStartsWith(tokens, j, this.#d.strCue, info[w * 3]!, info[w * 3 + 1]!, info[w * 3 + 2] === 0)) {
        this.#addSym(this.#wildBase + w);
      }
    }
  }

  /** Checks the words and gaps of alternative `alt` against items starting at `first`. */
  #verifyAlt(alt: number, first: number): boolean {
    const d = this.#d;
    const items = this.#items;
    const tokens = this.#tokens!;
    if (!this.#itemGapsMatch(first, first + d.altLen[alt]! - 1, d.altSig[alt]!, d.altSig[alt + 1]!)) return false;
    const from = d.altChecks[alt]!;
    const to = d.altChecks[alt + 1]!;
    for (let c = from, i = first; c < to; c += 3, i++) {
      const kind = d.altCheck[c]!;
      if (kind === CHECK_NONE) continue;
      if (items.kind[i] !== ITEM_WORD) return false;
      const j = items.tokFirst[i]!;
      const lower = (kind & CHECK_CASED) === 0;
      const offset = d.altCheck[c + 1]!;
      const length = d.altCheck[c + 2]!;
      const ok =
        (kind & CHECK_WORD) !== 0
          ? tokensEqual(tokens, j, j, d.strCue, offset, length, lower)
          : (kind & CHECK_PREFIX) !== 0 && tokenStartsWith(tokens, j, d.strCue, offset, length, lower);
      if (!ok) return false;
    }
    return true;
  }

  /** As verify.ts gapsMatch, for the gaps between items first..last. */
  #itemGapsMatch(first: number, last: number, from: number, to: number): boolean {
    const items = this.#items;
    const tokens = this.#tokens!;
    const bits = this.#ctx.bits;
    const pool = this.#d.strSig;
    let p = from;
    for (let i = first + 1; i <= last; i++) {
      const j = items.tokFirst[i]!;
      // Items made inside one token run (a number and its unit) have no gap.
      const sig = j <= items.tokLast[i - 1]! ? '' : gapSignature(tokens, j, bits[j]!);
      if (from === to) {
        if (sig !== '') return false;
        continue;
      }
      for (let q = 0; q < sig.length; q++) if (p >= to || pool[p++] !== sig.charCodeAt(q)) return false;
      if (p < to && pool[p] !== 1) return false;
      p++;
    }
    return from === to || p === to + 1;
  }

  /** Tries the cues whose first term occurred in items [firstItem, lastItem]. */
  #finishSentence(firstItem: number, lastItem: number, hits: ClaimHit[]): void {
    const occTerm = this.#occTerm;
    const count = occTerm.length;
    if (count === 0) return;
    const occFirst = this.#occFirst;
    const occLast = this.#occLast;
    const d = this.#d;
    const items = this.#items;
    // Occurrences by term, in text order.
    const order = Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => occFirst[a]! - occFirst[b]! || occLast[a]! - occLast[b]!,
    );
    const byTerm = new Map<number, number[]>();
    for (const o of order) {
      const list = byTerm.get(occTerm[o]!);
      if (list === undefined) byTerm.set(occTerm[o]!, [o]);
      else list.push(o);
    }
    const tried = new Set<number>();
    for (const o of order) {
      const term = occTerm[o]!;
      for (let c = d.termCues[term]!; c < d.termCues[term + 1]!; c++) {
        const cue = d.termCueList[c]!;
        const key = cue * count + o;
        if (tried.has(key)) continue;
        tried.add(key);
        const last = this.#complete(cue, o, byTerm);
        if (last < 0) continue;
        let start: number;
        let end: number;
        if (d.cueCover[cue] === 1) {
          start = items.charStart[firstItem]!;
          end = this.#sentenceEnd(items.charEnd[lastItem]!);
        } else {
          start = Math.min(items.charStart[occFirst[o]!]!, items.charStart[occFirst[last]!]!);
          end = Math.max(items.charEnd[occLast[o]!]!, items.charEnd[occLast[last]!]!);
        }
        hits.push({ start, end, entry: d.cueEntry[cue]! });
      }
    }
    occTerm.length = 0;
    occFirst.length = 0;
    occLast.length = 0;
  }

  /**
   * Completes cue `cue` from occurrence `first` of its first term: each next
   * term must start after the previous one ends, with at most maxGap items
   * between. Returns the occurrence of the last term, or -1.
   */
  #complete(cue: number, first: number, byTerm: Map<number, number[]>): number {
    const d = this.#d;
    const from = d.cueTerms[cue]!;
    const to = d.cueTerms[cue + 1]!;
    const gap = d.cueGap[cue]!;
    const occFirst = this.#occFirst;
    const occLast = this.#occLast;
    const failed = new Set<number>();
    const count = this.#occTerm.length;
    const walk = (position: number, prev: number): number => {
      if (position === to) return prev;
      const list = byTerm.get(d.cueTermList[position]!);
      if (list === undefined) return -1;
      const after = occLast[prev]!;
      for (const q of list) {
        const start = occFirst[q]!;
        if (start <= after) continue;
        if (start - after - 1 > gap) break;
        const memo = position * count + q;
        if (failed.has(memo)) continue;
        const r = walk(position + 1, q);
        if (r >= 0) return r;
        failed.add(memo);
      }
      return -1;
    };
    return walk(from + 1, first);
  }

  /** Extends a sentence's end over its closing punctuation and quotes. */
  #sentenceEnd(end: number): number {
    const text = this.#tokens!.text;
    while (end < text.length && TERMINAL_CHARS.has(text[end]!)) end++;
    return end;
  }
}
