/**
 * Integrity of a set of entries taken together: ids unique across every file,
 * every `related` and `holderIds` id resolving, no entry linking to itself.
 *
 * Pure and shared: the data tools run it over data/ and the options page runs
 * it (through validate.ts) over a user's own dataset. Each entry carries an
 * opaque `where` (a file name, a JSON path) that comes back with its issues.
 */
import type { Claim, Entity } from './types.ts';

export type PlacedEntry<W> =
  | { type: 'entity'; entry: Entity; where: W }
  | { type: 'claim'; entry: Claim; where: W };

export interface IntegrityIssue<W> {
  severity: 'error' | 'warning';
  where: W;
  id: string;
  /** Field inside the entry, e.g. "related[2].id" or "perspectives[0].holderIds[1]". */
  field: string;
  message: string;
}

/** An entry known only by its id: one that failed the schema, so only its id is trusted. */
export interface PlacedId<W> {
  type: 'entity' | 'claim';
  id: string;
  where: W;
}

/**
 * `entries` are checked in full. `otherIds` (entries that failed the schema)
 * still count for duplicate ids and as link targets, so one malformed entry
 * does not also produce a "dangling reference" in every entry that links to it.
 */
export function checkIntegrity<W>(
  entries: ReadonlyArray<PlacedEntry<W>>,
  describe: (where: W) => string = String,
  otherIds: ReadonlyArray<PlacedId<W>> = [],
): IntegrityIssue<W>[] {
  const issues: IntegrityIssue<W>[] = [];
  const firstSeen = new Map<string, PlacedId<W>>();
  const all: PlacedId<W>[] = [
    ...entries.map(({ type, entry, where }) => ({ type, id: entry.id, where })),
    ...otherIds,
  ];

  for (const placed of all) {
    const { id } = placed;
    const earlier = firstSeen.get(id);
    if (earlier) {
      issues.push({
        severity: 'error',
        where: placed.where,
        id,
        field: 'id',
        message: `duplicate id: also used by the ${earlier.type} in ${describe(earlier.where)}`,
      });
    } else {
      firstSeen.set(id, placed);
    }
  }

  const typeOf = (id: string) => firstSeen.get(id)?.type;

  for (const placed of entries) {
    const { entry, where } = placed;
    const issue = (field: string, message: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({ severity, where, id: entry.id, field, message });

    const seenLinks = new Set<string>();
    (entry.related ?? []).forEach((link, i) => {
      const field = `related[${i}].id`;
      if (link.id === entry.id) issue(field, 'links to itself');
      else if (!typeOf(link.id)) issue(field, `unknown id "${link.id}"`);
      const key = `${link.type} ${link.id}`;
      if (seenLinks.has(key)) issue(`related[${i}]`, `repeats the link ${link.type} → ${link.id}`, 'warning');
      seenLinks.add(key);
    });

    if (placed.type === 'claim') {
      placed.entry.perspectives.forEach((perspective, p) => {
        (perspective.holderIds ?? []).forEach((holderId, h) => {
          const field = `perspectives[${p}].holderIds[${h}]`;
          const holderType = typeOf(holderId);
          if (holderId === entry.id) issue(field, 'names the claim itself as a holder');
          else if (!holderType) issue(field, `unknown id "${holderId}"`);
          else if (holderType !== 'entity') issue(field, `"${holderId}" is a claim; holders are entities`);
        });
      });
    }
  }
  return issues;
}
