/**
 * Which news outlet publishes a site, from the dataset's outlet entities
 * (`domains` without "www.", and `publisher`). Pure.
 */
import type { CardEntry, EntityCard } from '../dataset/bundle.ts';

export type OutletCard = EntityCard & { kind: 'outlet'; domains: string[]; publisher: NonNullable<EntityCard['publisher']> };

/** The outlet whose domain is the host name or a parent of it ("edition.cnn.com" → cnn.com); the longest domain wins. */
export function outletForHost(entries: readonly CardEntry[], hostname: string): OutletCard | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let best: OutletCard | undefined;
  let bestLength = 0;
  for (const entry of entries) {
    if (entry.type !== 'entity' || entry.kind !== 'outlet' || !entry.publisher || !entry.domains) continue;
    for (const domain of entry.domains) {
      const d = domain.toLowerCase();
      if ((host === d || host.endsWith(`.${d}`)) && d.length > bestLength) {
        best = entry as OutletCard;
        bestLength = d.length;
      }
    }
  }
  return best;
}
