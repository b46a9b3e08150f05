/**
 * A session is one page. It remembers what earlier batches revealed (which
 * context terms the page mentions, which entities were named in full) and
 * decides, batch by batch, which alias candidates and claim hits count:
 *
 * - `requires`: an alias counts when the page mentions one of its context
 *   terms anywhere: in this batch (before or after the alias) or in an
 *   earlier one.
 * - `afterFullName`: a short form counts when an alias of the same entry
 *   without afterFullName (a "full name") was counted earlier on the page.
 *   A full name that is itself gated by `requires` counts once its gate is
 *   open.
 * - Leftmost-longest: among candidates that count, the earliest start wins,
 *   then the longest; entity matches never overlap. A longer candidate that
 *   does not count (gate closed, wrong case) never hides a shorter one.
 * - Claims: a cue may be gated with `requires` as an alias is; its hits
 *   then count on the same terms. Claim matches never overlap each other.
 *
 * revisit: when a batch reveals a context term or a full name that an
 * earlier batch's rejected candidate was waiting for, the earlier blocks
 * would now match differently; the caller rescans the page with a new
 * session. (For afterFullName this is only needed when batches do not
 * arrive in document order, but the session cannot know that, so it says so.)
 * A session opened knowing the first one (Matcher.session) has every
 * context term the first one saw from the start, so the rescan can be read
 * in any number of batches, in document order, and finds what one batch of
 * the whole page would, the page being the same. (Terms of text the page
 * has since dropped still count: the session cannot tell.)
 */
import type { Match, ScanResult } from './types.ts';
import type { BlockPass } from './block-pass.ts';
import type { ClaimHits } from './claim-pass.ts';
import { ALIAS_AFTER_FULL_NAME, ALIAS_REQUIRES, META_GATES, type IndexData } from './index-data.ts';

export interface MatchSession {
  scan(blocks: readonly string[]): ScanResult;
}

/** Sort order of a scan's matches: block, start, longer first, entry. */
function byPosition(x: Match, y: Match): number {
  return x.block - y.block || x.start - y.start || y.end - x.end || x.entry - y.entry;
}

/*
 * Speed: a session is made per page (the bench makes one per scan), so it
 * allocates nothing until something needs it: gate arrays and sets are
 * created on the page's first gated candidate, scratch arrays belong to the
 * Matcher's BlockPass, and the candidates are ordered by insertion sort,
 * since they arrive nearly in order already (by end within a block; only
 * nested names are out of place).
 */
export class PageSession implements MatchSession {
  readonly #d: IndexData;
  readonly #pass: BlockPass;
  /** Context terms the page has mentioned (1) so far; made on first use. */
  #gateSeen: Uint8Array | null = null;
  /** Context terms a rejected candidate of an earlier batch waits for. */
  #gateWanted: Uint8Array | null = null;
  /** Entities named in full so far (a page names few, so a Set); made on first use. */
  #fullSeen: Set<number> | null = null;
  /** Entities whose short form was rejected in an earlier batch. */
  #fullWanted: Set<number> | null = null;

  /**
   * `pass` is shared by the Matcher's sessions; a scan uses it start to
   * finish. `knowing`: an earlier session of the same page over the same
   * index, whose context terms count here from the first batch (see
   * Matcher.session).
   */
  constructor(d: IndexData, pass: BlockPass, knowing?: MatchSession) {
    this.#d = d;
    this.#pass = pass;
    if (knowing instanceof PageSession && knowing.#d === d && knowing.#gateSeen !== null) this.#gateSeen = knowing.#gateSeen.slice();
  }

  scan(blocks: readonly string[]): ScanResult {
    const pass = this.#pass;
    const claims = pass.claimHits;
    claims.clear();
    pass.startBatch();
    for (let b = 0; b < blocks.length; b++) {
      const text = blocks[b];
      if (typeof text !== 'string' || text.length === 0) continue;
      pass.scan(text, b, claims);
    }
    const matches: Match[] = [];
    const revisit = this.#select(matches);
    const entities = matches.length;
    this.#selectClaims(claims, matches);
    if (matches.length > entities) matches.sort(byPosition);
    return { matches, revisit };
  }

  /**
   * Puts the batch's claim matches in `matches`: a gated cue's hit counts
   * when the page mentions one of its context terms (as a gated alias; #select
   * has taken this batch's terms in), then leftmost-longest, no overlaps.
   * A hit left out for a closed gate never hides another.
   */
  #selectClaims(claims: ClaimHits, matches: Match[]): void {
    const d = this.#d;
    const cueGates = d.cueGates;
    let block = -1;
    let lastEnd = 0;
    for (let i = 0; i < claims.block.length; i++) {
      if (claims.block[i] !== block) {
        block = claims.block[i]!;
        lastEnd = 0;
      }
      const start = claims.start[i]!;
      if (start < lastEnd) continue;
      const cue = claims.cue[i]!;
      // Clamped to gateList, so that a corrupt index cannot make a long loop of it.
      const from = cueGates[cue]!;
      const to = Math.min(cueGates[cue + 1]!, d.gateList.length);
      if (to > from && !this.#anyGateSeen(from, to)) {
        const gateWanted = (this.#gateWanted ??= new Uint8Array(d.meta[META_GATES]!));
        for (let g = from; g < to; g++) gateWanted[d.gateList[g]!] = 1;
        continue;
      }
      matches.push({ block, start, end: claims.end[i]!, entry: claims.entry[i]! });
      lastEnd = claims.end[i]!;
    }
  }

  /** Has the page mentioned one of the context terms gateList[from .. to - 1]? */
  #anyGateSeen(from: number, to: number): boolean {
    const gateSeen = this.#gateSeen;
    if (gateSeen === null) return false;
    for (let g = from; g < to; g++) if (gateSeen[this.#d.gateList[g]!] === 1) return true;
    return false;
  }

  /** Candidates of the batch in order: block, start, longer first, alias. */
  #sortedCandidates(): Int32Array {
    const c = this.#pass.candidates;
    const n = c.count;
    if (c.order.length < n) c.order = new Int32Array(n * 2);
    const order = c.order;
    const cb = c.block;
    const cs = c.start;
    const ce = c.end;
    const ca = c.alias;
    for (let i = 0; i < n; i++) {
      let p = i;
      while (p > 0) {
        const o = order[p - 1]!;
        const after = cb[o]! - cb[i]! || cs[o]! - cs[i]! || ce[i]! - ce[o]! || ca[o]! - ca[i]!;
        if (after <= 0) break;
        order[p] = o;
        p--;
      }
      order[p] = i;
    }
    return order;
  }

  /** Puts the batch's entity matches in `matches`; returns `revisit`. */
  #select(matches: Match[]): boolean {
    const d = this.#d;
    const c = this.#pass.candidates;
    // Context terms of this batch count before and after the alias.
    let revisit = false;
    if (c.gates.length > 0) {
      const gateSeen = (this.#gateSeen ??= new Uint8Array(d.meta[META_GATES]!));
      const gateWanted = (this.#gateWanted ??= new Uint8Array(d.meta[META_GATES]!));
      for (const g of c.gates) {
        if (gateSeen[g] === 1) continue;
        gateSeen[g] = 1;
        // Only what earlier batches waited for calls for a rescan.
        if (gateWanted[g] === 1) revisit = true;
      }
    }
    const n = c.count;
    if (n === 0) return revisit;
    const order = this.#sortedCandidates();
    const cb = c.block;
    const cs = c.start;
    const ce = c.end;
    const ca = c.alias;
    let wantedGates: number[] | null = null;
    let wantedFull: number[] | null = null;
    let block = -1;
    let lastEnd = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      if (cb[i] !== block) {
        block = cb[i]!;
        lastEnd = 0;
      }
      if (cs[i]! < lastEnd) continue;
      const alias = ca[i]!;
      const flags = d.aliasFlags[alias]!;
      const entry = d.aliasEntry[alias]!;
      if ((flags & ALIAS_REQUIRES) !== 0) {
        const gateSeen = this.#gateSeen;
        let open = false;
        for (let g = d.aliasGates[alias]!; g < d.aliasGates[alias + 1]!; g++) {
          if (gateSeen !== null && gateSeen[d.gateList[g]!] === 1) {
            open = true;
            break;
          }
        }
        if (!open) {
          wantedGates ??= [];
          for (let g = d.aliasGates[alias]!; g < d.aliasGates[alias + 1]!; g++) wantedGates.push(d.gateList[g]!);
          continue;
        }
      }
      const fullSeen = (this.#fullSeen ??= new Set<number>());
      if ((flags & ALIAS_AFTER_FULL_NAME) !== 0) {
        if (!fullSeen.has(entry)) {
          (wantedFull ??= []).push(entry);
          continue;
        }
      } else if (!fullSeen.has(entry)) {
        fullSeen.add(entry);
        if (this.#fullWanted !== null && this.#fullWanted.has(entry)) revisit = true;
      }
      matches.push({ block, start: cs[i]!, end: ce[i]!, entry });
      lastEnd = ce[i]!;
    }
    if (wantedGates !== null) {
      const gateWanted = (this.#gateWanted ??= new Uint8Array(d.meta[META_GATES]!));
      for (const g of wantedGates) gateWanted[g] = 1;
    }
    if (wantedFull !== null) {
      const fullWanted = (this.#fullWanted ??= new Set<number>());
      for (const e of wantedFull) fullWanted.add(e);
    }
    return revisit;
  }
}
