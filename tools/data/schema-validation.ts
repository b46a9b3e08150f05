/**
 * Validation of data files against the JSON Schemas in data/schema/ with ajv
 * (draft-07), and translation of ajv's errors into Problems that name the
 * entry id and the field a writer has to change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { FileRole } from './load.ts';
import type { Problem } from './problem.ts';

export const SCHEMA_DIR = fileURLToPath(new URL('../../data/schema/', import.meta.url));

const SCHEMA_BASE = 'https://backstory.invalid/schema/';

export interface SchemaValidators {
  file: ValidateFunction;
  header: ValidateFunction;
  entity: ValidateFunction;
  claim: ValidateFunction;
}

const cache = new Map<string, SchemaValidators>();

/** Compiled once per schema directory; compiling costs far more than validating. */
export function schemaValidators(schemaDir: string = SCHEMA_DIR): SchemaValidators {
  const cached = cache.get(schemaDir);
  if (cached) return cached;
  // strictTypes off: the schemas put maxLength beside a $ref to a string type,
  // which ajv applies (as draft-07 tools commonly do) but would warn about.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, name), 'utf8')) as object);
  }
  const get = (name: string) => {
    const validate = ajv.getSchema(SCHEMA_BASE + name);
    if (!validate) throw new Error(`schema ${name} not found in ${schemaDir}`);
    return validate;
  };
  const validators: SchemaValidators = {
    file: get('file.schema.json'),
    header: get('dataset.schema.json'),
    entity: get('entity.schema.json'),
    claim: get('claim.schema.json'),
  };
  cache.set(schemaDir, validators);
  return validators;
}

/** "/aliases/0/text" → "aliases[0].text" */
export function fieldPath(segments: readonly string[]): string {
  return segments.reduce((out, segment) => (/^\d+$/.test(segment) ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), '');
}

function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describeError(error: ErrorObject): { extra?: string; message: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { extra: String(params.missingProperty), message: 'is missing (required)' };
    case 'additionalProperties':
      return { extra: String(params.additionalProperty), message: 'is not a property the schema allows' };
    case 'enum':
      return { message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      return { message: `does not match the pattern ${String(params.pattern)}` };
    default:
      return { message: error.message ?? error.keyword };
  }
}

/**
 * Problems for one file. Errors inside entities[i] / claims[i] are reported
 * under that entry's id (or "entities[i]" when it has no usable id).
 */
export function schemaProblems(json: unknown, file: string, role: FileRole, validators: SchemaValidators): Problem[] {
  const validate = role === 'header' ? validators.header : validators.file;
  if (validate(json)) return [];
  return (validate.errors ?? []).map((error): Problem => {
    const segments = pointerSegments(error.instancePath);
    const { extra, message } = describeError(error);
    if (extra !== undefined) segments.push(extra);
    let id: string | undefined;
    let rest = segments;
    const [list, index] = segments;
    if ((list === 'entities' || list === 'claims') && index !== undefined && /^\d+$/.test(index)) {
      const entry = ((json as Record<string, unknown[]>)[list] ?? [])[Number(index)];
      const entryId = (entry as { id?: unknown } | undefined)?.id;
      id = typeof entryId === 'string' && entryId !== '' ? entryId : `${list}[${index}]`;
      rest = segments.slice(2);
    }
    return { severity: 'error', file, id, field: fieldPath(rest) || undefined, message };
  });
}
