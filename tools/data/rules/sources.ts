/**
 * Source URLs: https, no spaces, parseable; Wikipedia cited by its canonical
 * article address (https://en.wikipedia.org/wiki/Title), not a mobile page,
 * a search or an edit link. Also flags the same URL cited twice in one list.
 */
import type { Source } from '../../../src/dataset/types.ts';
import type { Problem } from '../problem.ts';
import type { Rule } from './context.ts';

/** Problems with one URL; empty when it looks right. */
export function urlProblems(url: string): Array<{ severity: Problem['severity']; message: string }> {
  if (!url.startsWith('https://')) return [{ severity: 'error', message: 'must start with https://' }];
  if (/\s/.test(url)) return [{ severity: 'error', message: 'contains a space; encode it or, for Wikipedia, use _' }];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ severity: 'error', message: 'is not a valid URL' }];
  }
  if (!parsed.hostname.includes('.')) return [{ severity: 'error', message: `host "${parsed.hostname}" is not a domain` }];
  if (!/(^|\.)wikipedia\.org$/.test(parsed.hostname)) return [];

  const found: Array<{ severity: Problem['severity']; message: string }> = [];
  const wikiForm = /^([a-z]{2,3}(?:-[a-z]+)?)\.wikipedia\.org$/.exec(parsed.hostname);
  if (!wikiForm) {
    found.push({ severity: 'error', message: 'Wikipedia URLs take the form https://en.wikipedia.org/wiki/Title (no mobile or other host)' });
  } else if (wikiForm[1] !== 'en') {
    found.push({ severity: 'warning', message: `cites ${wikiForm[1]}.wikipedia.org; prefer the English article where there is one` });
  }
  if (!/^\/wiki\/[^/]/.test(parsed.pathname) || parsed.search !== '') {
    found.push({ severity: 'error', message: 'Wikipedia URLs take the form https://en.wikipedia.org/wiki/Title (no query, index.php or bare domain)' });
  } else if (/^\/wiki\/(Special|Talk|User|File|Wikipedia):/.test(parsed.pathname)) {
    found.push({ severity: 'error', message: 'cite the article, not a special, talk, user or file page' });
  }
  if (parsed.hash !== '') found.push({ severity: 'warning', message: 'links to a section; check the anchor exists' });
  return found;
}

export const checkSources: Rule = (context) => {
  const problems: Problem[] = [];
  for (const item of context.entries) {
    const lists: Array<[prefix: string, sources: readonly Source[]]> = [['', item.entry.sources]];
    if (item.type === 'claim') item.entry.perspectives.forEach((p, i) => lists.push([`perspectives[${i}].`, p.sources]));
    for (const [prefix, sources] of lists) {
      const seen = new Map<string, number>();
      sources.forEach((source, i) => {
        const field = `${prefix}sources[${i}].url`;
        for (const { severity, message } of urlProblems(source.url)) {
          problems.push({ severity, file: item.file, id: item.entry.id, field, message });
        }
        const earlier = seen.get(source.url);
        if (earlier !== undefined) {
          problems.push({ severity: 'warning', file: item.file, id: item.entry.id, field, message: `same URL as ${prefix}sources[${earlier}]` });
        } else {
          seen.set(source.url, i);
        }
      });
    }
  }
  return problems;
};
