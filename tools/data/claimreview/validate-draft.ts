/**
 * The importer never writes an entry data:check would reject: each draft goes
 * through the schema and the per-claim rules before it is kept.
 */
import { aliasKey } from '../../../src/dataset/alias-key.ts';
import type { Claim } from '../../../src/dataset/types.ts';
import type { Problem } from '../problem.ts';
import type { RuleContext } from '../rules/context.ts';
import { checkDates } from '../rules/dates.ts';
import { checkSources } from '../rules/sources.ts';
import { checkStyle } from '../rules/style.ts';
import { checkWellFormedText } from '../rules/well-formed-text.ts';
import { schemaProblems, schemaValidators } from '../schema-validation.ts';

export function draftProblems(claim: Claim, file: string, today: string): Problem[] {
  const schema = schemaProblems({ claims: [claim] }, file, 'claims', schemaValidators());
  if (schema.length > 0) return schema;
  const context: RuleContext = { entries: [{ type: 'claim', entry: claim, file }], files: [], today, aliasKey };
  return [...checkWellFormedText(context), ...checkStyle(context), ...checkDates(context), ...checkSources(context)];
}
