/**
 * One block, after tokenizing: look each token up in the vocabulary, find
 * sentence ends and name breaks, step the entity automaton, and collect
 * verified candidates (aliases) and context-term hits. Which candidates
 * count is decided per batch (session.ts), because gates depend on the whole
 * page. Sentences that contain a cue anchor are handed to the claim pass.
 *
 * One BlockPass per Matcher, reused by all its sessions: scanning is
 * synchronous, and reusing the scratch arrays keeps a page scan free of
 * allocation apart from its results.
 */
import { JOINS_PREVIOUS, STARTS_SENTENCE, tokenBoundary } from './boundaries.ts';
import { CASE_INSENSITIVE, CASE_PROPER } from './case-rules.ts';
import { ClaimPass, type ClaimHits } from './claim-pass.ts';
import { edgeSlot, shiftFor } from './hash-table.ts';
import {
  ATTR_CUE_ANCHOR,
  CUES_NUMBERS,
  CUES_WILD_ANCHORS,
  META_CUE_FLAGS,
  META_CUES,
  META_GATES,
  type IndexData,
} from './index-data.ts';
import { tokenize, type Tokens } from './tokenize.ts';
import { gapsMatch, tailLength, tokensEqual } from './verify.ts';
import { hasWildBit, tokenWildKey } from './wild-key.ts';

/** Candidates of a batch: flat, reusable arrays (block, start, end, alias). */
export class Candidates {
  count = 0;
  block = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  alias = new Int32Array(64);
  /** Context terms seen in this batch (ids, unique). */
  gates: number[] = [];

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

function corrupt(what: string): Error {
  return new Error(`Backstory matcher index is corrupt: ${what}`);
}

export class BlockPass {
  readonly #d: IndexData;
  readonly #claims: ClaimPass | null;
  readonly #digitAnchors: boolean;
  readonly #wildAnchors: boolean;
  #syms = new Int32Array(256);
  #bits = new Uint8Array(256);
  /** Per context term: 1 once seen in the current batch. */
  readonly #gateMark: Uint8Array;
  /** Sentences with a cue anchor in the current block: [first, end) token pairs. */
  #sentences: number[] = [];
  readonly candidates = new Candidates();

  constructor(d: IndexData) {
    this.#d = d;
    const cues = d.meta[META_CUES]! > 0;
    this.#claims = cues ? new ClaimPass(d) : null;
    const flags = d.meta[META_CUE_FLAGS]!;
    this.#digitAnchors = cues && (flags & CUES_NUMBERS) !== 0;
    this.#wildAnchors = cues && (flags & CUES_WILD_ANCHORS) !== 0;
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
    }
    const syms = this.#syms;
    const bits = this.#bits;
    const d = this.#d;
    const vocab = d.vocab;
    const vsize = vocab.length >> 1;
    const vmask = vsize - 1;
    const vshift = shiftFor(vsize);
    const symAttr = d.symAttr;
    const acRoot = d.acRoot;
    const acEdges = d.acEdges;
    const emask = acEdges.length / 3 - 1;
    const acFail = d.acFail;
    const acOut = d.acOut;
    const acDict = d.acDict;
    const hs = tokens.hash;
    const bound = tokens.bound;
    const claimsOn = this.#claims !== null;
    const digitAnchors = this.#digitAnchors;
    const sentences = this.#sentences;
    sentences.length = 0;
    let sentenceStart = 0;
    const wildAnchors = this.#wildAnchors;
    const wildAnchorBits = d.wildAnchorBits;
    let anchored = false;
    let state = 0;
    for (let j = 0; j < n; j++) {
      const key = hs[j]!;
      let slot = Math.imul(key, 0x9e3779b1) >>> vshift; // hash.ts slotOf, inlined
      let sym: number;
      for (;;) {
        sym = vocab[slot * 2 + 1]!;
        if (sym === -1 || vocab[slot * 2] === key) break;
        slot = (slot + 1) & vmask;
      }
      syms[j] = sym;
      // Boundary: plain white space (the common case) joins; else read the gap.
      const start = bound[2 * j]!;
      let b: number;
      if (j === 0) b = STARTS_SENTENCE;
      else {
        let i = bound[2 * j - 1]!;
        let c = text.charCodeAt(i);
        while (c === 32 || c === 10 || c === 9 || c === 13) c = text.charCodeAt(++i);
        b = i === start ? JOINS_PREVIOUS : tokenBoundary(tokens, j);
      }
      bits[j] = b;
      if (claimsOn) {
        if ((b & STARTS_SENTENCE) !== 0 && j > 0) {
          if (anchored) sentences.push(sentenceStart, j);
          sentenceStart = j;
          anchored = false;
        }
        if (!anchored) {
          if (sym >= 0 && (symAttr[sym]! & ATTR_CUE_ANCHOR) !== 0) anchored = true;
          else if (digitAnchors && text.charCodeAt(start) <= 57 && text.charCodeAt(start) >= 48) anchored = true;
          else if (wildAnchors && hasWildBit(wildAnchorBits, tokenWildKey(text, start, bound[2 * j + 1]!))) anchored = true;
        }
      }
      // Names never cross a sentence end. Other punctuation does not reset
      // the automaton: a name may be written with it ("Washington, D.C."),
      // and #candidate checks each gap against the pattern.
      if ((b & STARTS_SENTENCE) !== 0) state = 0;
      if (sym < 0) {
        state = 0;
        continue;
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
            this.#candidate(p, j, tokens, bits, block);
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
    if (claimsOn) {
      if (anchored) sentences.push(sentenceStart, n);
      if (sentences.length > 0) this.#claims!.scan(tokens, syms, bits, sentences, block, claims);
    }
  }

  #candidate(p: number, last: number, tokens: Tokens, bits: Uint8Array, block: number): void {
    const d = this.#d;
    const first = last - d.patLen[p]! + 1;
    if (first < 0) return;
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
