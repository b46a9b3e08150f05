/**
 * Coverage of the page Backstory was first made for (/work/shared/seed-article.txt):
 * every name and claim below, read off the article, must be found by the
 * matcher with the real dataset. Fails until the content teams and the matcher
 * are done; the failure lists exactly what is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBundle, patternSet } from '../../../src/dataset/bundle.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { loadMatcher } from '../../../tools/data/matcher-api.ts';
import { textBlocks } from '../../../tools/data/page-blocks.ts';
import { scanPage } from '../../../tools/data/page-coverage.ts';

const ARTICLE = '/work/shared/seed-article.txt';
const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));

/** Names as the article writes them; `at` picks one occurrence where the name appears in several roles. */
const NAMES: Array<{ name: string; at?: string }> = [
  { name: 'Al-Omar oil field' },
  { name: 'Deir ez-Zor' },
  { name: 'Popular Mobilization Forces' },
  { name: 'Pentagon' },
  { name: 'Conoco Gas Field' },
  { name: 'Erbil' },
  { name: 'Islamic Resistance in Iraq' },
  { name: 'Pat Ryder' },
  { name: 'Ryder', at: 'Ryder said' }, // the surname alone, after the full name
  { name: 'Iran' },
  { name: 'Al Tanf Garrison' },
  { name: 'US Central Command' },
  { name: 'Mission Support Site Euphrates' },
  { name: 'Mission Support Site Green Village' },
  { name: 'Bashur' },
  { name: 'Baghdad Diplomatic Support Center' },
  { name: 'Daesh' },
  { name: 'ISIS' },
  { name: 'Russia' },
  { name: 'Hezbollah' },
  { name: 'United Nations' },
  { name: 'Damascus' },
  { name: 'Joe Biden' },
  { name: 'Ali Khamenei' },
  { name: 'IRGC Quds Force' },
  { name: 'Qasem Soleimani' },
  { name: 'Baghdad', at: 'attack in Baghdad' },
  { name: 'Saudi Arabia' },
  { name: 'al-Qaeda' },
  { name: 'Hamas' },
  { name: 'Gaza' },
  { name: 'Tehran' },
  { name: 'China' },
  { name: 'Turkiye' },
  { name: 'Amir-Abdollahian' },
  { name: 'Tel Aviv' },
  { name: 'Washington' },
];

/** Claims, each located by the words that make it: a claim match must overlap them. */
const CLAIMS: Array<{ claim: string; at: string }> = [
  { claim: 'the US presence in Syria is illegal', at: 'an illegal US military base' },
  { claim: 'attack counts: at least 16 attacks this month, 13 between October 17 and 24', at: 'at least 16 times so far this month' },
  { claim: 'injuries: 19 US service members with traumatic brain injuries', at: 'Some 19 US service members' },
  { claim: 'troop numbers: at least 900 US troops in Syria', at: 'manned by at least 900 troops' },
  { claim: 'up to 90 percent of Syria’s oil and gas under occupation', at: 'up to 90 percent of its modest oil and gas' },
  { claim: 'over $100 billion in damage to the energy sector', at: 'well over $100 billion in damage' },
  { claim: 'Al-Tanf used to train militants', at: 'used by the Pentagon to train terrorist militants' },
  { claim: 'the killing of Qasem Soleimani', at: 'assassinated Quds Force commander Qasem Soleimani' },
  { claim: 'Soleimani was on a peace mission', at: 'on a peace mission negotiating a rapprochement' },
  { claim: 'the Pentagon’s strikes on two facilities in Syria', at: 'US forces had struck two facilities in Syria' },
  { claim: 'the coalition that defeated ISIS', at: 'crushed by an unlikely coalition which included' },
];

describe.skipIf(!existsSync(ARTICLE))('coverage of the seed article', () => {
  it('finds every known name and claim', async () => {
    const matcher = await loadMatcher();
    expect(matcher.ok ? '' : matcher.reason, 'the matcher must load').toBe('');
    if (!matcher.ok) return;
    const { api } = matcher;
    const loaded = await loadDataset(DATA);
    const compiled = api.compileIndex(patternSet(loaded.dataset, loaded.hash));
    const bundle = makeBundle(loaded.dataset, loaded.hash);
    const blocks = textBlocks(readFileSync(ARTICLE, 'utf8'));
    const matches = scanPage(api.Matcher.load(compiled.bytes), blocks);
    const isEntity = (entry: number) => bundle.entries[entry]?.type === 'entity';
    const missing: string[] = [];

    for (const { name, at } of NAMES) {
      const occurrences = blocks.flatMap((text, block) => {
        const anchor = at ?? name;
        const found: Array<{ block: number; start: number; end: number }> = [];
        for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) {
          const start = i + anchor.indexOf(name);
          found.push({ block, start, end: start + name.length });
        }
        return found;
      });
      if (occurrences.length === 0) throw new Error(`test bug: "${at ?? name}" is not in the article`);
      // Found when an entity match covers the name at one of its occurrences.
      const found = occurrences.some((o) => matches.some((m) => m.block === o.block && isEntity(m.entry) && m.start <= o.start && m.end >= o.end));
      if (!found) missing.push(`name: ${name}${at ? ` (in "${at}")` : ''}`);
    }

    // Claims: each needs a claim match overlapping its words, and claims made
    // side by side (Soleimani's killing, his peace mission) need different entries.
    const used = new Set<number>();
    for (const { claim, at } of CLAIMS) {
      const block = blocks.findIndex((b) => b.includes(at));
      if (block < 0) throw new Error(`test bug: "${at}" is not in the article`);
      const start = blocks[block]!.indexOf(at);
      const end = start + at.length;
      const entries = new Set(matches.filter((m) => m.block === block && !isEntity(m.entry) && m.start < end && m.end > start).map((m) => m.entry));
      const entry = [...entries].find((e) => !used.has(e));
      if (entry === undefined) missing.push(`claim: ${claim} (at "${at}")${entries.size > 0 ? ': only entries already counted for another claim' : ''}`);
      else used.add(entry);
    }

    expect(missing, `not found on the seed article:\n  ${missing.join('\n  ')}`).toEqual([]);
  });
});
