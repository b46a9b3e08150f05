/**
 * A validator for the part of JSON Schema draft-07 that data/schema/ uses,
 * written plainly so it can run in extension pages: ajv compiles schemas with
 * `new Function`, which the extension's content security policy forbids.
 *
 * It interprets the schema JSON itself, so the schema stays the one source of
 * truth, and it refuses a schema that uses a keyword it does not implement
 * rather than silently ignoring it. Like ajv 8 it applies keywords written
 * beside a `$ref`, counts string length in code points and compiles
 * patterns with the `u` flag. test/unit/dataset/validate.test.ts checks that
 * it agrees with ajv.
 */

export interface JsonSchema {
  $id?: string;
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  definitions?: Record<string, JsonSchema>;
}

export interface SchemaError {
  /** Where in the value: "entities[3].aliases[0].text"; "" for the value itself. */
  path: string;
  message: string;
}

const SUPPORTED = new Set([
  '$schema', '$id', '$ref', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items',
  'enum', 'pattern', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum', 'definitions',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeMatches(type: NonNullable<JsonSchema['type']>, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

const codePoints = (text: string) => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A set of schemas that reference each other by `$id`. */
export class SchemaSet {
  readonly #byId = new Map<string, JsonSchema>();
  readonly #patterns = new Map<string, RegExp>();

  constructor(schemas: readonly JsonSchema[]) {
    for (const schema of schemas) {
      if (!schema.$id) throw new Error('every schema in a SchemaSet needs an $id');
      this.#byId.set(schema.$id, schema);
      this.#audit(schema, schema.$id);
    }
  }

  /** Every error in `value` against the schema with this `$id` (all errors, like ajv's allErrors). */
  validate(id: string, value: unknown, path = ''): SchemaError[] {
    const schema = this.#byId.get(id);
    if (!schema) throw new Error(`unknown schema ${id}`);
    const errors: SchemaError[] = [];
    this.#check(schema, id, value, path, errors);
    return errors;
  }

  #audit(schema: JsonSchema, where: string): void {
    for (const key of Object.keys(schema)) {
      if (!SUPPORTED.has(key)) throw new Error(`schema keyword "${key}" at ${where} is not supported by schema-subset.ts`);
    }
    const children = [
      ...Object.entries(schema.properties ?? {}),
      ...Object.entries(schema.definitions ?? {}),
      ...(schema.items ? [['items', schema.items] as const] : []),
    ];
    for (const [key, child] of children) this.#audit(child, `${where}/${key}`);
  }

  #resolve(ref: string, baseId: string): { schema: JsonSchema; baseId: string } {
    // Refs here are "#/pointer" or "sibling.schema.json#/pointer"; resolved by
    // hand because this module may use neither DOM nor Node types (no URL).
    const hash = ref.indexOf('#');
    const documentPart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = decodeURIComponent(hash < 0 ? '' : ref.slice(hash + 1));
    const documentId =
      documentPart === '' ? baseId
      : documentPart.includes('://') ? documentPart
      : baseId.slice(0, baseId.lastIndexOf('/') + 1) + documentPart;
    let schema: unknown = this.#byId.get(documentId);
    if (!schema) throw new Error(`$ref ${ref} from ${baseId}: no schema ${documentId}`);
    for (const segment of pointer.split('/').slice(1)) {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      schema = isObject(schema) && Object.hasOwn(schema, key) ? schema[key] : undefined;
      if (!isObject(schema)) throw new Error(`$ref ${ref} from ${baseId} does not resolve`);
    }
    return { schema: schema as JsonSchema, baseId: documentId };
  }

  #pattern(source: string): RegExp {
    let re = this.#patterns.get(source);
    if (!re) this.#patterns.set(source, (re = new RegExp(source, 'u')));
    return re;
  }

  #check(schema: JsonSchema, baseId: string, value: unknown, path: string, errors: SchemaError[]): void {
    const fail = (message: string, at = path) => errors.push({ path: at, message });

    if (schema.$ref !== undefined) {
      const target = this.#resolve(schema.$ref, baseId);
      this.#check(target.schema, target.baseId, value, path, errors);
    }
    if (schema.type !== undefined && !typeMatches(schema.type, value)) {
      fail(`must be ${/^[aeiou]/.test(schema.type) ? 'an' : 'a'} ${schema.type}`);
      return; // the other keywords only apply to their own type
    }
    if (schema.enum !== undefined && !schema.enum.some((allowed) => allowed === value)) {
      fail(`must be one of: ${schema.enum.join(', ')}`);
    }

    if (typeof value === 'string') {
      const length = codePoints(value);
      if (schema.minLength !== undefined && length < schema.minLength) fail(`must be at least ${schema.minLength} characters long`);
      if (schema.maxLength !== undefined && length > schema.maxLength) fail(`must be at most ${schema.maxLength} characters long`);
      if (schema.pattern !== undefined && !this.#pattern(schema.pattern).test(value)) fail(`does not match the pattern ${schema.pattern}`);
    }

    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum) fail(`must be at least ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) fail(`must be at most ${schema.maximum}`);
    }

    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems) fail(`must have at least ${schema.minItems} items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`must have at most ${schema.maxItems} items`);
      if (schema.items) value.forEach((item, i) => this.#check(schema.items!, baseId, item, join(path, i), errors));
    }

    if (isObject(value)) {
      for (const key of schema.required ?? []) {
        if (!Object.hasOwn(value, key)) fail('is required', join(path, key));
      }
      for (const [key, child] of Object.entries(value)) {
        // Own properties only: a key such as "toString" must not find Object.prototype's.
        const property = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
        if (property) this.#check(property, baseId, child, join(path, key), errors);
        else if (schema.additionalProperties === false) fail('is not an allowed property', join(path, key));
      }
    }
  }
}
