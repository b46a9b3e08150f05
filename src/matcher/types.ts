/**
 * The matcher's public contract. Pure: no DOM, no browser API.
 *
 * Text blocks in (one string per paragraph), matches with exact UTF-16
 * offsets out. The content script, the data tools and the benchmarks all
 * use the matcher through these types only.
 */
import type { Alias, Cue } from '../dataset/types.ts';

/** What the matcher needs from the dataset to build its index. */
export interface PatternSet {
  /** Dataset version and content hash, carried in the compiled index. */
  version: string;
  hash: string;
  /**
   * Entities in compiled order; entry number = position in this list. The id,
   * when given, names the entry in problems that point at another entry; the
   * kind, when given, tells which entries are places (ALIAS_NOT_A_PLACE).
   */
  entities: ReadonlyArray<{ id?: string; kind?: string; aliases: readonly Alias[] }>;
  /** Claims in compiled order; entry number = entities.length + position. */
  claims: ReadonlyArray<{ id?: string; cues: readonly Cue[] }>;
}

export interface Match {
  /** Index of the block in the array given to scan(). */
  block: number;
  /** UTF-16 offsets into that block's text: start inclusive, end exclusive. */
  start: number;
  end: number;
  /** Entry number: entities first, then claims (see PatternSet). */
  entry: number;
}

export interface ScanResult {
  /**
   * Sorted by block, then start; never spanning blocks. Entity matches never
   * overlap each other and claim matches never overlap each other, but a
   * claim's phrase may contain entity matches: the page shows both (a claim
   * underline with names inside it).
   */
  matches: Match[];
  /**
   * True when this scan revealed context (a gate's term, an entity's full
   * name) that could unlock gated aliases in blocks scanned *before* it.
   * The caller should then rescan the whole page with a new session that
   * knows this one (Matcher.session).
   */
  revisit: boolean;
}
