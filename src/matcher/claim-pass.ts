/**
 * Claims in one block: items (numbers.ts) → cue terms → cues → matches.
 *
 * The block pass hands over only sentences that contain a cue anchor (a
 * word, number, unit or wildcard some cue needs) and, for most cues, a word
 * of a second term (see build-index.ts): most sentences of a page never get
 * here. In a sentence, cue terms are found in one walk for all claims: a
 * trie over item symbols, walked with a small set of
 * active states, reports each term alternative that ends at an item. Only
 * cues whose first term occurred are then tried (termCues index), so the
 * work per sentence depends on what it contains, not on how many claims the
 * dataset has.
 */
import { gapSignature } from './boundaries.ts';
import { unitAt } from './char-info.ts';
import { mayStartWildAnchor, mergeRequire, tokenStartsWithWildcard, wildAnchorPairs } from './cue-anchors.ts';
import { lookupEdge } from './hash-table.ts';
import {
  ATTR_CUE_ITEM,
  ATTR_NUMBER_WORD,
  CHECK_CASED,
  CHECK_NONE,
  CHECK_PREFIX,
  CHECK_WORD,
  META_SYMBOLS,
  META_TERMS,
  META_UNIT_SYMS,
  META_WILDS,
  type IndexData,
} from './index-data.ts';
import { ITEM_NUM, ITEM_WORD, Items, NUMBER_WORDS, buildItems, numberKey, numberStartingAt, type ItemContext } from './numbers.ts';
import type { Tokens } from './tokenize.ts';
import { matchGap, tokenIsWord, tokenStartsWith, tokensEqual } from './verify.ts';
import { hasWildBit, tokenWildKey } from './wild-key.ts';

/** Cap on simultaneously active trie states (bounded by term length in practice). */
const MAX_ACTIVE = 64;
const TERMINAL_UNITS = new Set(['.', '!', '?', '…', '"', '”', '’', "'", ')', ']', '»'].map((c) => c.charCodeAt(0)));

/**
 * Claim hits of a batch, appended block by block, each block's in order
 * (start, then longest, then entry). They may overlap: the session drops
 * the hits of gated cues whose gate is closed, then the overlaps.
 */
export class ClaimHits {
  block: number[] = [];
  start: number[] = [];
  end: number[] = [];
  entry: number[] = [];
  /** The cue that matched (its gates are in IndexData.cueGates). */
  cue: number[] = [];

  clear(): void {
    this.block.length = 0;
    this.start.length = 0;
    this.end.length = 0;
    this.entry.length = 0;
    this.cue.length = 0;
  }
}

/** A growable Int32Array holding at least n values (contents kept). */
function atLeast(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  const grown = new Int32Array(Math.max(n, a.length * 2));
  grown.set(a);
  return grown;
}

/*
 * Speed: a walked sentence costs little per token that is not a cue word.
 * Such a token gives its item no symbol (symbols not used by any cue are
 * filtered by ATTR_CUE_ITEM, wildcards first by the token's first letter),
 * and an item with no symbol ends every partial match at once. Occurrences,
 * hits and the search that completes cues use flat scratch arrays reused
 * from sentence to sentence: no allocation per sentence.
 */
export class ClaimPass {
  readonly #d: IndexData;
  readonly #wildBase: number;
  readonly #numBase: number;
  readonly #hasWilds: boolean;
  readonly #exhaustive: boolean;
  /** Pairs of first units some wildcard prefix starts with (cue-anchors.ts): other tokens skip the wildcard lookup. */
  readonly #wildPairs: Uint32Array;
  readonly #items = new Items();
  /** Scratch for numberStartingAt. */
  readonly #number = { value: 0, unit: -1 };
  readonly #ctx: ItemContext;
  #tokens: Tokens | null = null;
  #syms: Int32Array = new Int32Array(0);

  #active = new Int32Array(MAX_ACTIVE);
  #next = new Int32Array(MAX_ACTIVE);
  /** Symbols of the current item (word or unit, number, wildcards). */
  #itemSyms = new Int32Array(16);
  #itemSymCount = 0;

  // Term occurrences in the current sentence: term, first and last item.
  #occTerm = new Int32Array(64);
  #occFirst = new Int32Array(64);
  #occLast = new Int32Array(64);
  #occCount = 0;
  /** Occurrences sorted by first item, then last. */
  #order = new Int32Array(64);
  /** The sentence's occurrences grouped by term, each group in text order (#termHead, #termSize say where). */
  #byTerm = new Int32Array(64);
  /** Per term: where its group starts in #byTerm, -1 when none (reset after each sentence). */
  readonly #termHead: Int32Array;
  /** Per term: how many occurrences its group holds (reset after each sentence). */
  readonly #termSize: Int32Array;
  /** Failed (term position, occurrence) pairs of the current #complete call: stamped. */
  #failed = new Int32Array(64);
  #failStamp = 0;

  // Claim hits of the current block.
  #hitStart = new Int32Array(16);
  #hitEnd = new Int32Array(16);
  #hitEntry = new Int32Array(16);
  #hitCue = new Int32Array(16);
  #hitOrder = new Int32Array(16);
  #hitCount = 0;

  /** `exhaustive` skips the wildcard pre-filter: the reference walk of the tests (block-pass.ts everySentence). */
  constructor(d: IndexData, options: { exhaustive?: boolean } = {}) {
    this.#d = d;
    this.#exhaustive = options.exhaustive === true;
    const symbols = d.meta[META_SYMBOLS]!;
    this.#wildBase = symbols;
    this.#numBase = symbols + d.meta[META_WILDS]!;
    this.#hasWilds = d.meta[META_WILDS]! > 0;
    this.#wildPairs = wildAnchorPairs(d, false);
    this.#termHead = new Int32Array(d.meta[META_TERMS]!).fill(-1);
    this.#termSize = new Int32Array(d.meta[META_TERMS]!);
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

  /** Starts a block: its tokens, and the symbols and boundary bits the block pass computed. */
  startBlock(tokens: Tokens, syms: Int32Array, bits: Uint8Array): void {
    this.#tokens = tokens;
    this.#syms = syms;
    this.#ctx.tokens = tokens;
    this.#ctx.syms = syms;
    this.#ctx.bits = bits;
    this.#hitCount = 0;
  }

  /**
   * Walks the sentence of tokens [first, end): boundary bits must be known
   * for all of them (symbols are known for the whole block).
   */
  sentence(first: number, end: number): void {
    const items = this.#items;
    items.reset();
    this.#ctx.end = end;
    buildItems(this.#ctx, items, first);
    const d = this.#d;
    const cueRoot = d.cueRoot;
    const cueEdges = d.cueEdges;
    const cueOut = d.cueOut;
    this.#occCount = 0;
    let activeCount = 0;
    for (let i = 0; i < items.count; i++) {
      const symCount = this.#symbolsOf(i);
      if (symCount === 0) {
        activeCount = 0; // an item with no symbol ends every partial match
        continue;
      }
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
          if (this.#verifyAlt(alt, i - len + 1)) this.#addOccurrence(d.altTerm[alt]!, i - len + 1, i);
          const following = d.altNext[alt]!;
          if (following >= 0 && following <= alt) throw new Error('Backstory matcher index is corrupt: cue output chain');
          alt = following;
        }
      }
      this.#next = active;
      this.#active = next;
      activeCount = nextCount;
    }
    if (this.#occCount > 0) this.#finishSentence(0, items.count - 1);
  }

  #addOccurrence(term: number, first: number, last: number): void {
    const o = this.#occCount;
    if (o === this.#occTerm.length) {
      this.#occTerm = atLeast(this.#occTerm, o + 1);
      this.#occFirst = atLeast(this.#occFirst, o + 1);
      this.#occLast = atLeast(this.#occLast, o + 1);
    }
    this.#occTerm[o] = term;
    this.#occFirst[o] = first;
    this.#occLast[o] = last;
    this.#occCount = o + 1;
  }

  /** The block's claim hits in order (leftmost, then longest), overlaps included, appended to `out`. */
  finishBlock(block: number, out: ClaimHits): void {
    const count = this.#hitCount;
    if (count === 0) return;
    const start = this.#hitStart;
    const end = this.#hitEnd;
    const entry = this.#hitEntry;
    const cue = this.#hitCue;
    // Insertion sort (stable): by start, then longest, then entry. A block has few claims.
    const order = (this.#hitOrder = atLeast(this.#hitOrder, count));
    for (let i = 0; i < count; i++) {
      let p = i;
      while (p > 0) {
        const o = order[p - 1]!;
        const before = start[o]! - start[i]! || end[i]! - end[o]! || entry[o]! - entry[i]!;
        if (before <= 0) break;
        order[p] = o;
        p--;
      }
      order[p] = i;
    }
    for (let r = 0; r < count; r++) {
      const h = order[r]!;
      out.block.push(block);
      out.start.push(start[h]!);
      out.end.push(end[h]!);
      out.entry.push(entry[h]!);
      out.cue.push(cue[h]!);
    }
  }

  /**
   * Is the number starting at token j one a cue is anchored on (see
   * anchorValue)? Boundary bits must be known for tokens j .. end - 1, and
   * `end` must lie past the number's last token (block-pass.ts).
   */
  anchorNumberAt(j: number, end: number): number {
    this.#ctx.end = end;
    const number = this.#number;
    return numberStartingAt(this.#ctx, j, number) ? this.anchorValue(number.value, number.unit) : 0;
  }

  /**
   * Is a number of this value, followed by an item of this unit (-1: none),
   * one a cue is anchored on? A cue anchored on "40 percent" needs the
   * percent; one anchored on "40" takes any. Returns the anchor's
   * requirement (build-index.ts: class bits, or -1), 0 when it is none.
   */
  anchorValue(value: number, unit: number): number {
    const key = numberKey(value);
    const values = this.#d.anchorNumbers;
    const units = this.#d.anchorUnits;
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    let require = 0;
    for (let a = lo; a < values.length && values[a] === key; a++) {
      if (units[a] === -1 || units[a] === unit) require = mergeRequire(require, this.#d.anchorRequire[a]!);
    }
    return require;
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
    if (sym >= 0 && (this.#d.symAttr[sym]! & ATTR_CUE_ITEM) !== 0) this.#addSym(sym);
    if (kind === ITEM_WORD && this.#hasWilds) {
      const tokens = this.#tokens!;
      const j = items.tokFirst[i]!;
      const start = tokens.bound[2 * j]!;
      if (this.#exhaustive || mayStartWildAnchor(this.#wildPairs, this.#d.wildBits, tokens.text, start, tokens.bound[2 * j + 1]!, tokens.first[2 * j]!)) this.#wildcards(j);
    }
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
    for (let w = lo; w < keys.length && keys[w] === key; w++) {
      if (tokenStartsWithWildcard(this.#d, w, tokens, j)) this.#addSym(this.#wildBase + w);
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
      p = matchGap(sig, pool, p, to);
      if (p < 0) return false;
    }
    return from === to || p === to + 1;
  }

  /** Tries the cues whose first term occurred in items [firstItem, lastItem]. */
  #finishSentence(firstItem: number, lastItem: number): void {
    const count = this.#occCount;
    const occTerm = this.#occTerm;
    const occFirst = this.#occFirst;
    const occLast = this.#occLast;
    const d = this.#d;
    const items = this.#items;
    // Occurrences in text order (insertion sort, stable: a sentence has few).
    const order = (this.#order = atLeast(this.#order, count));
    for (let i = 0; i < count; i++) {
      let p = i;
      while (p > 0) {
        const o = order[p - 1]!;
        if (occFirst[o]! < occFirst[i]! || (occFirst[o] === occFirst[i] && occLast[o]! <= occLast[i]!)) break;
        order[p] = o;
        p--;
      }
      order[p] = i;
    }
    // Per term, its occurrences in that order, as one run of #byTerm, so
    // that #walk finds the first one after a position by binary search: a
    // sentence can be a whole block with no sentence end in it.
    const termHead = this.#termHead;
    const termSize = this.#termSize;
    for (let o = 0; o < count; o++) termSize[occTerm[o]!]!++;
    let runs = 0;
    for (let r = 0; r < count; r++) {
      const term = occTerm[order[r]!]!;
      if (termHead[term] !== -1) continue;
      termHead[term] = runs;
      runs += termSize[term]!;
      termSize[term] = 0; // refilled below, as the run's fill level
    }
    const byTerm = (this.#byTerm = atLeast(this.#byTerm, count));
    for (let r = 0; r < count; r++) {
      const o = order[r]!;
      const term = occTerm[o]!;
      byTerm[termHead[term]! + termSize[term]!] = o;
      termSize[term]!++;
    }
    for (let r = 0; r < count; r++) {
      const o = order[r]!;
      const term = occTerm[o]!;
      for (let c = d.termCues[term]!; c < d.termCues[term + 1]!; c++) {
        const cue = d.termCueList[c]!;
        const last = this.#complete(cue, o);
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
        this.#addHit(start, end, d.cueEntry[cue]!, cue);
      }
    }
    for (let o = 0; o < count; o++) {
      termHead[occTerm[o]!] = -1;
      termSize[occTerm[o]!] = 0;
    }
    this.#occCount = 0;
  }

  #addHit(start: number, end: number, entry: number, cue: number): void {
    const h = this.#hitCount;
    if (h === this.#hitStart.length) {
      this.#hitStart = atLeast(this.#hitStart, h + 1);
      this.#hitEnd = atLeast(this.#hitEnd, h + 1);
      this.#hitEntry = atLeast(this.#hitEntry, h + 1);
      this.#hitCue = atLeast(this.#hitCue, h + 1);
    }
    this.#hitStart[h] = start;
    this.#hitEnd[h] = end;
    this.#hitEntry[h] = entry;
    this.#hitCue[h] = cue;
    this.#hitCount = h + 1;
  }

  /**
   * Completes cue `cue` from occurrence `first` of its first term: each next
   * term must start after the previous one ends, with at most maxGap items
   * between. Returns the occurrence of the last term, or -1.
   */
  #complete(cue: number, first: number): number {
    const d = this.#d;
    const from = d.cueTerms[cue]!;
    const to = d.cueTerms[cue + 1]!;
    if (from + 1 === to) return first;
    const count = this.#occCount;
    this.#failed = atLeast(this.#failed, (to - from) * count);
    this.#failStamp = (this.#failStamp + 1) | 0;
    return this.#walk(from, from + 1, to, d.cueGap[cue]!, first, count);
  }

  /** Depth-first search over the occurrences of term positions position .. to - 1 (memoised failures). */
  #walk(from: number, position: number, to: number, gap: number, prev: number, count: number): number {
    if (position === to) return prev;
    const after = this.#occLast[prev]!;
    const occFirst = this.#occFirst;
    const byTerm = this.#byTerm;
    const term = this.#d.cueTermList[position]!;
    const head = this.#termHead[term]!;
    if (head < 0) return -1;
    // The term's first occurrence that starts after `after`.
    let lo = head;
    let hi = head + this.#termSize[term]!;
    const end = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (occFirst[byTerm[mid]!]! <= after) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < end; i++) {
      const q = byTerm[i]!;
      const start = occFirst[q]!;
      if (start - after - 1 > gap) break;
      const memo = (position - from) * count + q;
      if (this.#failed[memo] === this.#failStamp) continue;
      const r = this.#walk(from, position + 1, to, gap, q, count);
      if (r >= 0) return r;
      this.#failed[memo] = this.#failStamp;
    }
    return -1;
  }

  /** Extends a sentence's end over its closing punctuation and quotes. */
  #sentenceEnd(end: number): number {
    const text = this.#tokens!.text;
    while (end < text.length && TERMINAL_UNITS.has(unitAt(text, end))) end++;
    return end;
  }
}
