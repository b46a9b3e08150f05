/** What every rule gets: the entries that passed the schema, with their files. */
import type { Claim, Entity } from '../../../src/dataset/types.ts';
import type { LoadedFile } from '../load.ts';
import type { Problem } from '../problem.ts';

export type CheckedEntry =
  | { type: 'entity'; entry: Entity; file: string }
  | { type: 'claim'; entry: Claim; file: string };

export interface RuleContext {
  /** Schema-valid entries only, so rules can trust their shape. */
  entries: readonly CheckedEntry[];
  files: readonly LoadedFile[];
  /** YYYY-MM-DD; dates after it are errors. */
  today: string;
  /** Alias text as the matcher compares it (src/dataset/alias-key.ts explains). */
  aliasKey: (text: string) => string;
}

export type Rule = (context: RuleContext) => Problem[];

export function entitiesOf(context: RuleContext): Array<{ entry: Entity; file: string }> {
  return context.entries.flatMap((e) => (e.type === 'entity' ? [{ entry: e.entry, file: e.file }] : []));
}

export function claimsOf(context: RuleContext): Array<{ entry: Claim; file: string }> {
  return context.entries.flatMap((e) => (e.type === 'claim' ? [{ entry: e.entry, file: e.file }] : []));
}
