/**
 * The schema pass over a loaded dataset: which entries passed it (the only
 * ones the rules, data:stats and data:import may trust the shape of), the
 * problems of the rest, and which files' entries could not all be read.
 */
import type { PlacedId } from '../../src/dataset/integrity.ts';
import type { Claim, Dataset, Entity } from '../../src/dataset/types.ts';
import type { LoadedDataset } from './load.ts';
import type { Problem } from './problem.ts';
import type { CheckedEntry } from './rules/context.ts';
import { schemaProblems, type SchemaValidators } from './schema-validation.ts';

export interface SchemaPass {
  /** The loader's problems and the schema's. */
  problems: Problem[];
  entries: CheckedEntry[];
  /** Ids of entries that failed the schema: links to them are not unknown. */
  unchecked: PlacedId<string>[];
  /**
   * Entry files whose entries may not all have been read: not JSON, or an
   * error outside any entry (not an object, a list that is not a list, a key
   * that may be a misspelt list name).
   */
  unread: string[];
}

const isObject = (value: unknown): value is { entities?: unknown; claims?: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function schemaPass(loaded: LoadedDataset, validators: SchemaValidators): SchemaPass {
  const pass: SchemaPass = { problems: [...loaded.problems], entries: [], unchecked: [], unread: [] };
  for (const file of loaded.files) {
    if (file.json === undefined) {
      if (file.role !== 'header') pass.unread.push(file.path);
      continue;
    }
    const fileProblems = schemaProblems(file.json, file.path, file.role, validators);
    pass.problems.push(...fileProblems);
    if (file.role === 'header') continue;
    if (fileProblems.some((p) => p.id === undefined)) pass.unread.push(file.path);
    // A file that is not an object (null, a list, a number) has no entries;
    // the schema has already said what is wrong with it.
    if (!isObject(file.json)) continue;
    for (const type of ['entity', 'claim'] as const) {
      const list = type === 'entity' ? file.json.entities : file.json.claims;
      if (!Array.isArray(list)) continue;
      const validate = type === 'entity' ? validators.entity : validators.claim;
      for (const entry of list as unknown[]) {
        if (validate(entry)) {
          pass.entries.push(type === 'entity' ? { type, entry: entry as Entity, file: file.path } : { type, entry: entry as Claim, file: file.path });
        } else {
          const id = (entry as { id?: unknown } | null)?.id;
          if (typeof id === 'string') pass.unchecked.push({ type, id, where: file.path });
        }
      }
    }
  }
  return pass;
}

/** The dataset made of the entries that passed. */
export function passedDataset(header: Dataset['header'], entries: readonly CheckedEntry[]): Dataset {
  return {
    header,
    entities: entries.flatMap((e) => (e.type === 'entity' ? [e.entry] : [])),
    claims: entries.flatMap((e) => (e.type === 'claim' ? [e.entry] : [])),
  };
}
