/**
 * The serialised index: one buffer, a small header, then the typed arrays
 * of IndexData, each 8-byte aligned so that loading is only view creation.
 *
 *   offset  size  field
 *   0       4     magic "BSMX"
 *   4       4     format version (FORMAT_VERSION)
 *   8       4     total byte length
 *   12      4     section count
 *   16      4     header checksum (FNV-1a over bytes 20 .. end of section table)
 *   20      2+n   dataset version, UTF-8, length-prefixed
 *   ..      2+n   dataset hash, UTF-8, length-prefixed
 *   (pad to 4)
 *   ..      12×S  section table: element type, element count, byte offset
 *   (pad to 8) then the sections, in SECTIONS order.
 *
 * All numbers little-endian (typed arrays use the platform's order; every
 * platform a browser extension runs on is little-endian, and load refuses
 * any other). load() checks the header, the checksum, and that every
 * section lies inside the buffer with the expected type and plausible
 * sizes; it does not read the section contents, so that it stays cheap.
 */
import { SECTIONS, META_LENGTH, META_SYMBOLS, type IndexData } from './index-data.ts';

export const FORMAT_VERSION = 2;
/**
 * How many sections at the end of SECTIONS were added after version 2
 * first shipped. An index written before them (a reader's imported dataset,
 * compiled when it was imported) has fewer sections and still loads: the
 * missing ones take their neutral value (MISSING_SECTIONS).
 */
const OPTIONAL_SECTIONS = 3;
/**
 * What a missing optional section reads as, given the sections read so far:
 * what the scan did before the section existed.
 */
const MISSING_SECTIONS: Readonly<Record<string, (views: ReadonlyMap<string, AnyArray>) => AnyArray>> = {
  // Every word inside a possible name was looked up: a filter that lets every word through.
  nextFilter: () => new Uint32Array(8).fill(0xffffffff),
  // Every cue word of the block was looked up: the class words are among them.
  classFilter: (views) => views.get('cueFilter')!,
  // No cue was gated: every cue's range of gates is empty.
  cueGates: (views) => new Int32Array(views.get('cueEntry')!.length + 1),
};
const MAGIC = [0x42, 0x53, 0x4d, 0x58]; // "BSMX"

const TYPE_CODES = { i32: 1, u8: 2, u16: 3, u32: 4, f64: 5 } as const;
type TypeName = keyof typeof TYPE_CODES;
const BYTES: Record<TypeName, number> = { i32: 4, u8: 1, u16: 2, u32: 4, f64: 8 };

type AnyArray = Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array;

function makeView(type: TypeName, buffer: ArrayBufferLike, offset: number, count: number): AnyArray {
  switch (type) {
    case 'i32':
      return new Int32Array(buffer, offset, count);
    case 'u8':
      return new Uint8Array(buffer, offset, count);
    case 'u16':
      return new Uint16Array(buffer, offset, count);
    case 'u32':
      return new Uint32Array(buffer, offset, count);
    case 'f64':
      return new Float64Array(buffer, offset, count);
  }
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

function fnv(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `sections`: all of them, except in tests that write an index as older compilers did. */
export function serialiseIndex(data: IndexData, sections: ReadonlyArray<(typeof SECTIONS)[number]> = SECTIONS): Uint8Array {
  const enc = new TextEncoder();
  const version = enc.encode(data.version);
  const hash = enc.encode(data.hash);
  if (version.length > 0xffff || hash.length > 0xffff) throw new Error('dataset version or hash too long');
  const tableAt = align(20 + 2 + version.length + 2 + hash.length, 4);
  let offset = align(tableAt + 12 * sections.length, 8);
  const layout = sections.map(([name, type]) => {
    const array = data[name] as AnyArray;
    const at = offset;
    offset = align(offset + array.byteLength, 8);
    return { name, type, array, at };
  });
  const total = offset;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, total, true);
  view.setUint32(12, sections.length, true);
  let p = 20;
  view.setUint16(p, version.length, true);
  bytes.set(version, p + 2);
  p += 2 + version.length;
  view.setUint16(p, hash.length, true);
  bytes.set(hash, p + 2);
  layout.forEach(({ type, array, at }, i) => {
    const entry = tableAt + 12 * i;
    view.setUint32(entry, TYPE_CODES[type], true);
    view.setUint32(entry + 4, array.length, true);
    view.setUint32(entry + 8, at, true);
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
  });
  view.setUint32(16, fnv(bytes, 20, tableAt + 12 * sections.length), true);
  return bytes;
}

function corrupt(why: string): Error {
  return new Error(`Backstory matcher index is corrupt or truncated: ${why}`);
}

export function loadIndex(input: Uint8Array): IndexData {
  if (!(input instanceof Uint8Array)) throw new Error('Backstory matcher index must be a Uint8Array');
  if (!littleEndian) throw new Error('Backstory matcher index needs a little-endian platform');
  // Typed-array views need aligned offsets; a misaligned slice is copied once.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  if (bytes.length < 20 || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new Error('Not a Backstory matcher index (bad magic number)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== FORMAT_VERSION) {
    throw new Error(
      `Backstory matcher index has format version ${format}; this matcher reads version ${FORMAT_VERSION}. Rebuild the index (npm run data:build).`,
    );
  }
  const total = view.getUint32(8, true);
  if (total !== bytes.length) throw corrupt(`header says ${total} bytes, buffer has ${bytes.length}`);
  const count = view.getUint32(12, true);
  if (count > SECTIONS.length || count < SECTIONS.length - OPTIONAL_SECTIONS) {
    throw corrupt(`${count} sections, expected ${SECTIONS.length}`);
  }
  const dec = new TextDecoder('utf-8', { fatal: true });
  let p = 20;
  const readString = (): string => {
    if (p + 2 > total) throw corrupt('header runs past the end');
    const len = view.getUint16(p, true);
    if (p + 2 + len > total) throw corrupt('header string runs past the end');
    let s: string;
    try {
      s = dec.decode(bytes.subarray(p + 2, p + 2 + len));
    } catch {
      throw corrupt('header string is not UTF-8');
    }
    p += 2 + len;
    return s;
  };
  const version = readString();
  const hash = readString();
  const tableAt = align(p, 4);
  const tableEnd = tableAt + 12 * count;
  if (tableEnd > total) throw corrupt('section table runs past the end');
  if (fnv(bytes, 20, tableEnd) !== view.getUint32(16, true)) throw corrupt('header checksum does not match');
  const views = new Map<string, AnyArray>();
  SECTIONS.forEach(([name, type], i) => {
    if (i >= count) {
      views.set(name, MISSING_SECTIONS[name]!(views));
      return;
    }
    const entry = tableAt + 12 * i;
    const code = view.getUint32(entry, true);
    const length = view.getUint32(entry + 4, true);
    const at = view.getUint32(entry + 8, true);
    if (code !== TYPE_CODES[type]) throw corrupt(`section ${name} has the wrong element type`);
    if (at % 8 !== 0 || at < tableEnd || at + length * BYTES[type] > total) {
      throw corrupt(`section ${name} lies outside the buffer`);
    }
    views.set(name, makeView(type, bytes.buffer, bytes.byteOffset + at, length));
  });
  const data = indexDataOf(version, hash, views);
  checkShape(data);
  return data;
}

/**
 * The views as one IndexData object, written as a literal. Properties added
 * one by one under computed names (data[name] = view) would leave the object
 * in V8's slow dictionary mode, and the scanner reads these fields for
 * every block.
 */
function indexDataOf(version: string, hash: string, views: ReadonlyMap<string, AnyArray>): IndexData {
  const v = <T extends AnyArray>(name: keyof IndexData) => views.get(name) as T;
  return {
    version,
    hash,
    meta: v('meta'),
    vocab: v('vocab'),
    vocabFilter: v('vocabFilter'),
    cueFilter: v('cueFilter'),
    nextFilter: v('nextFilter'),
    classFilter: v('classFilter'),
    symAttr: v('symAttr'),
    acRoot: v('acRoot'),
    acEdges: v('acEdges'),
    acFail: v('acFail'),
    acOut: v('acOut'),
    acDict: v('acDict'),
    patNext: v('patNext'),
    patLen: v('patLen'),
    patCase: v('patCase'),
    patTarget: v('patTarget'),
    patFold: v('patFold'),
    patCased: v('patCased'),
    patSig: v('patSig'),
    strFold: v('strFold'),
    strCased: v('strCased'),
    strSig: v('strSig'),
    aliasEntry: v('aliasEntry'),
    aliasFlags: v('aliasFlags'),
    aliasGates: v('aliasGates'),
    gateList: v('gateList'),
    cueRoot: v('cueRoot'),
    cueEdges: v('cueEdges'),
    cueOut: v('cueOut'),
    altNext: v('altNext'),
    altTerm: v('altTerm'),
    altLen: v('altLen'),
    altChecks: v('altChecks'),
    altCheck: v('altCheck'),
    altSig: v('altSig'),
    strCue: v('strCue'),
    termCues: v('termCues'),
    termCueList: v('termCueList'),
    cueEntry: v('cueEntry'),
    cueGap: v('cueGap'),
    cueCover: v('cueCover'),
    cueTerms: v('cueTerms'),
    cueTermList: v('cueTermList'),
    cueGates: v('cueGates'),
    wildKey: v('wildKey'),
    wildInfo: v('wildInfo'),
    wildBits: v('wildBits'),
    numValues: v('numValues'),
    anchorNumbers: v('anchorNumbers'),
    anchorUnits: v('anchorUnits'),
    anchorRequire: v('anchorRequire'),
    symRequire: v('symRequire'),
    symCueClass: v('symCueClass'),
    wildRequire: v('wildRequire'),
  };
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/** Cheap consistency checks between section sizes (no content scan). */
function checkShape(d: IndexData): void {
  const fail = (what: string) => {
    throw corrupt(what);
  };
  if (d.meta.length !== META_LENGTH) fail('meta section has the wrong size');
  const symbols = d.meta[META_SYMBOLS]!;
  if (!isPowerOfTwo(d.vocab.length / 2)) fail('vocabulary table size');
  if (!isPowerOfTwo(d.vocabFilter.length) || !isPowerOfTwo(d.cueFilter.length) || !isPowerOfTwo(d.nextFilter.length) || !isPowerOfTwo(d.classFilter.length)) {
    fail('vocabulary filter size');
  }
  if (d.acRoot.length !== symbols || d.symAttr.length !== symbols) fail('automaton root size');
  const nodes = d.acOut.length;
  if (nodes < 1 || d.acFail.length !== nodes || d.acDict.length !== nodes) fail('automaton node arrays differ in size');
  if (!isPowerOfTwo(d.acEdges.length / 3)) fail('automaton edge table size');
  const patterns = d.patNext.length;
  if (
    d.patLen.length !== patterns ||
    d.patCase.length !== patterns ||
    d.patTarget.length !== patterns ||
    d.patFold.length !== patterns + 1 ||
    d.patCased.length !== patterns + 1 ||
    d.patSig.length !== patterns + 1
  ) {
    fail('pattern arrays differ in size');
  }
  const aliases = d.aliasEntry.length;
  if (d.aliasFlags.length !== aliases || d.aliasGates.length !== aliases + 1) fail('alias arrays differ in size');
  if (!isPowerOfTwo(d.cueEdges.length / 3)) fail('cue edge table size');
  const alts = d.altNext.length;
  if (d.altTerm.length !== alts || d.altLen.length !== alts || d.altChecks.length !== alts + 1 || d.altSig.length !== alts + 1) {
    fail('cue alternative arrays differ in size');
  }
  const cues = d.cueEntry.length;
  if (d.cueGap.length !== cues || d.cueCover.length !== cues || d.cueTerms.length !== cues + 1 || d.cueGates.length !== cues + 1) {
    fail('cue arrays differ in size');
  }
  if (d.cueGates[cues]! > d.gateList.length) fail('cue gates run past the gate list');
  if (d.wildInfo.length !== d.wildKey.length * 3) fail('wildcard arrays differ in size');
  if (d.anchorUnits.length !== d.anchorNumbers.length || d.anchorRequire.length !== d.anchorNumbers.length) fail('anchor number arrays differ in size');
  if (d.symRequire.length !== symbols || d.symCueClass.length !== symbols || d.wildRequire.length !== d.wildKey.length) fail('cue anchor arrays differ in size');
}
