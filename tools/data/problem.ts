/**
 * A problem found in the dataset, and how the tools print it:
 * `file: id: field: severity: message`, the parts that are known.
 */

export interface Problem {
  severity: 'error' | 'warning';
  /** Path of the file, relative to the working directory. */
  file: string;
  /** The entry the problem is in, when it is in one. */
  id?: string;
  /** Field inside the entry (or the file), e.g. "aliases[2].text". */
  field?: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const parts = [problem.file, problem.id, problem.field].filter((part) => part !== undefined && part !== '');
  return `${parts.join(': ')}: ${problem.severity}: ${problem.message}`;
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/** Errors first, then by file, id and field, so output is stable and readable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const key = (p: Problem) => [p.severity === 'error' ? 0 : 1, p.file, p.id ?? '', p.field ?? ''] as const;
  return [...problems].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  });
}

/** The whole report as printed by the CLIs and shown in failing tests. */
export function formatReport(problems: readonly Problem[]): string {
  const { errors, warnings } = countProblems(problems);
  const lines = sortProblems(problems).map(formatProblem);
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}
