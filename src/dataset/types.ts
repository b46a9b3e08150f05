/**
 * Types of the curated dataset, mirroring data/schema/*.json.
 * test/unit/dataset/schema-types.test.ts proves the two agree.
 */

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;

export const ENTITY_KINDS = [
  'person',
  'organization',
  'armed-group',
  'government-body',
  'place',
  'facility',
  'event',
  'outlet',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ENTITY_RELATIONS = [
  'located-in',
  'part-of',
  'member-of',
  'leads',
  'operated-by',
  'allied-with',
  'opposed-to',
  'successor-of',
  'see-also',
] as const;
export type EntityRelation = (typeof ENTITY_RELATIONS)[number];

export const CLAIM_RELATIONS = ['supports', 'contradicts', 'context-for', 'see-also'] as const;
export type ClaimRelation = (typeof CLAIM_RELATIONS)[number];

/** The assessment scale; see data/README.md for what each label means. */
export const ASSESSMENTS = [
  'accurate',
  'accurate-as-of',
  'disputed',
  'contested-framing',
  'unsupported',
  'misleading',
  'false',
] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ALIAS_CASES = ['insensitive', 'sensitive', 'proper'] as const;
export type AliasCase = (typeof ALIAS_CASES)[number];

export const FUNDING_MODELS = ['state-funded', 'public-service', 'commercial', 'non-profit', 'party-owned'] as const;
export type FundingModel = (typeof FUNDING_MODELS)[number];

export const CUE_COVERS = ['phrase', 'sentence'] as const;
export type CueCover = (typeof CUE_COVERS)[number];

export interface Source {
  title: string;
  publisher: string;
  url: string;
  date?: PartialDate;
}

export interface Alias {
  text: string;
  lang?: string;
  case?: AliasCase;
  requires?: string[];
  afterFullName?: boolean;
}

export interface Fact {
  label: string;
  value: string;
  asOf: PartialDate;
}

export interface Publisher {
  owner: string;
  country: string;
  funding: FundingModel;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: Alias[];
  summary: string;
  facts?: Fact[];
  asOf: PartialDate;
  sources: Source[];
  related?: Array<{ type: EntityRelation; id: string }>;
  wikidata?: string;
  domains?: string[];
  publisher?: Publisher;
}

export interface Cue {
  terms: string[];
  maxGap?: number;
  cover?: CueCover;
  /** Context gate, as an alias's: the cue counts only on a page that also mentions one of these terms. */
  requires?: string[];
}

export interface Perspective {
  holder: string;
  holderIds?: string[];
  view: string;
  sources: Source[];
}

export interface Claim {
  id: string;
  statement: string;
  cues: Cue[];
  assessment: Assessment;
  context: string;
  perspectives: Perspective[];
  asOf: PartialDate;
  sources: Source[];
  related?: Array<{ type: ClaimRelation; id: string }>;
}

export interface DatasetHeader {
  name: string;
  version: string;
  date: PartialDate;
  licence: string;
  description: string;
}

/** One data file: a topic's entities and/or claims. */
export interface DataFile {
  entities?: Entity[];
  claims?: Claim[];
}

/** The whole dataset, as the tools and the build see it. */
export interface Dataset {
  header: DatasetHeader;
  entities: Entity[];
  claims: Claim[];
}
