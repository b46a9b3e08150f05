/**
 * Aliases: each must still say something once normalised, gates must be
 * usable, and no two entries may claim the same words on a page unless all
 * but at most one of them are gated (`requires` or `afterFullName`).
 */
import type { Alias } from '../../../src/dataset/types.ts';
import type { Problem } from '../problem.ts';
import { entitiesOf, type Rule } from './context.ts';

const isGated = (alias: Alias) => (alias.requires?.length ?? 0) > 0 || alias.afterFullName === true;

/** Endings of English demonyms: Israeli, Iranian, Syrian, Lebanese, Turkish, Yemeni. */
const DEMONYM_ENDINGS = ['i', 'ian', 'an', 'n', 'ese', 'ish', 'ean'];

/**
 * Does the one-word alias read as the demonym of the one-word place name
 * (Israeli of Israel, Syrian of Syria, Lebanese of Lebanon, Turkish of
 * Turkey)? Both share at least their first four letters, and the alias
 * ends as demonyms do; a one-letter change at the end is a spelling
 * (Kobane / Kobani).
 */
export function looksLikeDemonym(alias: string, name: string): boolean {
  const a = alias.toLowerCase();
  const n = name.toLowerCase();
  if (a === n || !/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(n)) return false;
  let shared = 0;
  while (shared < a.length && shared < n.length && a[shared] === n[shared]) shared++;
  if (shared < 4 || shared < n.length - 2) return false;
  const rest = a.slice(shared);
  // A one-letter ending in place of the name's last letter is a spelling (Kobane / Kobani), not a demonym.
  if (rest.length < 2 && shared < n.length) return false;
  return rest.length > 0 && DEMONYM_ENDINGS.some((ending) => rest.endsWith(ending) && rest.length <= ending.length + 1);
}

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

    // A demonym is no alias of its place (data/README.md): none has one, so that none is singled out.
    if (entry.kind === 'place') {
      const names = [entry.name, ...entry.aliases.map((a) => a.text)].filter((t) => /^\p{L}+$/u.test(t));
      entry.aliases.forEach((alias, index) => {
        const of = names.find((name) => looksLikeDemonym(alias.text, name));
        if (of !== undefined && !isGated(alias)) {
          problem(`aliases[${index}].text`, `"${alias.text}" reads as the demonym of "${of}"; a demonym is no alias of its place (use it as a context term)`, 'warning');
        }
      });
    }

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
