/**
 * PatternSet → IndexData. Reads every alias, context term and cue, skips and
 * reports what cannot be used (compile-problems.ts lists the rules), and
 * flattens what remains into the arrays of index-data.ts.
 */
import type { PatternSet } from './types.ts';
import { CASE_INSENSITIVE, CASE_SENSITIVE, resolveCase } from './case-rules.ts';
import type { CueItem } from './cue-terms.ts';
import { parseTerm, termKey, wildcardKey, type TermAlternative } from './cue-terms.ts';
import { LOWER_CASE_LETTER } from './char-info.ts';
import { hashFolded } from './hash.ts';
import { buildKeyTable, wordFilter } from './hash-table.ts';
import {
  ALIAS_AFTER_FULL_NAME,
  ALIAS_AMBIGUOUS_WORD,
  ALIAS_NOT_A_PLACE,
  ALIAS_COMMON_WORD,
  ALIAS_REQUIRES,
  ATTR_CUE_ANCHOR,
  ATTR_CUE_ITEM,
  ATTR_NUMBER_WORD,
  CUES_ANY_DIGIT,
  CUES_NUMBERS,
  CUES_WILD_ANCHORS,
  CHECK_CASED,
  CHECK_NONE,
  CHECK_PREFIX,
  CHECK_WORD,
  META_CLAIMS,
  META_CUE_FLAGS,
  META_CUES,
  META_ENTITIES,
  META_GATES,
  META_LENGTH,
  META_SYMBOLS,
  META_TERMS,
  META_UNIT_SYMS,
  META_WILDS,
  WILD_ANCHOR,
  WILD_BITS_WORDS,
  WILD_CAPITAL,
  WILD_CASED,
  wildKeyOf,
  type IndexData,
} from './index-data.ts';
import {
  DEFAULT_MAX_GAP,
  MAX_CUE_TERMS,
  MAX_MAX_GAP,
  MAX_PATTERN_CHARS,
  MAX_PATTERN_TOKENS,
} from './limits.ts';
import { NUMBER_WORDS, NW_AND, UNIT_WORDS } from './numbers.ts';
import { COMMON_WORDS } from './common-words.ts';
import { STOP_WORDS } from './stop-words.ts';
import { analysePhrase, type PhraseToken } from './phrase.ts';
import type { PatternProblem } from './problems.ts';
import { TrieBuilder } from './trie-builder.ts';

/** A word used by this many aliases, context terms or cue items is generic (see the anchors). */
const GENERIC_WORD_USES = 16;

interface PatternRec {
  syms: number[];
  caseMode: number;
  target: number;
  fold: string;
  cased: string;
  /** Gap signatures joined by SIG_SEPARATOR; "" when every gap is plain. */
  sig: string;
}

/** Separates the gap signatures of one pattern in strSig; SIG_TAIL starts its closing punctuation. */
const SIG_SEPARATOR = '\u0001';
const SIG_TAIL = '\u0002';
const signatureOf = (gaps: readonly string[], tail = '') =>
  (gaps.every((g) => g === '') ? (tail === '' ? '' : gaps.join(SIG_SEPARATOR)) : gaps.join(SIG_SEPARATOR)) +
  (tail === '' ? '' : SIG_TAIL + tail);

interface AliasCandidate {
  entry: number;
  index: number;
  tokens: PhraseToken[];
  sig: string;
  fold: string;
  cased: string;
  caseMode: number;
  afterFullName: boolean;
  gates: number[];
}

interface AltRec {
  term: number;
  items: CueItem[];
  sig: string;
}

interface CueRec {
  entry: number;
  gap: number;
  cover: number;
  terms: number[];
  /** Context terms (gate ids), one of which the page must mention; [] = ungated. */
  gates: number[];
}

const quote = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v) : String(v));

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Two case rules accept some common spelling. */
function caseOverlap(a: AliasCandidate, b: AliasCandidate): boolean {
  return a.caseMode === CASE_INSENSITIVE || b.caseMode === CASE_INSENSITIVE || a.cased === b.cased;
}

/** The word filter (hash-table.ts wordFilter) over the vocabulary's words that are in `words`. */
function filterOver(vocab: ReadonlyMap<number, number>, words: ReadonlySet<number>): Uint32Array {
  const hashes: number[] = [];
  for (const [hash, sym] of vocab) if (words.has(sym)) hashes.push(hash);
  return wordFilter(hashes);
}

/** Entity kinds that name a place, or that a dateline or credit line names (see ALIAS_NOT_A_PLACE). */
const PLACE_LIKE_KINDS = new Set(['place', 'facility', 'outlet']);

export function buildIndex(set: PatternSet): { data: IndexData; problems: PatternProblem[] } {
  const problems: PatternProblem[] = [];
  const report = (entry: number, field: string, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ entry, field, message, severity });

  const vocab = new Map<number, number>();
  const symOf = (hash: number): number => {
    let s = vocab.get(hash);
    if (s === undefined) {
      s = vocab.size;
      vocab.set(hash, s);
    }
    return s;
  };

  const patterns: PatternRec[] = [];
  const gateIds = new Map<string, number>();
  const gateOf = (tokens: PhraseToken[], gaps: string[], text: string): number => {
    const { mode } = resolveCase(undefined, text);
    const fold = tokens.map((t) => t.fold).join(' ');
    const cased = tokens.map((t) => t.cased).join(' ');
    const sig = signatureOf(gaps);
    const key = `${mode}\u0000${fold}\u0000${mode === CASE_INSENSITIVE ? '' : cased}\u0000${sig}`;
    let id = gateIds.get(key);
    if (id === undefined) {
      id = gateIds.size;
      gateIds.set(key, id);
      patterns.push({ syms: tokens.map((t) => symOf(t.hash)), caseMode: mode, target: -1 - id, fold, cased, sig });
    }
    return id;
  };

  /**
   * The gates of an alias's or a cue's `requires` (`what` names it in the
   * messages): [] when ungated, null when the whole alias or cue must be
   * skipped (requires is not a list, or none of its terms is usable).
   */
  const gatesOf = (requires: unknown, entry: number, field: string, what: 'alias' | 'cue'): number[] | null => {
    const gates: number[] = [];
    if (requires === undefined) return gates;
    if (!Array.isArray(requires)) {
      report(entry, `${field}.requires`, `is not a list of context terms; ${what} skipped`);
      return null;
    }
    if (requires.length === 0) report(entry, `${field}.requires`, `is empty; the ${what} is treated as ungated`, 'warning');
    for (let k = 0; k < requires.length; k++) {
      const term: unknown = requires[k];
      const parsed = analysePhrase(term, MAX_PATTERN_CHARS, MAX_PATTERN_TOKENS);
      if (!parsed.ok) {
        report(entry, `${field}.requires[${k}]`, `context term ${quote(term)} ${parsed.message}; ignored`);
        continue;
      }
      const id = gateOf(parsed.tokens, parsed.gaps, term as string);
      if (!gates.includes(id)) gates.push(id);
    }
    if (requires.length > 0 && gates.length === 0) {
      report(entry, `${field}.requires`, `has no usable context term; ${what} skipped`);
      return null;
    }
    return gates;
  };

  // --- Entities -----------------------------------------------------------
  const entities = Array.isArray(set.entities) ? set.entities : [];
  const claims = Array.isArray(set.claims) ? set.claims : [];
  const candidates: AliasCandidate[] = [];
  for (let e = 0; e < entities.length; e++) {
    const entity: unknown = entities[e];
    const list = isRecord(entity) ? entity.aliases : undefined;
    if (!Array.isArray(list)) {
      report(e, 'aliases', 'is not a list of aliases');
      continue;
    }
    const seen = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      const alias: unknown = list[i];
      const field = `aliases[${i}]`;
      if (!isRecord(alias)) {
        report(e, field, 'is not an alias object; skipped');
        continue;
      }
      const phrase = analysePhrase(alias.text, MAX_PATTERN_CHARS, MAX_PATTERN_TOKENS);
      if (!phrase.ok) {
        report(e, `${field}.text`, `alias ${quote(alias.text)} ${phrase.message}; skipped`);
        continue;
      }
      const text = alias.text as string;
      const { mode, unknown } = resolveCase(alias.case, text);
      if (unknown) report(e, `${field}.case`, `unknown case ${quote(alias.case)}; using the default`, 'warning');
      if (alias.afterFullName !== undefined && typeof alias.afterFullName !== 'boolean') {
        report(e, `${field}.afterFullName`, 'is not true or false; ignored', 'warning');
      }
      const gates = gatesOf(alias.requires, e, field, 'alias');
      if (gates === null) continue;
      const fold = phrase.tokens.map((t) => t.fold).join(' ');
      const cased = phrase.tokens.map((t) => t.cased).join(' ');
      const sig = signatureOf(phrase.gaps, phrase.tail);
      const afterFullName = alias.afterFullName === true;
      const key = [fold, sig, mode, mode === CASE_INSENSITIVE ? '' : cased, afterFullName, [...gates].sort().join(',')].join('\u0000');
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        report(e, `${field}.text`, `duplicate of aliases[${earlier}] after normalisation; skipped`, 'warning');
        continue;
      }
      seen.set(key, i);
      candidates.push({ entry: e, index: i, tokens: phrase.tokens, sig, fold, cased, caseMode: mode, afterFullName, gates });
    }
  }

  /** Another entry, as a problem names it: by id when the set gives one (readers know ids), else by number. */
  const otherEntry = (entry: number): string => {
    const value: unknown = entities[entry];
    const id = isRecord(value) ? value.id : undefined;
    return typeof id === 'string' ? `entry ${quote(id)}` : `entry ${entry}`;
  };

  // The same text on two entries: at most one of them may be ungated.
  const ungatedByFold = new Map<string, AliasCandidate[]>();
  const kept: AliasCandidate[] = [];
  for (const c of candidates) {
    if (!c.afterFullName && c.gates.length === 0) {
      const others = ungatedByFold.get(`${c.fold}\u0000${c.sig}`) ?? [];
      const clash = others.find((o) => o.entry !== c.entry && caseOverlap(o, c));
      if (clash !== undefined) {
        report(
          c.entry,
          `aliases[${c.index}].text`,
          `same text as ${otherEntry(clash.entry)} aliases[${clash.index}]; only one entry may use it ungated (gate the others with requires or afterFullName); skipped`,
        );
        continue;
      }
      others.push(c);
      ungatedByFold.set(`${c.fold}\u0000${c.sig}`, others);
    }
    kept.push(c);
  }

  // Short forms need a full name on the same entry.
  const hasFullName = new Set(kept.filter((c) => !c.afterFullName).map((c) => c.entry));
  for (const c of kept) {
    if (c.afterFullName && !hasFullName.has(c.entry)) {
      report(
        c.entry,
        `aliases[${c.index}].afterFullName`,
        'the entry has no usable alias without afterFullName, so this alias can never count',
        'warning',
      );
    }
  }

  const aliasEntry: number[] = [];
  const aliasFlags: number[] = [];
  const aliasGates: number[] = [0];
  const gateList: number[] = [];
  for (const c of kept) {
    const id = aliasEntry.length;
    aliasEntry.push(c.entry);
    const commonWord = c.caseMode === CASE_SENSITIVE && c.tokens.length === 1 && STOP_WORDS.has(c.tokens[0]!.fold);
    const ambiguousWord = c.gates.length > 0 && c.tokens.length === 1 && LOWER_CASE_LETTER.test(c.cased);
    const kind: unknown = (entities[c.entry] as { kind?: unknown } | undefined)?.kind;
    const notAPlace = ambiguousWord && typeof kind === 'string' && !PLACE_LIKE_KINDS.has(kind);
    aliasFlags.push(
      (c.afterFullName ? ALIAS_AFTER_FULL_NAME : 0) |
        (c.gates.length > 0 ? ALIAS_REQUIRES : 0) |
        (commonWord ? ALIAS_COMMON_WORD : 0) |
        (ambiguousWord ? ALIAS_AMBIGUOUS_WORD : 0) |
        (notAPlace ? ALIAS_NOT_A_PLACE : 0),
    );
    gateList.push(...c.gates);
    aliasGates.push(gateList.length);
    patterns.push({ syms: c.tokens.map((t) => symOf(t.hash)), caseMode: c.caseMode, target: id, fold: c.fold, cased: c.cased, sig: c.sig });
  }

  // --- Claims -------------------------------------------------------------
  const termIds = new Map<string, number>();
  const alts: AltRec[] = [];
  const cues: CueRec[] = [];
  for (let c = 0; c < claims.length; c++) {
    const entry = entities.length + c;
    const claim: unknown = claims[c];
    const list = isRecord(claim) ? claim.cues : undefined;
    if (!Array.isArray(list)) {
      report(entry, 'cues', 'is not a list of cues');
      continue;
    }
    let compiled = 0;
    for (let j = 0; j < list.length; j++) {
      const cue: unknown = list[j];
      const field = `cues[${j}]`;
      if (!isRecord(cue)) {
        report(entry, field, 'is not a cue object; skipped');
        continue;
      }
      const terms = cue.terms;
      if (!Array.isArray(terms) || terms.length === 0) {
        report(entry, `${field}.terms`, 'cue has no usable term; skipped');
        continue;
      }
      if (terms.length > MAX_CUE_TERMS) {
        report(entry, `${field}.terms`, `has ${terms.length} terms; the limit is ${MAX_CUE_TERMS}; cue skipped`);
        continue;
      }
      const parsed: TermAlternative[][] = [];
      let bad = false;
      for (let k = 0; k < terms.length; k++) {
        const result = parseTerm(terms[k]);
        if (!result.ok) {
          report(entry, `${field}.terms[${k}]`, `term ${quote(terms[k])} ${result.message}; cue skipped`);
          bad = true;
          continue;
        }
        parsed.push(result.alternatives);
      }
      if (bad) continue;
      let gap = DEFAULT_MAX_GAP;
      if (cue.maxGap !== undefined) {
        const g = cue.maxGap;
        if (typeof g === 'number' && Number.isInteger(g) && g >= 0 && g <= MAX_MAX_GAP) gap = g;
        else {
          gap = typeof g === 'number' && g > MAX_MAX_GAP ? MAX_MAX_GAP : DEFAULT_MAX_GAP;
          report(entry, `${field}.maxGap`, `must be a whole number from 0 to ${MAX_MAX_GAP}; using ${gap}`, 'warning');
        }
      }
      const gates = gatesOf(cue.requires, entry, field, 'cue');
      if (gates === null) continue;
      let cover = 0;
      if (cue.cover !== undefined) {
        if (cue.cover === 'sentence') cover = 1;
        else if (cue.cover !== 'phrase') report(entry, `${field}.cover`, `unknown cover ${quote(cue.cover)}; using "phrase"`, 'warning');
      }
      const termList = parsed.map((alternatives) => {
        const key = termKey(alternatives);
        let id = termIds.get(key);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(key, id);
          for (const alt of alternatives) alts.push({ term: id, items: alt.items, sig: signatureOf(alt.gaps) });
        }
        return id;
      });
      cues.push({ entry, gap, cover, terms: termList, gates });
      compiled += 1;
    }
    if (list.length > 0 && compiled === 0) {
      report(entry, 'cues', 'no usable cue; the claim can never match');
    }
  }

  // Number and unit words get symbols once any cue exists.
  const unitSyms = [-1, -1, -1, -1];
  const numberWordSyms: Array<[number, number]> = [];
  if (cues.length > 0) {
    NUMBER_WORDS.forEach((w, i) => numberWordSyms.push([symOf(hashFolded(w.word)), i]));
    UNIT_WORDS.forEach((w, i) => (unitSyms[i] = symOf(hashFolded(w))));
  }

  // Wildcards and numbers: collected, then numbered after the vocabulary.
  const wildIds = new Map<string, { prefix: string; casedPrefix: string; caseSensitive: boolean; capital: boolean; id: number }>();
  const numIds = new Map<number, number>();
  for (const alt of alts) {
    for (const it of alt.items) {
      if (it.kind === 'word') symOf(it.hash);
      else if (it.kind === 'wild') {
        const key = wildcardKey(it);
        if (!wildIds.has(key)) wildIds.set(key, { prefix: it.prefix, casedPrefix: it.casedPrefix, caseSensitive: it.caseSensitive, capital: it.capital, id: -1 });
      } else if (it.kind === 'num') {
        if (!numIds.has(it.value)) numIds.set(it.value, -1);
      }
    }
  }
  const symCount = vocab.size;
  const wilds = [...wildIds.values()].map((w) => ({
    ...w,
    key: wildKeyOf(w.prefix.charCodeAt(0), w.prefix.charCodeAt(1), w.prefix.charCodeAt(2)),
  }));
  wilds.sort((a, b) => a.key - b.key);
  wilds.forEach((w, i) => (wildIds.get(wildcardKey(w))!.id = i));
  const numValues = [...numIds.keys()].sort((a, b) => a - b);
  numValues.forEach((v, i) => numIds.set(v, i));
  const wildBase = symCount;
  const numBase = symCount + wilds.length;
  const cueSymbolSpace = numBase + numValues.length;

  // --- Flatten ------------------------------------------------------------
  const entityTrie = new TrieBuilder();
  patterns.forEach((p, i) => entityTrie.insert(p.syms, i));
  const ac = entityTrie.flatten(symCount, patterns.length, true);

  const strFold: number[] = [];
  const strCased: number[] = [];
  const strSig: number[] = [];
  const patFold = new Int32Array(patterns.length + 1);
  const patCased = new Int32Array(patterns.length + 1);
  const patSig = new Int32Array(patterns.length + 1);
  const pushString = (pool: number[], s: string) => {
    for (let i = 0; i < s.length; i++) pool.push(s.charCodeAt(i));
  };
  patterns.forEach((p, i) => {
    pushString(strFold, p.fold);
    patFold[i + 1] = strFold.length;
    if (p.caseMode !== CASE_INSENSITIVE) pushString(strCased, p.cased);
    patCased[i + 1] = strCased.length;
    pushString(strSig, p.sig);
    patSig[i + 1] = strSig.length;
  });

  const strCue: number[] = [];
  const cueTrie = new TrieBuilder();
  const altChecks = new Int32Array(alts.length + 1);
  const altSig = new Int32Array(alts.length + 1);
  altSig[0] = strSig.length; // the pool holds the aliases' signatures first
  const altCheck: number[] = [];
  alts.forEach((alt, a) => {
    const syms = alt.items.map((it) => {
      switch (it.kind) {
        case 'word':
          return vocab.get(it.hash)!;
        case 'wild':
          return wildBase + wildIds.get(wildcardKey(it))!.id;
        case 'num':
          return numBase + numIds.get(it.value)!;
        case 'unit':
          return unitSyms[it.unit]!;
      }
    });
    cueTrie.insert(syms, a);
    for (const it of alt.items) {
      if (it.kind === 'word' || it.kind === 'wild') {
        const s = it.kind === 'word' ? (it.caseSensitive ? it.cased : it.fold) : it.caseSensitive ? it.casedPrefix : it.prefix;
        const kind = (it.kind === 'word' ? CHECK_WORD : CHECK_PREFIX) | (it.caseSensitive ? CHECK_CASED : 0);
        altCheck.push(kind, strCue.length, s.length);
        pushString(strCue, s);
      } else {
        altCheck.push(CHECK_NONE, 0, 0);
      }
    }
    altChecks[a + 1] = altCheck.length;
    pushString(strSig, alt.sig);
    altSig[a + 1] = strSig.length;
  });
  const cueAuto = cueTrie.flatten(cueSymbolSpace, alts.length, false);

  const wildInfo = new Int32Array(wilds.length * 3);
  const wildBits = new Uint32Array(WILD_BITS_WORDS);
  wilds.forEach((w, i) => {
    const s = w.caseSensitive ? w.casedPrefix : w.prefix;
    wildInfo[i * 3] = strCue.length;
    wildInfo[i * 3 + 1] = s.length;
    wildInfo[i * 3 + 2] = w.caseSensitive ? WILD_CASED : w.capital ? WILD_CAPITAL : 0;
    pushString(strCue, s);
    const bit = w.key & (WILD_BITS_WORDS * 32 - 1);
    wildBits[bit >>> 5] = wildBits[bit >>> 5]! | (1 << (bit & 31));
  });

  const termCount = termIds.size;
  const firstCues: number[][] = Array.from({ length: termCount }, () => []);
  cues.forEach((cue, i) => firstCues[cue.terms[0]!]!.push(i));
  const termCues = new Int32Array(termCount + 1);
  const termCueList: number[] = [];
  firstCues.forEach((list, t) => {
    termCueList.push(...list);
    termCues[t + 1] = termCueList.length;
  });
  const cueTerms = new Int32Array(cues.length + 1);
  const cueTermList: number[] = [];
  cues.forEach((cue, i) => {
    cueTermList.push(...cue.terms);
    cueTerms[i + 1] = cueTermList.length;
  });
  // A cue's gates follow the aliases' in gateList.
  const cueGates = new Int32Array(cues.length + 1);
  cueGates[0] = gateList.length;
  cues.forEach((cue, i) => {
    gateList.push(...cue.gates);
    cueGates[i + 1] = gateList.length;
  });

  // Anchors (block-pass.ts hands the claim walk only sentences that contain
  // one). For each cue, the term that should be rarest on a page is chosen,
  // and from each of its alternatives the rarest item: a sentence that
  // matches the cue contains one of those items. Rarity is guessed from the
  // word itself: names (written with a capital) and long words are rare,
  // frequent English and news words (common-words.ts) and function words
  // (stop-words.ts) are common, a specific number is rarer than a small one
  // or a year, a unit (percent, dollars) is as common as any number. The
  // choice only decides how often the claim walk runs, never what matches.
  const symAttr = new Uint8Array(symCount);
  if (NUMBER_WORDS.length + 1 > ATTR_NUMBER_WORD) throw new Error('build-index.ts: too many number words for symAttr');
  for (const [sym, index] of numberWordSyms) symAttr[sym] = index + 1;
  for (const alt of alts) {
    for (const it of alt.items) {
      const sym = it.kind === 'word' ? vocab.get(it.hash)! : it.kind === 'unit' ? unitSyms[it.unit]! : -1;
      if (sym >= 0) symAttr[sym] = symAttr[sym]! | ATTR_CUE_ITEM;
    }
  }
  const commonPrefix = (prefix: string) => {
    for (const w of COMMON_WORDS) if (w.startsWith(prefix)) return true;
    for (const w of STOP_WORDS) if (w.startsWith(prefix)) return true;
    return false;
  };
  // A word many of the dataset's own names use ("Forces", "Liberation",
  // "Ministry") is generic too, however rare in English: the names that
  // differ are the specific ones.
  const wordUses = new Map<string, number>();
  const countWords = (text: string) => {
    for (const w of new Set(text.split(' '))) wordUses.set(w, (wordUses.get(w) ?? 0) + 1);
  };
  for (const p of patterns) countWords(p.fold);
  for (const alt of alts) for (const it of alt.items) if (it.kind === 'word') countWords(it.fold);
  const itemScore = (it: CueItem): number => {
    switch (it.kind) {
      case 'word':
        if (STOP_WORDS.has(it.fold)) return 1;
        if (COMMON_WORDS.has(it.fold) || (wordUses.get(it.fold) ?? 0) >= GENERIC_WORD_USES) return 4;
        return 10 + Math.min(it.fold.length, 12) + (it.cased !== it.fold ? 4 : 0);
      case 'wild':
        // Checked on every token whose first letters fit, so dearer than a
        // word. A capitalised stem is a name ("Israel*"), looked for only on
        // capitalised tokens. A lower-case one is mostly a verb or noun stem
        // ("elect*", "financ*"), common in news, and its check would fall on
        // most tokens of a page: ranked below common words (measured: a
        // few more sentences walked, less time overall; BENCHMARKS.md).
        return it.casedPrefix !== it.prefix && !commonPrefix(it.prefix) ? 12 + Math.min(it.prefix.length, 8) : 3;
      case 'num': {
        const v = it.value;
        const everyday = Number.isInteger(v) && (v <= 31 || (v >= 1900 && v <= 2100)); // days, small counts, years
        return everyday ? 5 : 12;
      }
      case 'unit':
        return 2;
    }
  };
  const bestItem = (alt: AltRec) => alt.items.reduce((best, it) => (itemScore(it) > itemScore(best) ? it : best));
  const altsByTerm = new Map<number, AltRec[]>();
  for (const alt of alts) altsByTerm.set(alt.term, [...(altsByTerm.get(alt.term) ?? []), alt]);
  const termScore = (term: number) => Math.min(...altsByTerm.get(term)!.map((alt) => itemScore(bestItem(alt))));
  let cueFlags = 0;
  // A second condition per cue: the sentence must also hold an item of its
  // next rarest term whose items are words, so that a cue
  // whose rarest term is still common ("several", "last") does not send
  // every sentence with it to the walk. Each such term gets a class bit;
  // symCueClass marks the words that carry it, and each anchor item records
  // (as a requirement) the bits of the cues it anchors, or -1 for a cue with
  // no second condition. block-pass.ts walks a sentence only if an anchor's
  // requirement meets the classes of its words.
  const symCueClass = new Int32Array(symCount);
  const symRequire = new Int32Array(symCount);
  const wildRequire = new Int32Array(wilds.length);
  const mergeRequire = (a: number, b: number) => (a === -1 || b === -1 ? -1 : a | b);
  const scores = new Map<number, number>();
  const scoreOf = (t: number) => {
    let v = scores.get(t);
    if (v === undefined) scores.set(t, (v = termScore(t)));
    return v;
  };
  /** Anchor numbers: value → (unit the cue writes after it, -1 for none) → requirement. */
  const anchorNumbers = new Map<number, Map<number, number>>();
  for (const cue of cues) {
    const ranked = [...new Set(cue.terms)].sort((a, b) => scoreOf(b) - scoreOf(a));
    const term = ranked[0]!;
    let require = -1;
    // The rarest other term whose items are words (a symbol says whether a
    // sentence holds one); a cue with none has no second condition.
    for (const second of ranked.slice(1)) {
      const items = altsByTerm.get(second)!.map(bestItem);
      if (!items.every((it) => it.kind === 'word')) continue;
      require = 1 << (second & 31);
      for (const it of items) {
        const sym = vocab.get((it as { hash: number }).hash)!;
        symCueClass[sym] = symCueClass[sym]! | require;
      }
      break;
    }
    for (const alt of altsByTerm.get(term)!) {
      const it = bestItem(alt);
      if (it.kind === 'word') {
        const sym = vocab.get(it.hash)!;
        symAttr[sym] = symAttr[sym]! | ATTR_CUE_ANCHOR;
        symRequire[sym] = symRequire[sym] === 0 ? require : mergeRequire(symRequire[sym]!, require);
      } else if (it.kind === 'wild') {
        const id = wildIds.get(wildcardKey(it))!.id;
        wildInfo[id * 3 + 2] = wildInfo[id * 3 + 2]! | WILD_ANCHOR;
        wildRequire[id] = wildRequire[id] === 0 ? require : mergeRequire(wildRequire[id]!, require);
        cueFlags |= CUES_WILD_ANCHORS;
      } else if (it.kind === 'num') {
        const after = alt.items[alt.items.indexOf(it) + 1];
        const unit = after !== undefined && after.kind === 'unit' ? after.unit : -1;
        const units = anchorNumbers.get(it.value) ?? new Map<number, number>();
        const before = units.get(unit);
        units.set(unit, before === undefined ? require : mergeRequire(before, require));
        anchorNumbers.set(it.value, units);
        cueFlags |= CUES_NUMBERS;
      } else {
        // A unit can follow any number ("$5", "ninety%"): every digit token,
        // number word and unit word anchors (with no second condition).
        cueFlags |= CUES_ANY_DIGIT;
      }
    }
  }
  if ((cueFlags & CUES_ANY_DIGIT) !== 0) {
    for (const [sym, index] of numberWordSyms) {
      if (NUMBER_WORDS[index]!.kind === NW_AND) continue;
      symAttr[sym] = symAttr[sym]! | ATTR_CUE_ANCHOR;
      symRequire[sym] = -1;
    }
  }

  // The scan filter: the words the block pass must know on every token,
  // i.e. the first words of aliases and context terms (a match can only
  // start there; inside one the pass looks words up without the filter),
  // the cue anchors, and the number words when numbers anchor. Other cue
  // words ("said", "forces") are looked up only inside the sentences the
  // claim walk reads, so that common words cost the rest of the page
  // nothing. About 16 bits per word: a token outside finds its bit clear
  // 15 times in 16. (At 200,000 aliases the filter is still hundreds of
  // kilobytes: the smaller, the fewer cache misses per token.)
  const scanWords = new Set<number>();
  for (const p of patterns) scanWords.add(p.syms[0]!);
  for (let sym = 0; sym < symCount; sym++) if ((symAttr[sym]! & ATTR_CUE_ANCHOR) !== 0) scanWords.add(sym);
  if ((cueFlags & (CUES_NUMBERS | CUES_ANY_DIGIT)) !== 0) for (const [sym] of numberWordSyms) scanWords.add(sym);
  const vocabFilter = filterOver(vocab, scanWords);
  // Words that can continue a name, for the lookups inside a possible name.
  const nextWords = new Set<number>();
  for (const p of patterns) for (let i = 1; i < p.syms.length; i++) nextWords.add(p.syms[i]!);
  const nextFilter = filterOver(vocab, nextWords);
  // The claim walk's filter: cue words, number and unit words.
  const cueWords = new Set<number>();
  for (let sym = 0; sym < symCount; sym++) if ((symAttr[sym]! & (ATTR_CUE_ITEM | ATTR_NUMBER_WORD)) !== 0) cueWords.add(sym);
  const cueFilter = filterOver(vocab, cueWords);
  // The words that carry a second condition's class bit: few, and mostly rare.
  const classWords = new Set<number>();
  for (let sym = 0; sym < symCount; sym++) if (symCueClass[sym] !== 0) classWords.add(sym);
  const classFilter = filterOver(vocab, classWords);

  // Sorted by value; a value the cues also write with no unit needs no unit
  // (one entry, with the requirements of all).
  const anchorList: Array<[number, number, number]> = [];
  for (const [value, units] of [...anchorNumbers].sort((a, b) => a[0] - b[0])) {
    if (units.has(-1)) anchorList.push([value, -1, [...units.values()].reduce(mergeRequire)]);
    else for (const [unit, require] of [...units].sort((a, b) => a[0] - b[0])) anchorList.push([value, unit, require]);
  }

  const meta = new Int32Array(META_LENGTH);
  meta[META_ENTITIES] = entities.length;
  meta[META_CLAIMS] = claims.length;
  meta[META_SYMBOLS] = symCount;
  meta[META_GATES] = gateIds.size;
  meta[META_TERMS] = termCount;
  meta[META_WILDS] = wilds.length;
  meta[META_CUES] = cues.length;
  unitSyms.forEach((s, i) => (meta[META_UNIT_SYMS + i] = s));
  meta[META_CUE_FLAGS] = cueFlags;

  const data: IndexData = {
    version: String(set.version ?? ''),
    hash: String(set.hash ?? ''),
    meta,
    vocab: buildKeyTable(vocab),
    vocabFilter,
    cueFilter,
    nextFilter,
    classFilter,
    symAttr,
    acRoot: ac.root,
    acEdges: ac.edges,
    acFail: ac.fail,
    acOut: ac.out,
    acDict: ac.dict,
    patNext: ac.next,
    patLen: Uint8Array.from(patterns, (p) => p.syms.length),
    patCase: Uint8Array.from(patterns, (p) => p.caseMode),
    patTarget: Int32Array.from(patterns, (p) => p.target),
    patFold,
    patCased,
    patSig,
    strFold: Uint16Array.from(strFold),
    strCased: Uint16Array.from(strCased),
    strSig: Uint16Array.from(strSig),
    aliasEntry: Int32Array.from(aliasEntry),
    aliasFlags: Uint8Array.from(aliasFlags),
    aliasGates: Int32Array.from(aliasGates),
    gateList: Int32Array.from(gateList),
    cueRoot: cueAuto.root,
    cueEdges: cueAuto.edges,
    cueOut: cueAuto.out,
    altNext: cueAuto.next,
    altTerm: Int32Array.from(alts, (a) => a.term),
    altLen: Uint8Array.from(alts, (a) => a.items.length),
    altChecks,
    altCheck: Int32Array.from(altCheck),
    altSig,
    strCue: Uint16Array.from(strCue),
    termCues,
    termCueList: Int32Array.from(termCueList),
    cueEntry: Int32Array.from(cues, (c) => c.entry),
    cueGap: Uint8Array.from(cues, (c) => c.gap),
    cueCover: Uint8Array.from(cues, (c) => c.cover),
    cueTerms,
    cueTermList: Int32Array.from(cueTermList),
    cueGates,
    wildKey: Int32Array.from(wilds, (w) => w.key),
    wildInfo,
    wildBits,
    numValues: Float64Array.from(numValues),
    anchorNumbers: Float64Array.from(anchorList, ([value]) => value),
    anchorUnits: Int32Array.from(anchorList, ([, unit]) => unit),
    anchorRequire: Int32Array.from(anchorList, ([, , require]) => require),
    symCueClass,
    symRequire,
    wildRequire,
  };
  return { data, problems };
}
