/**
 * Dates the schema's pattern lets through but a reader should never see:
 * days that do not exist (2023-02-30) and dates after today. A fact's asOf
 * in the future would present a guess as the record.
 */
import { isAfter, isRealDate } from '../../../src/dataset/dates.ts';
import type { Source } from '../../../src/dataset/types.ts';
import type { Problem } from '../problem.ts';
import type { CheckedEntry, Rule } from './context.ts';

function datedFields(item: CheckedEntry): Array<[field: string, date: string]> {
  const fields: Array<[string, string]> = [['asOf', item.entry.asOf]];
  const sourceDates = (prefix: string, sources: readonly Source[]) =>
    sources.forEach((s, i) => s.date !== undefined && fields.push([`${prefix}sources[${i}].date`, s.date]));
  sourceDates('', item.entry.sources);
  if (item.type === 'entity') {
    item.entry.facts?.forEach((fact, i) => fields.push([`facts[${i}].asOf`, fact.asOf]));
  } else {
    item.entry.perspectives.forEach((p, i) => sourceDates(`perspectives[${i}].`, p.sources));
  }
  return fields;
}

export const checkDates: Rule = (context) => {
  const problems: Problem[] = [];
  for (const item of context.entries) {
    for (const [field, date] of datedFields(item)) {
      const problem = (message: string) => problems.push({ severity: 'error', file: item.file, id: item.entry.id, field, message });
      if (!isRealDate(date)) problem(`"${date}" is not a real date`);
      else if (isAfter(date, context.today)) problem(`"${date}" is later than today (${context.today})`);
    }
  }
  return problems;
};
