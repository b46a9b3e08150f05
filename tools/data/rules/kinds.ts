/** Kind-specific fields: only outlets have domains and a publisher, and every outlet has both. */
import type { Problem } from '../problem.ts';
import { entitiesOf, type Rule } from './context.ts';

const OUTLET_ONLY = ['domains', 'publisher'] as const;

export const checkKinds: Rule = (context) => {
  const problems: Problem[] = [];
  for (const { entry, file } of entitiesOf(context)) {
    for (const field of OUTLET_ONLY) {
      const present = entry[field] !== undefined;
      if (entry.kind === 'outlet' && !present) {
        problems.push({ severity: 'error', file, id: entry.id, field, message: 'is missing: every outlet needs domains and a publisher' });
      } else if (entry.kind !== 'outlet' && present) {
        problems.push({ severity: 'error', file, id: entry.id, field, message: `is for outlets only; this entry is a ${entry.kind}` });
      }
    }
    entry.domains?.forEach((domain, i) => {
      if (domain.startsWith('www.')) {
        problems.push({ severity: 'error', file, id: entry.id, field: `domains[${i}]`, message: 'write domains without "www."' });
      }
    });
  }
  return problems;
};
