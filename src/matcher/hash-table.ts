/**
 * Open-addressing hash tables in flat Int32Arrays, as stored in the index:
 * built here at compile time, probed by the scanner with the same slot
 * functions. Linear probing; load factor at most 1/2.
 */

export function tableSize(entries: number): number {
  let size = 8;
  while (size < entries * 2) size *= 2;
  return size;
}

import { filterMask, mixHash, slotOf } from './hash.ts';

/**
 * A word filter over these token hashes: hash.ts filterMask's three bits in
 * the word at mixHash's top bits, about 16 bits per hash, a power of two of
 * 32-bit words.
 */
export function wordFilter(hashes: readonly number[]): Uint32Array {
  let size = 8;
  while (size * 32 < hashes.length * 16) size *= 2;
  const filter = new Uint32Array(size);
  const shift = shiftFor(size);
  for (const hash of hashes) {
    const at = mixHash(hash) >>> shift;
    filter[at] = filter[at]! | filterMask(hash);
  }
  return filter;
}

/** The shift that makes slotOf() cover a power-of-two table of `size` slots. */
export function shiftFor(size: number): number {
  return Math.clz32(size) + 1;
}

/** Slot of an automaton edge (state, symbol). */
export function edgeSlot(state: number, sym: number, mask: number): number {
  let h = Math.imul(state, 0x9e3779b1) ^ Math.imul(sym, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & mask;
}

/**
 * Vocabulary: pairs [hash, symbol]; symbol -1 marks an empty slot.
 * Returns the table for the given hash → symbol map.
 */
export function buildKeyTable(entries: ReadonlyMap<number, number>): Int32Array {
  const size = tableSize(entries.size);
  const mask = size - 1;
  const shift = shiftFor(size);
  const table = new Int32Array(size * 2).fill(-1);
  for (const [key, value] of entries) {
    let slot = slotOf(key, shift);
    while (table[slot * 2 + 1] !== -1) slot = (slot + 1) & mask;
    table[slot * 2] = key;
    table[slot * 2 + 1] = value;
  }
  return table;
}

export function lookupKey(table: Int32Array, key: number): number {
  const size = table.length >> 1;
  const mask = size - 1;
  let slot = slotOf(key, shiftFor(size));
  for (;;) {
    const value = table[slot * 2 + 1]!;
    if (value === -1 || table[slot * 2] === key) return value;
    slot = (slot + 1) & mask;
  }
}

/**
 * Edges: triples [state, symbol, child]; child 0 marks an empty slot (the
 * root is never a child).
 */
export function buildEdgeTable(edges: ReadonlyArray<readonly [number, number, number]>): Int32Array {
  const size = tableSize(edges.length);
  const mask = size - 1;
  const table = new Int32Array(size * 3);
  for (const [state, sym, child] of edges) {
    let slot = edgeSlot(state, sym, mask);
    while (table[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
    table[slot * 3] = state;
    table[slot * 3 + 1] = sym;
    table[slot * 3 + 2] = child;
  }
  return table;
}

export function lookupEdge(table: Int32Array, state: number, sym: number): number {
  const mask = (table.length / 3) - 1;
  let slot = edgeSlot(state, sym, mask);
  for (;;) {
    const base = slot * 3;
    const child = table[base + 2]!;
    if (child === 0) return 0;
    if (table[base] === state && table[base + 1] === sym) return child;
    slot = (slot + 1) & mask;
  }
}
