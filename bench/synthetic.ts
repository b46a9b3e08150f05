/**
 * Deterministic synthetic datasets for the benchmark.
 *
 * A seeded PRNG (mulberry32) draws entities until the alias count is
 * reached. Shapes, roughly as in a news dataset:
 * - people (35%): given name + surname (+ a middle initial sometimes); the
 *   surname alone as an afterFullName alias for a third of them;
 * - organisations (30%): 2–5 word names from templates ("Ministry of …",
 *   "… Liberation Front", "… Oil Company") plus an acronym of their initials;
 * - places and sites (30%): 1–3 word names ("… Province", "Camp …"), a few
 *   gated with `requires` on a country name;
 * - 5% long names (5–7 words).
 * Name parts mix a pool of real given names, English place words and
 * syllable-built surnames, so that pages share some words with the
 * vocabulary (as real pages do) without matching everything.
 *
 * Claims: one per 25 entities, 1–3 cues each, built the way the real
 * claims in data/claims are: a cue pairs something specific with common
 * words. Each claim is about one of the dataset's entities, and each cue
 * - names it (60%): its name (or "Name|ACRONYM", "Full Name|Surname"), then
 *   one or two groups of common news words ("killed|died", "fund*|financ*"),
 *   sometimes a second entity of the dataset instead of the second group;
 * - or states a number (25%) with a group of common words: half the time a
 *   specific figure alone ("603", "1,500 people", "40 percent", "$3
 *   billion"), half the time a figure or a small count ("12", "three") next
 *   to the entity's name, as in data/claims ("three|3" comes with "Jordan|
 *   Tower 22", never alone);
 * - or uses a demonym-like wildcard on a place name (15%), as real cues
 *   write "Israel*" or "Syria*": the stems come from a fixed pool of 150
 *   places, as a real dataset has a few hundred country and region names,
 *   not one per entity.
 * maxGap 4–11, as in the real cues.
 *
 * `claims: 'common-words'` keeps the generator this benchmark used first:
 * every cue drawn from the same 20 common news words, a few numbers and
 * ten country names. At 200k aliases (7,000 claims) nearly every sentence
 * of a news page then contains some cue's anchor: the claim walk's worst
 * case, reported as its own row.
 */
import type { Alias, Cue } from '../src/dataset/types.ts';
import type { PatternSet } from '../src/matcher/types.ts';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'John', 'Mary', 'Ahmed', 'Ali', 'Fatima', 'David', 'Sarah', 'Mohammed', 'Hassan', 'Leila', 'James', 'Anna',
  'Omar', 'Yusuf', 'Elena', 'Peter', 'Maria', 'Karim', 'Nadia', 'Michael', 'Laura', 'Ibrahim', 'Sofia', 'Daniel',
  'Amir', 'Rania', 'Thomas', 'Julia', 'Samir', 'Hana', 'Robert', 'Emma', 'Khalid', 'Zainab', 'William', 'Lucy',
];
const PLACE_WORDS = [
  'River', 'Valley', 'Province', 'District', 'Airport', 'Base', 'Field', 'Port', 'Bridge', 'Station', 'Camp',
  'Hill', 'Lake', 'Bay', 'Gate', 'Square', 'Harbour', 'Plain', 'Desert', 'Mountain', 'North', 'South', 'East',
  'West', 'New', 'Old', 'Upper', 'Lower', 'Green', 'Red', 'White', 'Black', 'Central', 'Grand',
];
const ORG_HEADS = ['Ministry of', 'Bank of', 'Council of', 'Office of', 'Party of', 'Union of', 'Front for'];
const ORG_TAILS = [
  'Liberation Front', 'Oil Company', 'Defence Forces', 'Resistance Movement', 'News Agency', 'Relief Agency',
  'Support Group', 'Energy Corporation', 'Human Rights Watch', 'Reform Party', 'Security Council', 'Brigades',
];
const ORG_TOPICS = [
  'Energy', 'Defence', 'Finance', 'Health', 'Justice', 'Trade', 'Water', 'Transport', 'Culture', 'Labour',
  'Information', 'Interior', 'Foreign Affairs', 'Agriculture', 'Education', 'Reconstruction',
];
const COUNTRIES = ['Syria', 'Iraq', 'Iran', 'Lebanon', 'Jordan', 'Yemen', 'Egypt', 'Israel', 'Turkey', 'Libya'];
const NEWS_WORDS = [
  'attack*', 'strike*', 'troops', 'forces', 'killed', 'oil', 'gas', 'occupation', 'damage', 'sanction*', 'base*',
  'militia*', 'drone*', 'rocket*', 'ceasefire', 'election*', 'protest*', 'refugee*', 'government', 'army',
];
const NUMBER_TERMS = ['90 percent', '$100 billion', '900 troops', 'sixteen times', '1,000 people', 'two million'];
const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'br', 'tr', 'gr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ia'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'm', 'd', 'k', 'v'];

export interface SyntheticOptions {
  aliases: number;
  seed?: number;
  /** How cues are drawn (see above); default 'realistic'. */
  claims?: 'realistic' | 'common-words';
}

/** Groups of common news words, as cue terms write them. */
const COMMON_GROUPS = [
  'said|says|claimed', 'killed|died|dead', 'attack*|struck|strike*', 'fund*|financ*', 'control*|held|seized',
  'deal|agreement|accord', 'troops|forces|soldiers', 'elect*|vote*|ballot*', 'ban*|sanction*', 'deny|denied|denies',
  'support*|backed', 'arrest*|detain*', 'accus*|blame*', 'build*|built|construct*', 'protest*|rallies|rally',
  'oil|gas|energy', 'border|frontier', 'refugee*|displaced', 'aid|relief', 'talks|negotiat*', 'report*|found',
  'lost|loss*|damage*', 'plan*|propos*', 'order*|command*', 'bomb*|shell*|missile*', 'occup*|annex*',
];
/** Nouns counted in number cues. */
const COUNTED = ['people', 'troops', 'civilians', 'fighters', 'homes', 'rockets', 'times', 'villages', 'schools', 'attacks'];
const MONEY_SCALES = ['million', 'billion'];
const SMALL_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'sixteen', 'twenty'];

export function syntheticPatternSet({ aliases: target, seed = 1, claims: claimStyle = 'realistic' }: SyntheticOptions): PatternSet {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const chance = (p: number) => rand() < p;
  const syllableWord = () => {
    const syllables = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const used = new Set<string>();
  const fresh = (text: string): boolean => {
    const key = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
    if (used.has(key)) return false;
    used.add(key);
    return true;
  };
  const acronymOf = (name: string) =>
    name
      .split(/\s+/)
      .filter((w) => w.length > 2 && w[0] === w[0]!.toUpperCase())
      .map((w) => w[0])
      .join('');

  const entities: Array<{ aliases: Alias[] }> = [];
  /** Entries usable in cues: main name and an alternative spelling; places kept apart for wildcards. */
  const named: Array<{ name: string; alt: string | null }> = [];
  const places: string[] = [];
  let count = 0;
  while (count < target) {
    const aliases: Alias[] = [];
    const roll = rand();
    if (roll < 0.35) {
      const surname = syllableWord();
      const full = chance(0.15) ? `${pick(GIVEN)} ${syllableWord()[0]}. ${surname}` : `${pick(GIVEN)} ${surname}`;
      if (!fresh(full)) continue;
      aliases.push({ text: full });
      if (chance(0.33) && fresh(`~${surname}`)) aliases.push({ text: surname, afterFullName: true });
      named.push({ name: full, alt: surname });
    } else if (roll < 0.65) {
      const name = chance(0.5)
        ? `${pick(ORG_HEADS)} ${pick(ORG_TOPICS)} ${chance(0.5) ? syllableWord() : ''}`.trim()
        : `${syllableWord()} ${pick(ORG_TAILS)}`;
      if (!fresh(name)) continue;
      aliases.push({ text: name });
      const acronym = acronymOf(name);
      const hasAcronym = acronym.length >= 2 && acronym.length <= 5 && fresh(acronym);
      if (hasAcronym) aliases.push({ text: acronym, case: 'sensitive' });
      named.push({ name, alt: hasAcronym ? acronym : null });
    } else if (roll < 0.95) {
      const words = 1 + Math.floor(rand() * 3);
      const parts = [syllableWord()];
      for (let i = 1; i < words; i++) parts.push(pick(PLACE_WORDS));
      if (chance(0.3)) parts.reverse();
      const name = parts.join(' ');
      if (!fresh(name)) continue;
      if (chance(0.05)) aliases.push({ text: name, requires: [pick(COUNTRIES), pick(COUNTRIES)] });
      else aliases.push({ text: name });
      named.push({ name, alt: null });
      if (words === 1 && places.length < 150) places.push(name);
    } else {
      const words = 5 + Math.floor(rand() * 3);
      const parts: string[] = [];
      for (let i = 0; i < words; i++) parts.push(i % 3 === 1 ? pick(PLACE_WORDS) : syllableWord());
      const name = parts.join(' ');
      if (!fresh(name)) continue;
      aliases.push({ text: name });
      named.push({ name, alt: null });
    }
    entities.push({ aliases });
    count += aliases.length;
  }

  const claims: Array<{ cues: Cue[] }> = [];
  const claimCount = Math.max(1, Math.floor(entities.length / 25));
  if (claimStyle === 'common-words') {
    for (let c = 0; c < claimCount; c++) {
      const cues: Cue[] = [];
      const n = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) {
        const terms = [pick(NEWS_WORDS)];
        if (chance(0.5)) terms.push(pick(NUMBER_TERMS));
        terms.push(chance(0.5) ? `${pick(NEWS_WORDS).replace('*', '')}|${pick(NEWS_WORDS)}` : pick(COUNTRIES));
        cues.push({ terms, maxGap: 4 + Math.floor(rand() * 8) });
      }
      claims.push({ cues });
    }
    return { version: `synthetic-${target}-common-words`, hash: `seed-${seed}`, entities, claims };
  }
  const nameTerm = (e: { name: string; alt: string | null }) => (e.alt !== null && chance(0.5) ? `${e.name}|${e.alt}` : e.name);
  /** A small count ("12", "three|3"): real cues use one only next to a name. */
  const countTerm = (): string => {
    const n = 2 + Math.floor(rand() * 29);
    return chance(0.3) ? pick(SMALL_WORDS) : String(n);
  };
  /** A specific figure, as real cues state one on its own ("603", "1,500 people", "40 percent", "$3 billion"). */
  const numberTerm = (): string => {
    const roll = rand();
    if (roll < 0.2) return String(61 + Math.floor(rand() * 939));
    if (roll < 0.5) {
      const n = chance(0.5) ? (1 + Math.floor(rand() * 9)) * 100 : (1 + Math.floor(rand() * 90)) * 500;
      return `${n.toLocaleString('en-US')} ${pick(COUNTED)}`; // "1,500 people"
    }
    if (roll < 0.8) return `${5 + 5 * Math.floor(rand() * 19)}${chance(0.5) ? ' percent' : '%'}`; // "40 percent"
    return `$${1 + Math.floor(rand() * 500)} ${pick(MONEY_SCALES)}`; // "$3 billion"
  };
  for (let c = 0; c < claimCount; c++) {
    const subject = pick(named);
    const cues: Cue[] = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      const roll = rand();
      let terms: string[];
      if (roll < 0.6) {
        terms = [nameTerm(subject), pick(COMMON_GROUPS)];
        if (chance(0.25)) terms.push(nameTerm(pick(named)));
        else if (chance(0.5)) terms.push(pick(COMMON_GROUPS));
      } else if (roll < 0.85) {
        if (chance(0.5)) {
          terms = [numberTerm(), pick(COMMON_GROUPS)];
        } else {
          terms = [chance(0.5) ? countTerm() : numberTerm(), pick(COMMON_GROUPS)];
          terms.splice(chance(0.5) ? 0 : 2, 0, nameTerm(subject));
        }
      } else {
        const stem = places.length > 0 ? pick(places) : subject.name.split(' ')[0]!;
        terms = [`${stem}*`, pick(COMMON_GROUPS)];
        if (chance(0.5)) terms.push(pick(COMMON_GROUPS));
      }
      cues.push({ terms, maxGap: 4 + Math.floor(rand() * 8) });
    }
    claims.push({ cues });
  }
  return { version: `synthetic-${target}`, hash: `seed-${seed}`, entities, claims };
}
