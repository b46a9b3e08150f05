/**
 * The bundle: the dataset in the shape the extension ships.
 *
 * The matcher's compiled index numbers entries entities-first, then claims,
 * each sorted by id; the bundle's `entries` use the same numbering, so a
 * Match's `entry` is an index into `entries`. Aliases and cues live only in
 * the index; the bundle keeps what the card shows.
 */
import type { Claim, Dataset, DatasetHeader, Entity } from './types.ts';
import type { PatternSet } from '../matcher/types.ts';

export type EntityCard = { type: 'entity' } & Omit<Entity, 'aliases'>;
export type ClaimCard = { type: 'claim' } & Omit<Claim, 'cues'>;
export type CardEntry = EntityCard | ClaimCard;

export interface Bundle {
  header: DatasetHeader & { hash: string };
  entries: CardEntry[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Entities then claims, each sorted by id: the one order index and bundle share. */
export function orderedEntries(dataset: Dataset): { entities: Entity[]; claims: Claim[] } {
  return {
    entities: [...dataset.entities].sort(byId),
    claims: [...dataset.claims].sort(byId),
  };
}

export function patternSet(dataset: Dataset, hash: string): PatternSet {
  const { entities, claims } = orderedEntries(dataset);
  return { version: dataset.header.version, hash, entities, claims };
}

export function makeBundle(dataset: Dataset, hash: string): Bundle {
  const { entities, claims } = orderedEntries(dataset);
  const entries: CardEntry[] = [
    ...entities.map(({ aliases: _aliases, ...rest }): CardEntry => ({ type: 'entity', ...rest })),
    ...claims.map(({ cues: _cues, ...rest }): CardEntry => ({ type: 'claim', ...rest })),
  ];
  return { header: { ...dataset.header, hash }, entries };
}
