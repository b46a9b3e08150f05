/**
 * The matcher's own verdict on aliases and cues: compileIndex reports
 * patterns it cannot use (a cue that never matches, an alias that is all
 * stop words...). Its problems name entry numbers (and, when one points at
 * another entry, that entry's id); these name ids and files.
 */
import { orderedEntries, patternSet } from '../../../src/dataset/bundle.ts';
import type { Dataset } from '../../../src/dataset/types.ts';
import type { CompileIndex } from '../matcher-api.ts';
import { passedDataset } from '../schema-pass.ts';
import type { Problem } from '../problem.ts';
import type { RuleContext } from './context.ts';

export function checkIndex(context: RuleContext, header: Dataset['header'], compileIndex: CompileIndex): Problem[] {
  const dataset = passedDataset(header, context.entries);
  const fileOf = new Map<string, string>();
  for (const { entry, file } of context.entries) if (!fileOf.has(entry.id)) fileOf.set(entry.id, file);
  const { entities, claims } = orderedEntries(dataset);
  const ordered = [...entities, ...claims];

  let result: ReturnType<CompileIndex>;
  try {
    result = compileIndex(patternSet(dataset, 'check'));
  } catch (error) {
    return [{ severity: 'error', file: 'src/matcher', message: `compileIndex threw: ${error instanceof Error ? error.message : String(error)}` }];
  }
  return result.problems.map((p): Problem => {
    const entry = ordered[p.entry];
    return {
      severity: p.severity,
      file: (entry && fileOf.get(entry.id)) ?? 'data',
      id: entry?.id ?? `entry ${p.entry}`,
      field: p.field,
      message: p.message,
    };
  });
}
