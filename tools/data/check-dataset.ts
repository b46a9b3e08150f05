/**
 * checkDataset: every rule the dataset must pass, over a loaded dataset.
 * Schema first (ajv); the other rules see only entries that passed it, so a
 * malformed entry yields its schema errors and not a cascade of follow-ons.
 */
import { aliasKey } from '../../src/dataset/alias-key.ts';
import { todayUtc } from '../../src/dataset/dates.ts';
import type { PlacedId } from '../../src/dataset/integrity.ts';
import type { Claim, DatasetHeader, Entity } from '../../src/dataset/types.ts';
import type { LoadedDataset } from './load.ts';
import type { CompileIndex } from './matcher-api.ts';
import type { Problem } from './problem.ts';
import { checkAliases } from './rules/aliases.ts';
import type { CheckedEntry, RuleContext } from './rules/context.ts';
import { checkDates } from './rules/dates.ts';
import { checkFormatting } from './rules/formatting.ts';
import { checkIndex } from './rules/index-problems.ts';
import { checkLinks } from './rules/integrity.ts';
import { checkKinds } from './rules/kinds.ts';
import { checkSources } from './rules/sources.ts';
import { checkStyle } from './rules/style.ts';
import { checkWellFormedText } from './rules/well-formed-text.ts';
import { SCHEMA_DIR, schemaProblems, schemaValidators } from './schema-validation.ts';
import { foldUnknownLinks } from './unknown-links.ts';

export interface CheckOptions {
  /** YYYY-MM-DD; defaults to today (UTC). */
  today?: string;
  schemaDir?: string;
  /** The matcher's compiler; when given, its problems are reported too. */
  compileIndex?: CompileIndex;
  /** The matcher's alias folding; src/dataset/alias-key.ts stands in without it. */
  aliasKey?: (text: string) => string;
}

const location = (p: Problem) => `${p.file}\n${p.id ?? ''}\n${p.field ?? ''}`;

const isObject = (value: unknown): value is { entities?: unknown; claims?: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkDataset(loaded: LoadedDataset, options: CheckOptions = {}): Problem[] {
  const validators = schemaValidators(options.schemaDir ?? SCHEMA_DIR);
  const problems: Problem[] = [...loaded.problems];
  const entries: CheckedEntry[] = [];
  const unchecked: PlacedId<string>[] = [];
  // Entry files whose entries may not all have been read: not JSON, or an
  // error outside any entry (not an object, a list that is not a list, a key
  // that may be a misspelt list name).
  const unread: string[] = [];

  for (const file of loaded.files) {
    if (file.json === undefined) {
      if (file.role !== 'header') unread.push(file.path);
      continue;
    }
    const fileProblems = schemaProblems(file.json, file.path, file.role, validators);
    problems.push(...fileProblems);
    if (file.role === 'header') continue;
    if (fileProblems.some((p) => p.id === undefined)) unread.push(file.path);
    // A file that is not an object (null, a list, a number) has no entries;
    // the schema has already said what is wrong with it.
    if (!isObject(file.json)) continue;
    const json = file.json;
    for (const type of ['entity', 'claim'] as const) {
      const list = type === 'entity' ? json.entities : json.claims;
      if (!Array.isArray(list)) continue;
      const validate = type === 'entity' ? validators.entity : validators.claim;
      for (const entry of list as unknown[]) {
        if (validate(entry)) {
          entries.push(type === 'entity' ? { type, entry: entry as Entity, file: file.path } : { type, entry: entry as Claim, file: file.path });
        } else {
          const id = (entry as { id?: unknown } | null)?.id;
          if (typeof id === 'string') unchecked.push({ type, id, where: file.path });
        }
      }
    }
  }

  const context: RuleContext = {
    entries,
    // The formatting of a file of the wrong shape waits until it has the right one.
    files: loaded.files.filter((f) => !unread.includes(f.path)),
    today: options.today ?? todayUtc(),
    aliasKey: options.aliasKey ?? aliasKey,
  };
  problems.push(
    ...foldUnknownLinks(checkLinks(context, unchecked), unread),
    ...checkAliases(context),
    ...checkStyle(context),
    ...checkKinds(context),
    ...checkDates(context),
    ...checkSources(context),
    ...checkFormatting(context),
  );
  const illFormed = checkWellFormedText(context);
  problems.push(...illFormed);
  const header = loaded.dataset.header as DatasetHeader;
  if (options.compileIndex) {
    // The matcher also refuses an alias or cue that is not well-formed; the field is already reported.
    const reported = new Set(illFormed.map(location));
    problems.push(...checkIndex(context, header, options.compileIndex).filter((p) => !reported.has(location(p))));
  }
  return problems;
}
