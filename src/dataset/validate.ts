/**
 * Validates a dataset a user supplies (the options page imports one): either
 * `{ header, entities, claims }` or a data file (`{ entities?, claims? }`, as
 * in data/entities/*.json). Pure, and free of ajv, so it runs in extension
 * pages; see schema-subset.ts for why.
 *
 * Covers the schema (types, required fields, enums, patterns, lengths) and
 * integrity (unique ids, links that resolve, no self-links). The editorial
 * rules of `npm run data:check` (word counts, URL forms, formatting) are
 * the curators' business and are not applied to a user's own file.
 */
import claimSchema from '../../data/schema/claim.schema.json';
import commonSchema from '../../data/schema/common.schema.json';
import headerSchema from '../../data/schema/dataset.schema.json';
import entitySchema from '../../data/schema/entity.schema.json';
import fileSchema from '../../data/schema/file.schema.json';
import { checkIntegrity, type PlacedEntry } from './integrity.ts';
import { SchemaSet, type JsonSchema } from './schema-subset.ts';
import type { Claim, Dataset, DatasetHeader, Entity } from './types.ts';

export interface ValidationError {
  /** Where: "header.version", "entities[3].aliases[0].text", "" for the whole input. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: ValidationError[] };

const BASE = 'https://backstory.invalid/schema/';
export const SCHEMA_IDS = {
  file: `${BASE}file.schema.json`,
  header: `${BASE}dataset.schema.json`,
  entity: `${BASE}entity.schema.json`,
  claim: `${BASE}claim.schema.json`,
} as const;

let schemas: SchemaSet | undefined;

/** The dataset schemas, built on first use. */
export function datasetSchemas(): SchemaSet {
  return (schemas ??= new SchemaSet(
    [commonSchema, entitySchema, claimSchema, fileSchema, headerSchema].map((s) => s as unknown as JsonSchema),
  ));
}

/** Most errors reported at once: enough to act on, not enough to flood a page. */
const MAX_ERRORS = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ValidateOptions {
  /** Header to use when the input is a bare data file, which has none. */
  header?: DatasetHeader;
}

export function validateUserDataset(input: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: 'must be a JSON object' }] };
  const set = datasetSchemas();
  const errors: ValidationError[] = [];

  let header: unknown;
  let file: Record<string, unknown>;
  if ('header' in input) {
    const { header: given, ...rest } = input;
    header = given;
    file = rest;
    errors.push(...set.validate(SCHEMA_IDS.header, header, 'header'));
  } else {
    header = options.header;
    file = input;
    if (header === undefined) errors.push({ path: 'header', message: 'is required for a data file without one' });
  }
  errors.push(...set.validate(SCHEMA_IDS.file, file));

  const entities = Array.isArray(file.entities) ? (file.entities as Entity[]) : [];
  const claims = Array.isArray(file.claims) ? (file.claims as Claim[]) : [];
  if (errors.length === 0 && entities.length + claims.length === 0) {
    errors.push({ path: '', message: 'contains no entities or claims' });
  }

  // Integrity needs well-formed entries; it runs once the schema is satisfied.
  if (errors.length === 0) {
    const placed: PlacedEntry<string>[] = [
      ...entities.map((entry, i): PlacedEntry<string> => ({ type: 'entity', entry, where: `entities[${i}]` })),
      ...claims.map((entry, i): PlacedEntry<string> => ({ type: 'claim', entry, where: `claims[${i}]` })),
    ];
    for (const issue of checkIntegrity(placed)) {
      if (issue.severity === 'error') errors.push({ path: `${issue.where}.${issue.field}`, message: `${issue.id}: ${issue.message}` });
    }
  }

  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push({ path: '', message: `and ${errors.length - MAX_ERRORS} more errors` });
    return { ok: false, errors: shown };
  }
  const { $schema: _schema, ...cleanHeader } = header as DatasetHeader & { $schema?: string };
  return { ok: true, dataset: { header: cleanHeader, entities, claims } };
}
