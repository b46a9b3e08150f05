/**
 * Which news outlet publishes a site, from the dataset's outlet entities
 * (`domains` without "www.", and `publisher`). Pure.
 */
import type { CardEntry, EntityCard } from '../dataset/bundle.ts';

export type OutletCard = EntityCard & { kind: 'outlet'; domains: string[]; publisher: NonNullable<EntityCard['publisher']> };

/** Is the entry an outlet that About this site can name (with its publisher and domains)? */
export function isOutletCard(entry: CardEntry): entry is OutletCard {
  return entry.type === 'entity' && entry.kind === 'outlet' && !!entry.publisher && !!entry.domains;
}

/** What "About this site" shows of an outlet: all the popup carries of it (bundled-summary.ts). */
export type OutletSite = Pick<OutletCard, 'id' | 'name' | 'domains' | 'publisher' | 'sources'>;

export function outletSite({ id, name, domains, publisher, sources }: OutletCard): OutletSite {
  return { id, name, domains, publisher, sources };
}

/** The outlet whose domain is the host name or a parent of it ("edition.cnn.com" → cnn.com); the longest domain wins. */
export function outletForHost<T extends Pick<OutletSite, 'domains'>>(outlets: readonly T[], hostname: string): T | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let best: T | undefined;
  let bestLength = 0;
  for (const outlet of outlets) {
    for (const domain of outlet.domains) {
      const d = domain.toLowerCase();
      if ((host === d || host.endsWith(`.${d}`)) && d.length > bestLength) {
        best = outlet;
        bestLength = d.length;
      }
    }
  }
  return best;
}
