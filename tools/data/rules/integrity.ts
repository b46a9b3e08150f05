/** Ids unique across files, links that resolve, no self-links: src/dataset/integrity.ts over data/. */
import { checkIntegrity, type PlacedEntry, type PlacedId } from '../../../src/dataset/integrity.ts';
import type { Problem } from '../problem.ts';
import type { RuleContext } from './context.ts';

export function checkLinks(context: RuleContext, unchecked: ReadonlyArray<PlacedId<string>>): Problem[] {
  const placed = context.entries.map(
    (e): PlacedEntry<string> => (e.type === 'entity' ? { type: 'entity', entry: e.entry, where: e.file } : { type: 'claim', entry: e.entry, where: e.file }),
  );
  return checkIntegrity(placed, String, unchecked).map(
    ({ severity, where, id, field, message }): Problem => ({ severity, file: where, id, field, message }),
  );
}
