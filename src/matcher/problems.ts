/**
 * A pattern the compiler could not use as written. The data tools turn
 * these into messages naming the entry's id and field, and fail the build
 * on errors; warnings are reported and the build goes on.
 */
export interface PatternProblem {
  /** Entry number: entities first, then claims (as in PatternSet). */
  entry: number;
  /** Where in the entry, e.g. "aliases[2].text" or "cues[0].terms[1]". */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}
