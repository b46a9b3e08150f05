/**
 * Editorial limits from data/README.md: short texts a card can show, and
 * contested claims that show more than one side.
 */
import type { Problem } from '../problem.ts';
import { claimsOf, entitiesOf, type Rule } from './context.ts';

export const WORD_LIMITS = { summary: 60, statement: 40, context: 120, view: 80 } as const;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const NEEDS_TWO_SIDES = new Set(['disputed', 'contested-framing']);

export const checkStyle: Rule = (context) => {
  const problems: Problem[] = [];
  const limit = (file: string, id: string, field: string, text: string, max: number) => {
    const words = wordCount(text);
    if (words > max) problems.push({ severity: 'error', file, id, field, message: `${words} words; at most ${max}` });
    if (text !== text.trim()) problems.push({ severity: 'warning', file, id, field, message: 'has leading or trailing spaces' });
  };

  for (const { entry, file } of entitiesOf(context)) {
    limit(file, entry.id, 'summary', entry.summary, WORD_LIMITS.summary);
  }
  for (const { entry, file } of claimsOf(context)) {
    limit(file, entry.id, 'statement', entry.statement, WORD_LIMITS.statement);
    limit(file, entry.id, 'context', entry.context, WORD_LIMITS.context);
    entry.perspectives.forEach((perspective, i) => {
      limit(file, entry.id, `perspectives[${i}].view`, perspective.view, WORD_LIMITS.view);
    });
    if (NEEDS_TWO_SIDES.has(entry.assessment) && entry.perspectives.length < 2) {
      problems.push({
        severity: 'error',
        file,
        id: entry.id,
        field: 'perspectives',
        message: `a ${entry.assessment} claim needs at least 2 perspectives; it has ${entry.perspectives.length}`,
      });
    }
  }
  return problems;
};
