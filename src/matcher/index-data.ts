/**
 * The compiled index as the scanner reads it: flat typed arrays, nothing
 * else. compileIndex builds one in memory and serialises it (index-format.ts);
 * Matcher.load makes views over the bytes that give back the same shape.
 *
 * Symbols: every distinct token hash the dataset uses gets a symbol
 * [0, symCount). Cue automaton symbols extend that space: wildcard prefixes
 * are symCount + w, cue numbers are symCount + wildCount + n.
 */

export interface IndexData {
  version: string;
  hash: string;
  /** Scalars; see META_* for positions. */
  meta: Int32Array;

  // Vocabulary: [finished token hash, symbol] pairs; symbol -1 = empty slot.
  vocab: Int32Array;
  /**
   * A blocked Bloom filter (build-index.ts wordFilter) over every word the
   * scan must know on every token (alias and context-term
   * words, cue anchors, number words when numbers anchor; not the other
   * cue words): a page token that fails it is none of them, known from one
   * load in a table far smaller than the vocabulary table.
   */
  vocabFilter: Uint32Array;
  /**
   * The same kind of filter over the words the claim walk needs to know:
   * words of cue terms, number and unit words. Inside a walked sentence the
   * tokens the scan filter turned away are looked up only if they pass it.
   */
  cueFilter: Uint32Array;
  /**
   * The same kind of filter over the words that can continue a name: the
   * second and later words of aliases and context terms. Inside a possible
   * name, a token that passes neither this nor the scan filter cannot be in
   * the vocabulary, and is not looked up. (A later section: an index
   * without it loads with a filter that lets every word through.)
   */
  nextFilter: Uint32Array;
  /**
   * The same kind of filter over the words that carry a cue class
   * (symCueClass): before it looks for a sentence, the block pass looks only
   * these up to learn which second conditions a block can meet. (A later
   * section: an index without it uses cueFilter here, as the scan did
   * before.)
   */
  classFilter: Uint32Array;
  /**
   * Per symbol: ATTR_NUMBER_WORD bits = NUMBER_WORDS index + 1 for number
   * and unit words (else 0); ATTR_CUE_ITEM when a cue term uses it;
   * ATTR_CUE_ANCHOR when a sentence containing the word may hold a cue
   * match (see build-index.ts, block-pass.ts).
   */
  symAttr: Uint8Array;

  // Entity automaton (Aho-Corasick over symbols). Nodes in breadth-first
  // order, so a node's failure link always points to a smaller number.
  /** Per symbol: child of the root, 0 = none. */
  acRoot: Int32Array;
  /** [state, symbol, child] triples; child 0 = empty slot. */
  acEdges: Int32Array;
  acFail: Int32Array;
  /** First pattern ending at the node, -1 = none. */
  acOut: Int32Array;
  /** Nearest node on the failure chain that has patterns, 0 = none. */
  acDict: Int32Array;

  // Patterns: aliases and context terms, as token sequences.
  /** Next pattern ending at the same node, -1 = none. */
  patNext: Int32Array;
  /** Tokens in the pattern. */
  patLen: Uint8Array;
  /** CASE_* of case-rules.ts. */
  patCase: Uint8Array;
  /** Alias number (>= 0) or -1 - context term number. */
  patTarget: Int32Array;
  /** Offsets into strFold (P + 1): folded tokens joined by one space. */
  patFold: Int32Array;
  /** Offsets into strCased (P + 1); empty for case-insensitive patterns. */
  patCased: Int32Array;
  /**
   * Offsets into strSig (P + 1): the punctuation signature of each gap
   * between the pattern's tokens, separated by U+0001; empty when every gap
   * is plain (boundaries.ts gapSignature).
   */
  patSig: Int32Array;
  strFold: Uint16Array;
  strCased: Uint16Array;
  strSig: Uint16Array;

  // Aliases.
  aliasEntry: Int32Array;
  /** ALIAS_* flags. */
  aliasFlags: Uint8Array;
  /** Offsets into gateList (A + 1): the context terms an alias requires. */
  aliasGates: Int32Array;
  gateList: Int32Array;

  // Cue automaton: a trie over item symbols, walked with a set of active
  // states (an item can carry several symbols: its word, wildcards, a number).
  cueRoot: Int32Array;
  cueEdges: Int32Array;
  /** First term alternative ending at the node, -1 = none. */
  cueOut: Int32Array;
  altNext: Int32Array;
  altTerm: Int32Array;
  altLen: Uint8Array;
  /** Offsets into altCheck (alternatives + 1), in triples. */
  altChecks: Int32Array;
  /** [CHECK_* kind, offset into strCue, length] per item of an alternative. */
  altCheck: Int32Array;
  /** Offsets into strSig (alternatives + 1): gap signatures, as patSig. */
  altSig: Int32Array;
  strCue: Uint16Array;
  /** Terms whose first position starts a cue: offsets (T + 1) into termCueList. */
  termCues: Int32Array;
  termCueList: Int32Array;
  cueEntry: Int32Array;
  cueGap: Uint8Array;
  /** 0 = phrase, 1 = sentence. */
  cueCover: Uint8Array;
  /** Offsets (C + 1) into cueTermList. */
  cueTerms: Int32Array;
  cueTermList: Int32Array;
  /** Offsets (C + 1) into gateList, after the aliases' gates: the context terms a cue requires. */
  cueGates: Int32Array;
  /** Wildcards sorted by the key of their first three letters. */
  wildKey: Int32Array;
  /** [offset into strCue, length, WILD_* flags] per wildcard (in wildKey order). */
  wildInfo: Int32Array;
  /** Bloom-style bit set over wildKey, to skip most tokens in one load. */
  wildBits: Uint32Array;
  /** Cue numbers, sorted. */
  numValues: Float64Array;
  /** The cue numbers chosen as anchors (numberKey values), sorted. */
  anchorNumbers: Float64Array;
  /**
   * Per anchor number: the unit (UNIT_WORDS index) the cue writes right
   * after it ("40 percent", "$3 billion"), which the page must have there
   * too; -1 when the cue writes none.
   */
  anchorUnits: Int32Array;
  /**
   * Second conditions of the cues (build-index.ts): per anchor number, the
   * class bits of the terms the sentence must also hold (one of them), or
   * -1 for none. symRequire and wildRequire hold the same for word and
   * wildcard anchors; symCueClass, per word, the classes it gives a sentence.
   */
  anchorRequire: Int32Array;
  symRequire: Int32Array;
  symCueClass: Int32Array;
  wildRequire: Int32Array;
}

export const META_ENTITIES = 0;
export const META_CLAIMS = 1;
export const META_SYMBOLS = 2;
export const META_GATES = 3;
export const META_TERMS = 4;
export const META_WILDS = 5;
export const META_CUES = 6;
/** Symbols of the canonical unit words (numbers.ts UNIT_WORDS), -1 if absent. */
export const META_UNIT_SYMS = 7; // 4 slots
/** CUES_* flags. */
export const META_CUE_FLAGS = 11;
export const META_LENGTH = 12;

/** Some cue is anchored by a number: number phrases are valued and looked up in anchorNumbers. */
export const CUES_NUMBERS = 1;
/** Some cue is anchored by a wildcard (WILD_ANCHOR): tokens are tested against those prefixes. */
export const CUES_WILD_ANCHORS = 2;
/** Some cue is anchored by a unit (percent, dollars): every token starting with a digit is an anchor. */
export const CUES_ANY_DIGIT = 4;

/** symAttr: a sentence containing the word may hold a cue match (the claim walk reads it). */
export const ATTR_CUE_ANCHOR = 128;
/** symAttr: some cue term uses the word (or unit); other words give a claim item no symbol. */
export const ATTR_CUE_ITEM = 64;
/** symAttr: NUMBER_WORDS index + 1 (0 = not a number or unit word). */
export const ATTR_NUMBER_WORD = 63;

export const ALIAS_AFTER_FULL_NAME = 1;
export const ALIAS_REQUIRES = 2;
/**
 * An acronym that is also a common word (US = us): in a block written all
 * in capitals ("FOLLOW US") it is read as the word, not the name
 * (block-pass.ts). An index compiled before this flag never sets it.
 */
export const ALIAS_COMMON_WORD = 4;
/**
 * A one-word alias the dataset gates with `requires`, written with
 * lower-case letters (Jordan, Washington, Congress; not PMF): right after a
 * capitalised word it is the end of a longer name, "Michael Jordan"
 * (neighbours.ts). An index compiled before this flag never sets it.
 */
export const ALIAS_AMBIGUOUS_WORD = 8;
/**
 * An ambiguous word (above) whose entry is not a place, a site nor an
 * outlet (Washington for the US government): where the text uses it for the
 * place itself ("the Washington area", a byline's "…, Washington") it is
 * not the entry (neighbours.ts namesPlace). Set from the entity's `kind`;
 * an index compiled before this flag, or from entities without a kind,
 * never sets it.
 */
export const ALIAS_NOT_A_PLACE = 16;

export const CHECK_NONE = 0;
/** Folded token equals the string. */
export const CHECK_WORD = 1;
/** Folded token starts with the string. */
export const CHECK_PREFIX = 2;
/** Added to WORD/PREFIX: compare the case-kept fold instead. */
export const CHECK_CASED = 4;

export const WILD_BITS_WORDS = 256; // 8192 bits

/** wildInfo flags: the prefix is compared case-kept (it is written in capitals). */
export const WILD_CASED = 1;
/** wildInfo flags: the wildcard is a cue anchor (build-index.ts). */
export const WILD_ANCHOR = 2;
/**
 * wildInfo flags: the prefix is written with an initial capital ("Israel*"):
 * only a token whose first letter is a capital starts with it (a name).
 */
export const WILD_CAPITAL = 4;

/** Key of a token's first three folded units, for wildcards. */
export function wildKeyOf(u0: number, u1: number, u2: number): number {
  return Math.imul(Math.imul(u0, 0x9e3779b1) ^ Math.imul(u1, 0x85ebca6b) ^ u2, 0x27d4eb2f) | 0;
}

/** The sections of the serialised format, in order, with their element types. */
export const SECTIONS = [
  ['meta', 'i32'],
  ['vocab', 'i32'],
  ['vocabFilter', 'u32'],
  ['cueFilter', 'u32'],
  ['symAttr', 'u8'],
  ['acRoot', 'i32'],
  ['acEdges', 'i32'],
  ['acFail', 'i32'],
  ['acOut', 'i32'],
  ['acDict', 'i32'],
  ['patNext', 'i32'],
  ['patLen', 'u8'],
  ['patCase', 'u8'],
  ['patTarget', 'i32'],
  ['patFold', 'i32'],
  ['patCased', 'i32'],
  ['patSig', 'i32'],
  ['strFold', 'u16'],
  ['strCased', 'u16'],
  ['strSig', 'u16'],
  ['aliasEntry', 'i32'],
  ['aliasFlags', 'u8'],
  ['aliasGates', 'i32'],
  ['gateList', 'i32'],
  ['cueRoot', 'i32'],
  ['cueEdges', 'i32'],
  ['cueOut', 'i32'],
  ['altNext', 'i32'],
  ['altTerm', 'i32'],
  ['altLen', 'u8'],
  ['altChecks', 'i32'],
  ['altCheck', 'i32'],
  ['altSig', 'i32'],
  ['strCue', 'u16'],
  ['termCues', 'i32'],
  ['termCueList', 'i32'],
  ['cueEntry', 'i32'],
  ['cueGap', 'u8'],
  ['cueCover', 'u8'],
  ['cueTerms', 'i32'],
  ['cueTermList', 'i32'],
  ['wildKey', 'i32'],
  ['wildInfo', 'i32'],
  ['wildBits', 'u32'],
  ['numValues', 'f64'],
  ['anchorNumbers', 'f64'],
  ['anchorUnits', 'i32'],
  ['anchorRequire', 'i32'],
  ['symRequire', 'i32'],
  ['symCueClass', 'i32'],
  ['wildRequire', 'i32'],
  // Sections added later, optional at the end (index-format.ts OPTIONAL_SECTIONS).
  ['nextFilter', 'u32'],
  ['classFilter', 'u32'],
  ['cueGates', 'i32'],
] as const satisfies ReadonlyArray<readonly [Exclude<keyof IndexData, 'version' | 'hash'>, string]>;
