/**
 * Aliases: each must still say something once normalised, gates must be
 * usable, and no two entries may claim the same words on a page unless all
 * but at most one of them are gated (`requires` or `afterFullName`).
 */
import type { Alias } from '../../../src/dataset/types.ts';
import type { Problem } from '../problem.ts';
import { entitiesOf, type Rule } from './context.ts';

const isGated = (alias: Alias) => (alias.requires?.length ?? 0) > 0 || alias.afterFullName === true;

interface Use {
  id: string;
  file: string;
  index: number;
  alias: Alias;
}

export const checkAliases: Rule = (context) => {
  const { aliasKey } = context;
  const problems: Problem[] = [];
  const uses = new Map<string, Use[]>();

  for (const { entry, file } of entitiesOf(context)) {
    const problem = (field: string, message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ severity, file, id: entry.id, field, message });
    const keysInEntry = new Map<string, number>();

    entry.aliases.forEach((alias, index) => {
      const field = `aliases[${index}].text`;
      const key = aliasKey(alias.text);
      if (key.length < 2) {
        problem(field, `"${alias.text}" is empty once spaces, dashes and apostrophes are ignored`);
        return;
      }
      if (alias.text !== alias.text.trim()) problem(field, 'has leading or trailing spaces');
      const earlier = keysInEntry.get(key);
      if (earlier !== undefined) {
        problem(field, `repeats aliases[${earlier}] ("${entry.aliases[earlier]?.text}") once normalised`, 'warning');
      } else {
        keysInEntry.set(key, index);
      }
      alias.requires?.forEach((term, t) => {
        if (aliasKey(term).length < 2) problem(`aliases[${index}].requires[${t}]`, `"${term}" is empty once normalised`);
      });
      const list = uses.get(key) ?? [];
      list.push({ id: entry.id, file, index, alias });
      uses.set(key, list);
    });

    if (entry.aliases.some((a) => a.afterFullName) && !entry.aliases.some((a) => !isGated(a))) {
      const index = entry.aliases.findIndex((a) => a.afterFullName);
      problem(`aliases[${index}].afterFullName`, 'can never match: the entry has no ungated alias to appear first');
    }
  }

  for (const list of uses.values()) {
    const entryIds = new Set(list.map((u) => u.id));
    if (entryIds.size < 2) continue;
    // One ungated alias per distinct entry; several on the same entry are a repeat, reported above.
    const ungated = list.filter((u) => !isGated(u.alias));
    const ungatedEntries = new Set(ungated.map((u) => u.id));
    if (ungatedEntries.size < 2) continue;
    for (const use of ungated) {
      const others = [...ungatedEntries].filter((id) => id !== use.id).sort();
      problems.push({
        severity: 'error',
        file: use.file,
        id: use.id,
        field: `aliases[${use.index}].text`,
        message: `"${use.alias.text}" is also an ungated alias of ${others.join(', ')}; gate all but one with requires or afterFullName`,
      });
    }
  }
  return problems;
};
