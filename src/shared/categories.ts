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

type CategorisedEntry = { type: 'entity'; kind: EntityKind } | { type: 'claim' };

export function categoryOf(entry: CategorisedEntry): Category {
  return entry.type === 'claim' ? 'claims' : KIND_CATEGORY[entry.kind];
}

/**
 * Each entry's category as one digit (its index in CATEGORIES), in entry
 * order. The content script ships this string beside the compiled index so
 * that it can colour a match without parsing the card bundle; the bundled
 * dataset and imported datasets are encoded the same way.
 */
export function encodeCategories(entries: readonly CategorisedEntry[]): string {
  return entries.map((entry) => String(CATEGORIES.indexOf(categoryOf(entry)))).join('');
}

/** The category of entry `index` in a string from encodeCategories; undefined outside it or for an unknown code. */
export function categoryAt(codes: string, index: number): Category | undefined {
  return CATEGORIES[codes.charCodeAt(index) - 48];
}

/** The code encodeCategories gives a category. */
export function categoryCode(category: Category): string {
  return String(CATEGORIES.indexOf(category));
}
