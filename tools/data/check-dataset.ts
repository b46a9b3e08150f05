/**
 * checkDataset: every rule the dataset must pass, over a loaded dataset.
 * Schema first (ajv); the other rules see only entries that passed it, so a
 * malformed entry yields its schema errors and not a cascade of follow-ons.
 */
import { aliasKey } from '../../src/dataset/alias-key.ts';
import { todayUtc } from '../../src/dataset/dates.ts';
import type { DatasetHeader } from '../../src/dataset/types.ts';
import type { LoadedDataset } from './load.ts';
import type { CompileIndex } from './matcher-api.ts';
import type { Problem } from './problem.ts';
import { checkAliases } from './rules/aliases.ts';
import type { RuleContext } from './rules/context.ts';
import { checkDates } from './rules/dates.ts';
import { checkFormatting } from './rules/formatting.ts';
import { checkIndex } from './rules/index-problems.ts';
import { checkLinks } from './rules/integrity.ts';
import { checkKinds } from './rules/kinds.ts';
import { checkSources } from './rules/sources.ts';
import { checkStyle } from './rules/style.ts';
import { checkWellFormedText } from './rules/well-formed-text.ts';
import { schemaPass } from './schema-pass.ts';
import { SCHEMA_DIR, schemaValidators } from './schema-validation.ts';
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

export function checkDataset(loaded: LoadedDataset, options: CheckOptions = {}): Problem[] {
  const { problems, entries, unchecked, unread } = schemaPass(loaded, schemaValidators(options.schemaDir ?? SCHEMA_DIR));

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
