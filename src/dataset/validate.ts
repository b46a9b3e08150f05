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
import { loneSurrogateAt } from '../matcher/phrase.ts';
import { checkIntegrity, type PlacedEntry } from './integrity.ts';
import { SchemaSet, type JsonSchema } from './schema-subset.ts';
import type { Claim, Dataset, DatasetHeader, Entity } from './types.ts';

export interface ValidationError {
  /**
   * Where: "header.version", "entities[3] ("some-id").aliases[0].text" (an
   * entry with a string id is named by it too), "" for the whole input.
   */
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
  // Every string may reach a page (card, options page); JSON allows lone
  // surrogates ("\ud800"), which are no text at all. The matcher refuses them
  // in aliases and cues; here they are refused in every field.
  errors.push(...unpairedSurrogates(header, 'header'), ...unpairedSurrogates(file, ''));

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
      if (issue.severity === 'error') errors.push({ path: `${issue.where}.${issue.field}`, message: issue.message });
    }
  }

  if (errors.length > 0) {
    const lists = { entities: file.entities, claims: file.claims };
    const shown = errors.slice(0, MAX_ERRORS).map((error) => withEntryId(error, lists));
    if (errors.length > MAX_ERRORS) shown.push({ path: '', message: `and ${errors.length - MAX_ERRORS} more errors` });
    return { ok: false, errors: shown };
  }
  const { $schema: _schema, ...cleanHeader } = header as DatasetHeader & { $schema?: string };
  return { ok: true, dataset: { header: cleanHeader, entities, claims } };
}

/**
 * How messages name an entry: by its position in the file and, when it has a
 * string id, by that id too, so a reader can find it either way:
 * `entities[3] ("some-id")`. The id is quoted as JSON (escaped, cut short).
 */
export function entryLabel(list: 'entities' | 'claims', index: number, entry: unknown): string {
  const id = isObject(entry) ? entry.id : undefined;
  if (typeof id !== 'string') return `${list}[${index}]`;
  return `${list}[${index}] (${JSON.stringify(id.length > 60 ? `${id.slice(0, 57)}...` : id)})`;
}

const ENTRY_PATH = /^(entities|claims)\[(\d+)\]/;

/** The error with its entry named by id as well as position (entryLabel). */
function withEntryId(error: ValidationError, lists: { entities: unknown; claims: unknown }): ValidationError {
  const m = ENTRY_PATH.exec(error.path);
  if (!m) return error;
  const list = m[1] as 'entities' | 'claims';
  const index = Number(m[2]);
  const entries = lists[list];
  const entry = Array.isArray(entries) ? (entries[index] as unknown) : undefined;
  return { ...error, path: entryLabel(list, index, entry) + error.path.slice(m[0].length) };
}

/**
 * Every string in `value` (at any depth, in document order) that holds an
 * unpaired surrogate. Walked with a stack, not recursion: a hostile file can
 * nest arrays deeper than the call stack goes.
 */
function unpairedSurrogates(value: unknown, path: string): ValidationError[] {
  const errors: ValidationError[] = [];
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (typeof node === 'string') {
      const lone = loneSurrogateAt(node);
      if (lone >= 0) {
        const unit = node.charCodeAt(lone).toString(16).toUpperCase();
        errors.push({ path: at, message: `contains an unpaired surrogate (U+${unit} at offset ${lone})` });
      }
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${at}[${i}]`]);
    } else if (isObject(node)) {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], at ? `${at}.${entries[i]![0]}` : entries[i]![0]]);
    }
  }
  return errors;
}
