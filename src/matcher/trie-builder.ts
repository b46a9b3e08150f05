/**
 * A trie over integer symbols, built with Maps at compile time and then
 * flattened into the index's arrays. For the entity automaton it also
 * computes Aho-Corasick failure and dictionary links.
 */
import { buildEdgeTable } from './hash-table.ts';

export class TrieBuilder {
  #children: Array<Map<number, number>> = [new Map()];
  #outputs: number[][] = [[]];

  /** Adds a path and records `output` at its end. */
  insert(syms: readonly number[], output: number): void {
    let node = 0;
    for (const sym of syms) {
      const children = this.#children[node]!;
      let next = children.get(sym);
      if (next === undefined) {
        next = this.#children.length;
        children.set(sym, next);
        this.#children.push(new Map());
        this.#outputs.push([]);
      }
      node = next;
    }
    this.#outputs[node]!.push(output);
  }

  /**
   * Flattens the trie with nodes renumbered breadth-first (root = 0).
   * `symbolSpace` sizes the root array. Outputs at a node are chained
   * through `next` (indexed by output number, which must be < outputCount).
   */
  flatten(
    symbolSpace: number,
    outputCount: number,
    withFailure: boolean,
  ): {
    nodes: number;
    root: Int32Array;
    edges: Int32Array;
    out: Int32Array;
    next: Int32Array;
    fail: Int32Array;
    dict: Int32Array;
  } {
    const oldChildren = this.#children;
    const count = oldChildren.length;
    // Breadth-first renumbering.
    const order: number[] = [0];
    const newId = new Int32Array(count);
    for (let q = 0; q < order.length; q++) {
      for (const child of oldChildren[order[q]!]!.values()) {
        newId[child] = order.length;
        order.push(child);
      }
    }
    const children: Array<Map<number, number>> = order.map((old) => {
      const m = new Map<number, number>();
      for (const [sym, child] of oldChildren[old]!) m.set(sym, newId[child]!);
      return m;
    });
    const outputs = order.map((old) => this.#outputs[old]!);

    const root = new Int32Array(symbolSpace);
    for (const [sym, child] of children[0]!) root[sym] = child;
    const edgeList: Array<[number, number, number]> = [];
    for (let node = 1; node < count; node++) {
      for (const [sym, child] of children[node]!) edgeList.push([node, sym, child]);
    }
    const edges = buildEdgeTable(edgeList);

    const out = new Int32Array(count).fill(-1);
    const next = new Int32Array(outputCount).fill(-1);
    for (let node = 0; node < count; node++) {
      const list = outputs[node]!;
      for (let i = list.length - 1; i >= 0; i--) {
        next[list[i]!] = out[node]!;
        out[node] = list[i]!;
      }
    }

    const fail = new Int32Array(withFailure ? count : 0);
    const dict = new Int32Array(withFailure ? count : 0);
    if (withFailure) {
      // Parents come before children in breadth-first order.
      for (let node = 0; node < count; node++) {
        for (const [sym, child] of children[node]!) {
          let f = 0;
          if (node !== 0) {
            let g = fail[node]!;
            for (;;) {
              const via = children[g]!.get(sym);
              if (via !== undefined) {
                f = via;
                break;
              }
              if (g === 0) break;
              g = fail[g]!;
            }
          }
          fail[child] = f;
          dict[child] = out[f]! >= 0 ? f : dict[f]!;
        }
      }
    }
    return { nodes: count, root, edges, out, next, fail, dict };
  }
}
