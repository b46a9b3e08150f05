/**
 * A session is one page. It remembers what earlier batches revealed (which
 * context terms the page mentions, which entities were named in full) and
 * decides, batch by batch, which alias candidates count:
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
 *
 * revisit: when a batch reveals a context term or a full name that an
 * earlier batch's rejected candidate was waiting for, the earlier blocks
 * would now match differently; the caller rescans the page with a fresh
 * session. (For afterFullName this is only needed when batches do not
 * arrive in document order, but the session cannot know that, so it says so.)
 */
import type { Match, ScanResult } from './types.ts';
import type { BlockPass } from './block-pass.ts';
import { ClaimHits } from './claim-pass.ts';
import { ALIAS_AFTER_FULL_NAME, ALIAS_REQUIRES, META_GATES, type IndexData } from './index-data.ts';

export interface MatchSession {
  scan(blocks: readonly string[]): ScanResult;
}

export class PageSession implements MatchSession {
  readonly #d: IndexData;
  readonly #pass: BlockPass;
  readonly #claims = new ClaimHits();
  /** Context terms the page has mentioned (1) so far. */
  readonly #gateSeen: Uint8Array;
  /** Context terms a rejected candidate of an earlier batch waits for. */
  readonly #gateWanted: Uint8Array;
  /** Entities named in full so far (a page names few, so a Set). */
  readonly #fullSeen = new Set<number>();
  /** Entities whose short form was rejected in an earlier batch. */
  readonly #fullWanted = new Set<number>();

  /** `pass` is shared by the Matcher's sessions; a scan uses it start to finish. */
  constructor(d: IndexData, pass: BlockPass) {
    this.#d = d;
    this.#pass = pass;
    const gates = d.meta[META_GATES]!;
    this.#gateSeen = new Uint8Array(gates);
    this.#gateWanted = new Uint8Array(gates);
  }

  scan(blocks: readonly string[]): ScanResult {
    const pass = this.#pass;
    const claims = this.#claims;
    claims.clear();
    pass.startBatch();
    for (let b = 0; b < blocks.length; b++) {
      const text = blocks[b];
      if (typeof text !== 'string' || text.length === 0) continue;
      pass.scan(text, b, claims);
    }
    const { matches, revisit } = this.#select();
    for (let i = 0; i < claims.block.length; i++) {
      matches.push({ block: claims.block[i]!, start: claims.start[i]!, end: claims.end[i]!, entry: claims.entry[i]! });
    }
    if (claims.block.length > 0) {
      matches.sort((x, y) => x.block - y.block || x.start - y.start || y.end - x.end || x.entry - y.entry);
    }
    return { matches, revisit };
  }

  #select(): { matches: Match[]; revisit: boolean } {
    const d = this.#d;
    const c = this.#pass.candidates;
    const gateSeen = this.#gateSeen;
    // Context terms of this batch count before and after the alias.
    const newGates = c.gates.filter((g) => gateSeen[g] === 0);
    for (const g of newGates) gateSeen[g] = 1;

    const n = c.count;
    const matches: Match[] = [];
    if (n === 0) return { matches, revisit: false };
    // Candidates arrive in block order, ending in order; sort by start, longest first.
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const cb = c.block;
    const cs = c.start;
    const ce = c.end;
    const ca = c.alias;
    const sorted = Array.from(order).sort((x, y) => cb[x]! - cb[y]! || cs[x]! - cs[y]! || ce[y]! - ce[x]! || ca[x]! - ca[y]!);
    const wantedGates: number[] = [];
    const wantedFull: number[] = [];
    const newFull: number[] = [];
    let block = -1;
    let lastEnd = 0;
    for (const i of sorted) {
      if (cb[i] !== block) {
        block = cb[i]!;
        lastEnd = 0;
      }
      if (cs[i]! < lastEnd) continue;
      const alias = ca[i]!;
      const flags = d.aliasFlags[alias]!;
      const entry = d.aliasEntry[alias]!;
      if ((flags & ALIAS_REQUIRES) !== 0) {
        let open = false;
        for (let g = d.aliasGates[alias]!; g < d.aliasGates[alias + 1]!; g++) {
          if (gateSeen[d.gateList[g]!] === 1) {
            open = true;
            break;
          }
        }
        if (!open) {
          for (let g = d.aliasGates[alias]!; g < d.aliasGates[alias + 1]!; g++) wantedGates.push(d.gateList[g]!);
          continue;
        }
      }
      if ((flags & ALIAS_AFTER_FULL_NAME) !== 0) {
        if (!this.#fullSeen.has(entry)) {
          wantedFull.push(entry);
          continue;
        }
      } else if (!this.#fullSeen.has(entry)) {
        this.#fullSeen.add(entry);
        newFull.push(entry);
      }
      matches.push({ block, start: cs[i]!, end: ce[i]!, entry });
      lastEnd = ce[i]!;
    }
    // Only what earlier batches waited for calls for a rescan.
    const revisit = newGates.some((g) => this.#gateWanted[g] === 1) || newFull.some((e) => this.#fullWanted.has(e));
    for (const g of wantedGates) this.#gateWanted[g] = 1;
    for (const e of wantedFull) this.#fullWanted.add(e);
    return { matches, revisit };
  }
}
