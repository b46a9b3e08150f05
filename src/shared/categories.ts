/**
 * The five categories a reader can switch on and off. Every dataset kind
 * belongs to exactly one; each category has its own highlight style.
 */
import type { EntityKind } from '../dataset/types.ts';

export const CATEGORIES = ['people', 'organizations', 'places', 'events', 'claims'] as const;
export type Category = (typeof CATEGORIES)[number];

const KIND_CATEGORY: Record<EntityKind, Category> = {
  person: 'people',
  organization: 'organizations',
  'armed-group': 'organizations',
  'government-body': 'organizations',
  outlet: 'organizations',
  place: 'places',
  facility: 'places',
  event: 'events',
};

export function categoryOf(entry: { type: 'entity'; kind: EntityKind } | { type: 'claim' }): Category {
  return entry.type === 'claim' ? 'claims' : KIND_CATEGORY[entry.kind];
}
