/**
 * The loaded index. Loading is view creation over the bytes (index-format.ts),
 * so a content script can afford it on every page; all the work happens in
 * compileIndex at build time.
 */
import type { PatternSet } from './types.ts';
import { BlockPass } from './block-pass.ts';
import { buildIndex } from './build-index.ts';
import type { IndexData } from './index-data.ts';
import { loadIndex, serialiseIndex } from './index-format.ts';
import type { PatternProblem } from './problems.ts';
import { PageSession, type MatchSession } from './session.ts';

export class Matcher {
  readonly version: string;
  readonly hash: string;
  readonly #data: IndexData;
  /** Scratch state shared by this matcher's sessions (scans are synchronous). */
  #pass: BlockPass | undefined;

  private constructor(data: IndexData) {
    this.#data = data;
    this.version = data.version;
    this.hash = data.hash;
  }

  /** Opens a compiled index. Throws a clear Error on a corrupt or wrong-version buffer. */
  static load(bytes: Uint8Array): Matcher {
    return new Matcher(loadIndex(bytes));
  }

  /**
   * A matcher over an index built in memory, never serialised. For tests
   * that check the serialised index behaves exactly like the built one.
   */
  static fromPatterns(set: PatternSet): Matcher {
    return new Matcher(buildIndex(set).data);
  }

  /**
   * A new page: remembers context across the batches of one page. To read a
   * page again after `revisit`, pass the session that asked: the new one
   * counts every context term that session saw from its first batch (full
   * names it does not carry over: a short form still needs its full name
   * earlier on the page).
   */
  session(knowing?: MatchSession): MatchSession {
    this.#pass ??= new BlockPass(this.#data);
    return new PageSession(this.#data, this.#pass, knowing);
  }
}

/** Builds the compact serialised index. Never throws on bad data: see PatternProblem. */
export function compileIndex(set: PatternSet): { bytes: Uint8Array; problems: PatternProblem[] } {
  const { data, problems } = buildIndex(set);
  return { bytes: serialiseIndex(data), problems };
}
