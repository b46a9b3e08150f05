/**
 * Formatting: a file's text must equal its canonical text (canonical.ts), so
 * diffs show content changes only. `npm run data:check -- --fix` rewrites it.
 */
import { canonicalText, firstUnsorted } from '../canonical.ts';
import type { Problem } from '../problem.ts';
import type { Rule } from './context.ts';

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) return i + 1;
  return left.length;
}

export const checkFormatting: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (file.json === undefined) continue; // unparsable: already reported by the loader
    const unsorted = firstUnsorted(file.json);
    if (unsorted) {
      problems.push({
        severity: 'error',
        file: file.path,
        id: unsorted.id,
        field: unsorted.list,
        message: `${unsorted.list} are not sorted by id: "${unsorted.id}" comes after "${unsorted.after}" (npm run data:check -- --fix sorts them)`,
      });
    }
    const canonical = canonicalText(file.json);
    if (!unsorted && canonical !== file.text) {
      problems.push({
        severity: 'error',
        file: file.path,
        field: `line ${firstDifferentLine(file.text, canonical)}`,
        message: 'not in canonical formatting (2-space JSON, final newline); npm run data:check -- --fix rewrites it',
      });
    }
  }
  return problems;
};
