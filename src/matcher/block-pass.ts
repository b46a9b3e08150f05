/**
 * One block, after tokenizing: look each token up in the vocabulary, step
 * the entity automaton, and collect verified candidates (aliases) and
 * context-term hits. Which candidates count is decided per batch
 * (session.ts), because gates depend on the whole page. Sentences that
 * contain a cue anchor are handed to the claim pass.
 *
 * Speed: the work per token is kept to what most tokens need, which is
 * little. A token's hash is first tested against the scan filter (a blocked
 * Bloom filter over the words a match can start with, the cue anchors and,
 * when numbers anchor, the number words; see build-index.ts): most tokens of
 * a page stop there, without probing the vocabulary table, which at 200,000
 * aliases is megabytes and would cost a cache miss per rare word. Inside a
 * possible name a word is looked up if it passes that filter or the next
 * filter (the words that can continue a name). What lies between two tokens (a
 * sentence end, punctuation inside a name) is read only where it matters:
 * when the automaton is inside a name, when a candidate is verified, and
 * around the sentences the claim walk reads (boundary bits are computed
 * lazily and cached per block). Cue anchors are noted after the token
 * pass, in a loop of their own; those that need a closer look (digits,
 * number words, wildcard letters) are confirmed at the end of the block,
 * and a sentence is found and walked only for a confirmed one.
 *
 * One BlockPass per Matcher, reused by all its sessions: scanning is
 * synchronous, and reusing the scratch arrays keeps a page scan free of
 * allocation apart from its results.
 */
import { STARTS_SENTENCE, tokenBoundary } from './boundaries.ts';
import { CASE_INSENSITIVE, CASE_PROPER, CASE_SENSITIVE } from './case-rules.ts';
import { LOWER_CASE_LETTER, unitAt } from './char-info.ts';
import { ClaimHits, ClaimPass } from './claim-pass.ts';
import { mayStartWildAnchor, mergeRequire, startsWildAnchor, wildAnchorFirsts, wildAnchorKeys, wildAnchorList, wildAnchorPairs } from './cue-anchors.ts';
import { edgeSlot, shiftFor } from './hash-table.ts';
import {
  ALIAS_AFTER_FULL_NAME,
  ALIAS_AMBIGUOUS_WORD,
  ALIAS_NOT_A_PLACE,
  ALIAS_COMMON_WORD,
  ATTR_CUE_ANCHOR,
  ATTR_NUMBER_WORD,
  CUES_ANY_DIGIT,
  CUES_NUMBERS,
  CUES_WILD_ANCHORS,
  META_CUE_FLAGS,
  META_CUES,
  META_GATES,
  type IndexData,
} from './index-data.ts';
import { MAX_NUMBER_TOKENS } from './limits.ts';
import { followsOtherName, isCurrencyPrefix, isDateline, isLocaleRegion, isTitleCase, namesPlace } from './neighbours.ts';
import { NUMBER_WORDS, NW_SCALE, UNIT_PERCENT, currencyOf, isGroupSeparator, percentSignAfter } from './numbers.ts';
import { TOKEN_DOTTED, tokenize, type Tokens } from './tokenize.ts';
import { gapsMatch, tailLength, tokenIsWord, tokensEqual } from './verify.ts';

/** Candidates of a batch: flat, reusable arrays (block, start, end, alias). */
export class Candidates {
  count = 0;
  block = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  alias = new Int32Array(64);
  /** Context terms seen in this batch (ids, unique). */
  gates: number[] = [];
  /** Scratch for the session's ordering of the candidates. */
  order = new Int32Array(64);

  push(block: number, start: number, end: number, alias: number): void {
    const i = this.count;
    if (i === this.block.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.block = grow(this.block);
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.alias = grow(this.alias);
    }
    this.block[i] = block;
    this.start[i] = start;
    this.end[i] = end;
    this.alias[i] = alias;
    this.count = i + 1;
  }
}

/** Does a filter word (build-index.ts wordFilter) hold all three bits of this token hash? (hash.ts filterMask, inlined.) */
function inFilter(word: number, hash: number): boolean {
  const m = Math.imul(hash, 0x85ebca6b);
  const mask = (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31)) | (1 << ((m >>> 17) & 31));
  return (word & mask) === mask;
}

/**
 * The symbol of a token hash in the vocabulary table (hash-table.ts), -1 if
 * none; `mixed` is mixHash(key). The token pass, the hottest loop, has the
 * same probe written out.
 */
function vocabSym(vocab: Int32Array, key: number, mixed: number, vshift: number): number {
  const vmask = (vocab.length >> 1) - 1;
  for (let slot = mixed >>> vshift; ; slot = (slot + 1) & vmask) {
    const s = vocab[slot * 2 + 1]!;
    if (s === -1 || vocab[slot * 2] === key) return s;
  }
}

const UPPER_CASE = /\p{Lu}/u;

/** Offset of the first capital letter of the text, -1 if none. */
function firstUpperCase(text: string): number {
  return text.search(UPPER_CASE);
}

/** Offset of the last capital letter of the text (within its code point), -1 if none. */
function lastUpperCase(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c >= 65 && c <= 90 : UPPER_CASE.test(String.fromCodePoint(text.codePointAt(i) ?? c))) return i;
  }
  return -1;
}

function corrupt(what: string): Error {
  return new Error(`Backstory matcher index is corrupt: ${what}`);
}

/** #firstUnit classes. */
const FIRST_DIGIT = 1;
const FIRST_WILD = 2;

/** Kinds of noted anchor (low two bits of an entry of #anchors; the token index is above). */
const ANCHOR_SURE = 0; // a word chosen as an anchor
const ANCHOR_FIRST = 1; // its first unit is a digit or a wildcard anchor's first letter: check
const ANCHOR_NUMBER_WORD = 2; // a number word: check the value of the phrase it starts

export class BlockPass {
  readonly #d: IndexData;
  readonly #claims: ClaimPass | null;
  readonly #everySentence: boolean;
  readonly #anyDigit: boolean;
  readonly #numberAnchors: boolean;
  /** Number anchors or unit anchors: tokens starting with a digit are noted. */
  readonly #digitAnchors: boolean;
  /** Wildcard anchors: pairs of first units that may start one (cue-anchors.ts), or null. */
  readonly #wildPairs: Uint32Array | null;
  /** Wildcard anchors: their three-letter keys, and the list of them (cue-anchors.ts). */
  readonly #wildKeys: Uint32Array;
  readonly #wildAnchors: Int32Array;
  /**
   * Per ASCII first unit of a token: FIRST_DIGIT when a digit may anchor,
   * FIRST_WILD when a wildcard anchor may start with it; null when no cue
   * anchor needs a look at first units.
   */
  readonly #firstUnit: Uint8Array | null;
  /** Per NUMBER_WORDS index + 1: 1 when the word can start a number phrase. */
  readonly #numberStart: Uint8Array;
  readonly #filterShift: number;
  readonly #cueFilterShift: number;
  readonly #nextFilterShift: number;
  readonly #classFilterShift: number;
  readonly #vocabShift: number;
  #syms = new Int32Array(256);
  /** Boundary bits of token j, valid where #bitsStamp[j] === #stamp. */
  #bits = new Uint8Array(256);
  #bitsStamp = new Int32Array(256);
  #stamp = 0;
  /** Anchors noted in the current block: token index << 2 | ANCHOR_* kind, in token order. */
  #anchors = new Int32Array(64);
  #anchorCount = 0;
  /**
   * For #readAsWord, per block (valid while #capsStamp === #stamp): the
   * offsets of its first and last capital letters when it has no lower-case
   * letter, else -1.
   */
  #capsStamp = 0;
  #capsFirst = -1;
  #capsLast = -1;
  /** isTitleCase of the block, valid while #titleStamp === #stamp. */
  #titleStamp = 0;
  #titleCase = false;
  /** Per context term: 1 once seen in the current batch. */
  readonly #gateMark: Uint8Array;
  readonly candidates = new Candidates();
  /** Claim matches of the current batch (filled block by block, read by the session). */
  readonly claimHits = new ClaimHits();

  /**
   * `everySentence` walks every sentence of every block for claims, as if
   * every token were an anchor, and looks every token up: no filter at all.
   * Tests compare it with the normal pass to show that anchors and filters
   * never lose a claim.
   */
  constructor(d: IndexData, options: { everySentence?: boolean } = {}) {
    this.#d = d;
    this.#everySentence = options.everySentence === true;
    const cues = d.meta[META_CUES]! > 0;
    this.#claims = cues ? new ClaimPass(d, { exhaustive: this.#everySentence }) : null;
    const flags = cues ? d.meta[META_CUE_FLAGS]! : 0;
    this.#anyDigit = (flags & CUES_ANY_DIGIT) !== 0;
    this.#numberAnchors = (flags & CUES_NUMBERS) !== 0;
    this.#digitAnchors = this.#anyDigit || this.#numberAnchors;
    this.#wildPairs = (flags & CUES_WILD_ANCHORS) !== 0 ? wildAnchorPairs(d) : null;
    this.#wildKeys = wildAnchorKeys(d);
    this.#wildAnchors = wildAnchorList(d);
    if (this.#digitAnchors || this.#wildPairs !== null) {
      const first = this.#wildPairs !== null ? wildAnchorFirsts(d) : new Uint8Array(128);
      for (let c = 0; c < 128; c++) {
        first[c] = first[c] !== 0 ? FIRST_WILD : 0;
        if (c >= 48 && c <= 57 && this.#digitAnchors) first[c] = first[c]! | FIRST_DIGIT;
      }
      this.#firstUnit = first;
    } else {
      this.#firstUnit = null;
    }
    this.#numberStart = new Uint8Array(NUMBER_WORDS.length + 1);
    NUMBER_WORDS.forEach((w, i) => (this.#numberStart[i + 1] = w.kind <= NW_SCALE ? 1 : 0));
    this.#filterShift = shiftFor(d.vocabFilter.length);
    this.#cueFilterShift = shiftFor(d.cueFilter.length);
    this.#nextFilterShift = shiftFor(d.nextFilter.length);
    this.#classFilterShift = shiftFor(d.classFilter.length);
    this.#vocabShift = shiftFor(d.vocab.length >> 1);
    this.#gateMark = new Uint8Array(d.meta[META_GATES]!);
  }

  /** Clears per-batch state; call before the first block of a batch. */
  startBatch(): void {
    const c = this.candidates;
    for (const g of c.gates) this.#gateMark[g] = 0;
    c.gates.length = 0;
    c.count = 0;
  }

  scan(text: string, block: number, claims: ClaimHits): void {
    const tokens = tokenize(text);
    const n = tokens.count;
    if (n === 0) return;
    if (this.#syms.length < n) {
      this.#syms = new Int32Array(n * 2);
      this.#bits = new Uint8Array(n * 2);
      this.#bitsStamp = new Int32Array(n * 2);
    }
    this.#stamp = (this.#stamp + 1) | 0;
    if (this.#stamp === 0) {
      // Wrapped around (after 2^32 blocks): old stamps would look current.
      this.#bitsStamp.fill(0);
      this.#capsStamp = 0;
      this.#titleStamp = 0;
      this.#stamp = 1;
    }
    this.#anchorCount = 0;
    // The token loop is a function of its own, kept free of the claims' code.
    this.#tokenPass(tokens, block);
    if (this.#claims === null) return;
    if (this.#everySentence) {
      this.#walkEverySentence(tokens, block, claims);
      return;
    }
    this.#noteAnchors(tokens);
    if (this.#anchorCount > 0) this.#walkClaims(tokens, block, claims);
  }

  /** The per-token pass: vocabulary, automaton and candidates; every token's symbol kept in #syms. */
  #tokenPass(tokens: Tokens, block: number): void {
    const text = tokens.text;
    const n = tokens.count;
    const syms = this.#syms;
    const d = this.#d;
    const filter = d.vocabFilter;
    const filterShift = this.#filterShift;
    const nextFilter = d.nextFilter;
    const nextShift = this.#nextFilterShift;
    const vocab = d.vocab;
    const vmask = (vocab.length >> 1) - 1;
    const vshift = this.#vocabShift;
    const acRoot = d.acRoot;
    const acEdges = d.acEdges;
    const emask = acEdges.length / 3 - 1;
    const acFail = d.acFail;
    const acOut = d.acOut;
    const acDict = d.acDict;
    const hs = tokens.hash;
    const bound = tokens.bound;
    let state = 0;
    for (let j = 0; j < n; j++) {
      const key = hs[j]!;
      // hash.ts mixHash: the filter and the vocabulary table both take its top bits.
      const mixed = Math.imul(key, 0x9e3779b1);
      let sym = -1;
      // A match can start here, or (inside a possible name, state !== 0) the
      // word may continue one: look it up.
      if (inFilter(filter[mixed >>> filterShift]!, key) || (state !== 0 && inFilter(nextFilter[mixed >>> nextShift]!, key))) {
        let slot = mixed >>> vshift;
        for (;;) {
          const s = vocab[slot * 2 + 1]!;
          if (s === -1 || vocab[slot * 2] === key) {
            sym = s;
            break;
          }
          slot = (slot + 1) & vmask;
        }
      }
      syms[j] = sym;
      if (sym < 0) {
        state = 0;
        continue;
      }
      // Names never cross a sentence end (only looked at inside a name).
      // Other punctuation does not reset the automaton: a name may be
      // written with it ("Washington, D.C."), and #candidate checks each
      // gap against the pattern.
      if (state !== 0) {
        const prevEnd = bound[2 * j - 1]!;
        const plainSpace = bound[2 * j] === prevEnd + 1 && unitAt(text, prevEnd) === 32;
        if (!plainSpace && (this.#bitsOf(tokens, j) & STARTS_SENTENCE) !== 0) state = 0;
      }
      // Aho-Corasick step: follow failure links until an edge on sym exists.
      for (;;) {
        if (state === 0) {
          state = acRoot[sym]!;
          break;
        }
        let es = edgeSlot(state, sym, emask);
        let child = 0;
        for (;;) {
          const base = es * 3;
          const found = acEdges[base + 2]!;
          if (found === 0) break;
          if (acEdges[base] === state && acEdges[base + 1] === sym) {
            child = found;
            break;
          }
          es = (es + 1) & emask;
        }
        if (child !== 0) {
          state = child;
          break;
        }
        const f = acFail[state]!;
        if (!(f < state)) throw corrupt('failure link');
        state = f;
      }
      if (state !== 0) {
        let node = acOut[state]! >= 0 ? state : acDict[state]!;
        while (node !== 0) {
          for (let p = acOut[node]!; p >= 0; ) {
            this.#candidate(p, j, tokens, block);
            const following = d.patNext[p]!;
            if (following >= 0 && following <= p) throw corrupt('pattern chain');
            p = following;
          }
          const up = acDict[node]!;
          if (!(up < node)) throw corrupt('dictionary link');
          node = up;
        }
      }
    }
  }

  /**
   * Cue anchors of the block, in token order: words chosen as anchors and
   * number words (by symbol), digits and wildcard letters (by first unit,
   * checked at the end of the block). A loop of its own: made inside the
   * token pass, these checks slowed its every token (measured: the full scan
   * of the median page with the real data, 5.5 to 4.8 times the plain read).
   */
  #noteAnchors(tokens: Tokens): void {
    const n = tokens.count;
    const syms = this.#syms;
    const symAttr = this.#d.symAttr;
    const firstUnits = tokens.first;
    const firstUnit = this.#firstUnit;
    const wildPairs = this.#wildPairs;
    const wildKeys = this.#wildKeys;
    const numberStart = this.#numberAnchors ? this.#numberStart : null;
    const text = tokens.text;
    const bound = tokens.bound;
    for (let j = 0; j < n; j++) {
      if (firstUnit !== null) {
        const c = firstUnits[2 * j]!;
        const kind = c < 128 ? firstUnit[c]! : wildPairs !== null ? FIRST_WILD : 0;
        if (kind !== 0 && ((kind & FIRST_DIGIT) !== 0 || mayStartWildAnchor(wildPairs!, wildKeys, text, bound[2 * j]!, bound[2 * j + 1]!, c))) {
          this.#noteAnchor(j, ANCHOR_FIRST);
        }
      }
      const sym = syms[j]!;
      if (sym >= 0) {
        const attr = symAttr[sym]!;
        if ((attr & ATTR_CUE_ANCHOR) !== 0) this.#noteAnchor(j, ANCHOR_SURE);
        else if (numberStart !== null && numberStart[attr & ATTR_NUMBER_WORD] === 1) this.#noteAnchor(j, ANCHOR_NUMBER_WORD);
      }
    }
  }

  #noteAnchor(j: number, kind: number): void {
    if (this.#anchorCount === this.#anchors.length) {
      const grown = new Int32Array(this.#anchors.length * 2);
      grown.set(this.#anchors);
      this.#anchors = grown;
    }
    this.#anchors[this.#anchorCount++] = (j << 2) | kind;
  }

  /** Boundary bits of token j (boundaries.ts), computed once per block. */
  #bitsOf(tokens: Tokens, j: number): number {
    if (this.#bitsStamp[j] === this.#stamp) return this.#bits[j]!;
    const b = tokenBoundary(tokens, j);
    this.#bits[j] = b;
    this.#bitsStamp[j] = this.#stamp;
    return b;
  }

  /**
   * The claim walk for the sentences that hold an anchor. Anchors were noted
   * in token order; one that needs a check (a digit, a number word, a
   * wildcard letter) is confirmed first, and a sentence is walked once
   * however many anchors it holds.
   */
  #walkClaims(tokens: Tokens, block: number, claims: ClaimHits): void {
    const pass = this.#claims!;
    const n = tokens.count;
    pass.startBlock(tokens, this.#syms, this.#bits);
    const syms = this.#syms;
    const symCueClass = this.#d.symCueClass;
    let blockClasses = 0; // the classes of the block's words, once looked up
    let blockLookedUp = false;
    let walkedTo = 0; // tokens before this are in a sentence already handled
    for (let a = 0; a < this.#anchorCount; a++) {
      const j = this.#anchors[a]! >> 2;
      if (j < walkedTo) continue;
      let require = this.#confirm(tokens, this.#anchors[a]!);
      if (require === 0) continue;
      if (require !== -1) {
        // Before finding the sentence: is any word the anchor's cues need
        // (a second term) in the block at all? One look-up pass per block.
        if (!blockLookedUp) {
          blockClasses = this.#classesOfBlock(tokens);
          blockLookedUp = true;
        }
        if ((blockClasses & require) === 0) {
          // Not here; an anchor later in the same sentence may still need a walk.
          continue;
        }
      }
      // The sentence around j: back to its first token, on to the next start.
      let first = j;
      while (first > 0 && (this.#bitsOf(tokens, first) & STARTS_SENTENCE) === 0) first--;
      this.#bitsOf(tokens, first);
      let end = j + 1;
      while (end < n && (this.#bitsOf(tokens, end) & STARTS_SENTENCE) === 0) end++;
      walkedTo = end;
      // What the sentence's other anchors require too (the earlier ones were
      // no anchors, or this sentence would have been handled already).
      for (let b = a + 1; b < this.#anchorCount && require !== -1; b++) {
        if (this.#anchors[b]! >> 2 >= end) break;
        require = mergeRequire(require, this.#confirm(tokens, this.#anchors[b]!));
      }
      this.#lookUpCueWords(tokens, first, end);
      if (require !== -1) {
        // Walk only if a second term some anchored cue needs is here.
        let classes = 0;
        for (let t = first; t < end; t++) if (syms[t]! >= 0) classes |= symCueClass[syms[t]!]!;
        if ((classes & require) === 0) continue;
      }
      pass.sentence(first, end);
    }
    pass.finishBlock(block, claims);
  }

  /** The reference for the tests: every sentence walked, no anchor looked at. */
  #walkEverySentence(tokens: Tokens, block: number, claims: ClaimHits): void {
    const pass = this.#claims!;
    const n = tokens.count;
    pass.startBlock(tokens, this.#syms, this.#bits);
    for (let first = 0; first < n; ) {
      this.#bitsOf(tokens, first);
      let end = first + 1;
      while (end < n && (this.#bitsOf(tokens, end) & STARTS_SENTENCE) === 0) end++;
      this.#lookUpCueWords(tokens, first, end, false);
      pass.sentence(first, end);
      first = end;
    }
    pass.finishBlock(block, claims);
  }

  /**
   * The second-condition classes (build-index.ts symCueClass) of the block's
   * words. Only words that pass the class filter are looked up: the words
   * that carry a class are few, while the cue words of the whole block
   * include function words ("of", "to") that multi-word items need.
   */
  #classesOfBlock(tokens: Tokens): number {
    const d = this.#d;
    const vocab = d.vocab;
    const vshift = this.#vocabShift;
    const filter = d.classFilter;
    const fshift = this.#classFilterShift;
    const symCueClass = d.symCueClass;
    const hs = tokens.hash;
    const syms = this.#syms;
    const n = tokens.count;
    let classes = 0;
    for (let j = 0; j < n; j++) {
      let sym = syms[j]!;
      if (sym < 0) {
        const key = hs[j]!;
        const mixed = Math.imul(key, 0x9e3779b1);
        if (!inFilter(filter[mixed >>> fshift]!, key)) continue;
        sym = vocabSym(vocab, key, mixed, vshift);
        syms[j] = sym;
        if (sym < 0) continue;
      }
      classes |= symCueClass[sym]!;
    }
    return classes;
  }

  /**
   * The scan filter leaves out cue words that are not anchors (build-index.ts):
   * tokens [first, end) it turned away are looked up in the vocabulary itself,
   * those that pass the cue filter (all of them when `filtered` is false,
   * for the reference walk).
   */
  #lookUpCueWords(tokens: Tokens, first: number, end: number, filtered = true): void {
    const vocab = this.#d.vocab;
    const vshift = this.#vocabShift;
    const filter = this.#d.cueFilter;
    const fshift = this.#cueFilterShift;
    const hs = tokens.hash;
    const syms = this.#syms;
    for (let j = first; j < end; j++) {
      if (syms[j]! >= 0) continue;
      const key = hs[j]!;
      const mixed = Math.imul(key, 0x9e3779b1);
      if (filtered && !inFilter(filter[mixed >>> fshift]!, key)) continue;
      syms[j] = vocabSym(vocab, key, mixed, vshift);
    }
  }

  /**
   * Does a noted anchor (#anchors entry) hold? Returns its requirement
   * (cue-anchors.ts mergeRequire: class bits, -1 for none), 0 when it is no
   * anchor after all. Number values and wildcard prefixes are checked here.
   */
  #confirm(tokens: Tokens, entry: number): number {
    const j = entry >> 2;
    const kind = entry & 3;
    if (kind === ANCHOR_SURE) return this.#d.symRequire[this.#syms[j]!]!;
    if (kind === ANCHOR_NUMBER_WORD) return this.#numberAnchorAt(tokens, j);
    let require = 0;
    const c = tokens.first[2 * j]!;
    if (c >= 48 && c <= 57) {
      if (this.#anyDigit) return -1;
      if (this.#numberAnchors) require = this.#numberAnchorAt(tokens, j);
    }
    // Noted for its first letter (the table says whether a wildcard anchor can start with it):
    if (this.#wildPairs !== null && (c >= 128 || (this.#firstUnit![c]! & FIRST_WILD) !== 0)) {
      require = mergeRequire(require, startsWildAnchor(this.#d, this.#wildAnchors, tokens, j));
    }
    return require;
  }

  #isNumberWord(t: number, n: number): boolean {
    if (t >= n) return false;
    const sym = this.#syms[t]!;
    return sym >= 0 && (this.#d.symAttr[sym]! & ATTR_NUMBER_WORD) !== 0;
  }

  /** Is the value of the number starting at token j a cue anchor? Its requirement, 0 if not. */
  #numberAnchorAt(tokens: Tokens, j: number): number {
    const n = tokens.count;
    const syms = this.#syms;
    const symAttr = this.#d.symAttr;
    // The common case: a number word standing alone ("two", "dozen") is
    // worth its own value, whatever its gap to the next token. (Not
    // verified against the text: a word whose hash merely equals a number
    // word's can only cause an extra walk.)
    const text = tokens.text;
    const b = tokens.bound;
    const start = b[2 * j]!;
    const end = b[2 * j + 1]!;
    // With no number or unit word after it, the unit can only be a % sign
    // after the number or a currency sign before its digits.
    const sym = syms[j]!;
    if (sym >= 0 && !this.#isNumberWord(j + 1, n)) {
      const index = (symAttr[sym]! & ATTR_NUMBER_WORD) - 1;
      if (index >= 0) return this.#claims!.anchorValue(NUMBER_WORDS[index]!.value, percentSignAfter(text, end) ? UNIT_PERCENT : -1);
    }
    // As common: digits alone ("12", "2018"), not followed by a comma or dot
    // and more digits (1,000; 3.5), by a space and a group of digits (1 200)
    // nor by a number word (100 billion).
    if (end - start <= 15 && !this.#isNumberWord(j + 1, n)) {
      let value = 0;
      let i = start;
      for (; i < end; i++) {
        const c = unitAt(text, i);
        if (c < 48 || c > 57) break;
        value = value * 10 + (c - 48);
      }
      const joined = j + 1 < n && b[2 * j + 2] === end + 1;
      const after = unitAt(text, end);
      const joinedPunct = joined && (after === 44 || after === 46 || (end - start <= 3 && isGroupSeparator(after) && unitAt(text, end + 1) >= 48 && unitAt(text, end + 1) <= 57));
      if (i === end && !joinedPunct) {
        const sign = currencyOf(tokens, j);
        return this.#claims!.anchorValue(value, sign >= 0 ? sign : percentSignAfter(text, end) ? UNIT_PERCENT : -1);
      }
    }
    // Otherwise read the number as the claim walk would. Its tokens (digits,
    // number words) and the one after them are all the readers look at:
    // give them boundary bits, and no more.
    let to = j + 1;
    const stop = Math.min(n, j + MAX_NUMBER_TOKENS + 2); // the readers' limit, and the unit after (numbers.ts)
    while (to < stop) {
      this.#bitsOf(tokens, to);
      const sym = syms[to]!;
      const c = unitAt(tokens.text, tokens.bound[2 * to]!);
      if (!(c >= 48 && c <= 57) && !(sym >= 0 && (symAttr[sym]! & ATTR_NUMBER_WORD) !== 0)) break;
      to++;
    }
    this.#bitsOf(tokens, j);
    return this.#claims!.anchorNumberAt(j, Math.min(n, to + 1));
  }

  /**
   * Is the one-word acronym at token `first` (ALIAS_COMMON_WORD: US) the
   * common word here? So in a block written all in capitals with other
   * words in it, where US and us look alike, after any word but THE
   * ("FOLLOW US", "CONTACT US", "ABOUT US"). Not as the block's first word
   * nor after THE ("US STRIKES IRAN", "THE US AND IRAN"), where the pronoun
   * cannot stand, and never when dotted (U.S.).
   */
  #readAsWord(tokens: Tokens, first: number): boolean {
    if (first === 0 || (tokens.flags[first]! & TOKEN_DOTTED) !== 0 || tokenIsWord(tokens, first - 1, 'the')) return false;
    // The block's letter case is read once per block, not per candidate: a
    // hostile block of "FOLLOW US" repeated would otherwise cost its length
    // squared.
    if (this.#capsStamp !== this.#stamp) {
      this.#capsStamp = this.#stamp;
      const text = tokens.text;
      this.#capsFirst = LOWER_CASE_LETTER.test(text) ? -1 : firstUpperCase(text);
      this.#capsLast = this.#capsFirst < 0 ? -1 : lastUpperCase(text);
    }
    if (this.#capsFirst < 0) return false;
    return this.#capsFirst < tokens.bound[2 * first]! || this.#capsLast >= tokens.bound[2 * first + 1]!;
  }

  /** Is the block in title case (neighbours.ts isTitleCase)? Read once per block, when a candidate asks. */
  #isTitleCase(tokens: Tokens): boolean {
    if (this.#titleStamp !== this.#stamp) {
      this.#titleStamp = this.#stamp;
      this.#titleCase = isTitleCase(tokens);
    }
    return this.#titleCase;
  }

  #candidate(p: number, last: number, tokens: Tokens, block: number): void {
    const d = this.#d;
    const first = last - d.patLen[p]! + 1;
    if (first < 0) return;
    for (let k = first; k <= last; k++) this.#bitsOf(tokens, k);
    const bits = this.#bits;
    const mode = d.patCase[p]!;
    if (mode === CASE_PROPER && (bits[first]! & STARTS_SENTENCE) !== 0) return;
    if (!gapsMatch(tokens, first, last, bits, d.strSig, d.patSig[p]!, d.patSig[p + 1]!)) return;
    const ok =
      mode === CASE_INSENSITIVE
        ? tokensEqual(tokens, first, last, d.strFold, d.patFold[p]!, d.patFold[p + 1]! - d.patFold[p]!, true)
        : tokensEqual(tokens, first, last, d.strCased, d.patCased[p]!, d.patCased[p + 1]! - d.patCased[p]!, false);
    if (!ok) return;
    const target = d.patTarget[p]!;
    const c = this.candidates;
    if (target >= 0) {
      const flags = d.aliasFlags[target]!;
      if ((flags & ALIAS_COMMON_WORD) !== 0 && this.#readAsWord(tokens, first)) return;
      if (first === last && mode === CASE_SENSITIVE && (isLocaleRegion(tokens, first) || isCurrencyPrefix(tokens, first))) return;
      if ((flags & (ALIAS_AMBIGUOUS_WORD | ALIAS_AFTER_FULL_NAME)) !== 0 && first > 0) {
        if (followsOtherName(tokens, first, (flags & ALIAS_AFTER_FULL_NAME) !== 0) && !this.#isTitleCase(tokens)) return;
      }
      if ((flags & ALIAS_AMBIGUOUS_WORD) !== 0 && first === 0 && isDateline(tokens)) return;
      if ((flags & ALIAS_NOT_A_PLACE) !== 0 && first === last && namesPlace(tokens, first)) return;
    }
    if (target < 0) {
      const gate = -1 - target;
      if (this.#gateMark[gate] === 0) {
        this.#gateMark[gate] = 1;
        c.gates.push(gate);
      }
      return;
    }
    const end = tokens.bound[2 * last + 1]!;
    const from = d.patSig[p]!;
    const to = d.patSig[p + 1]!;
    c.push(block, tokens.bound[2 * first]!, from === to ? end : end + tailLength(tokens.text, end, d.strSig, from, to), target);
  }
}

