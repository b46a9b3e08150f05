import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, Matcher, compileIndex } from '../../../src/matcher/index.ts';
import { SECTIONS } from '../../../src/matcher/index-data.ts';
import { loadIndex, serialiseIndex } from '../../../src/matcher/index-format.ts';
import { patternSet, scanPairs } from './helpers.ts';
import type { PatternSet } from '../../../src/matcher/types.ts';

const set = patternSet(
  [['Syria'], ['Conoco Gas Field', { text: 'Conoco', requires: ['Syria'] }], ['US']],
  [[{ terms: ['90 percent', 'oil'] }]],
);
const { bytes } = compileIndex(set);
const text = 'The US says Conoco in Syria lost 90% of its oil.';

describe('the compiled index', () => {
  it('carries the dataset version and hash', () => {
    const m = Matcher.load(bytes);
    expect(m.version).toBe('1.2.3');
    expect(m.hash).toBe('test-hash');
  });

  it('scans the same after loading as the in-memory build', () => {
    expect(scanPairs(Matcher.load(bytes), text)).toEqual(scanPairs(Matcher.fromPatterns(set), text));
    expect(scanPairs(Matcher.load(bytes), text)).toEqual([
      [2, 'US'],
      [1, 'Conoco'],
      [0, 'Syria'],
      [3, '90% of its oil'],
    ]);
  });

  it('loads from a misaligned slice of a larger buffer', () => {
    const big = new Uint8Array(bytes.length + 3);
    big.set(bytes, 3);
    expect(scanPairs(Matcher.load(big.subarray(3)), text)).toEqual(scanPairs(Matcher.load(bytes), text));
  });

  it('is deterministic', () => {
    expect(compileIndex(set).bytes).toEqual(bytes);
  });

  it('loads an index written before its optional sections were added, and scans the same', () => {
    // A reader's imported dataset was compiled when it was imported: an
    // index without the later filters (index-format.ts OPTIONAL_SECTIONS)
    // must keep working.
    const names = patternSet([['Mission Support Site Green Village', 'Green Village'], ['Islamic Resistance in Iraq'], ['Iraq']]);
    const current = compileIndex(names).bytes;
    const older = serialiseIndex(loadIndex(current), SECTIONS.slice(0, -3));
    expect(older.length).toBeLessThan(current.length);
    const page = 'At Mission Support Site Green Village, the Islamic Resistance in Iraq struck. Green Village and Iraq again.';
    expect(scanPairs(Matcher.load(older), page)).toEqual(scanPairs(Matcher.load(current), page));
    expect(scanPairs(Matcher.load(current), page)).toEqual([
      [0, 'Mission Support Site Green Village'],
      [1, 'Islamic Resistance in Iraq'],
      [0, 'Green Village'],
      [2, 'Iraq'],
    ]);
    expect(() => Matcher.load(serialiseIndex(loadIndex(current), SECTIONS.slice(0, -4)))).toThrow(/sections/);
    // And with a claim whose cue has a second condition (the class filter).
    const olderClaims = serialiseIndex(loadIndex(bytes), SECTIONS.slice(0, -3));
    const claimText = 'Oil exports fell. The company said 90 percent of its oil was lost.';
    expect(scanPairs(Matcher.load(olderClaims), claimText)).toEqual(scanPairs(Matcher.load(bytes), claimText));
    expect(scanPairs(Matcher.load(bytes), claimText)).toEqual([[3, '90 percent of its oil']]);
    // An index from before cue gates has none: its cues count on any page, as they did when it was compiled.
    const gated: PatternSet = { version: 'v', hash: 'h', entities: [], claims: [{ cues: [{ terms: ['minor damage', 'no casualties'], requires: ['Erbil'] }] }] };
    const withGates = compileIndex(gated).bytes;
    const quake = 'The tremor caused minor damage but no casualties.';
    expect(scanPairs(Matcher.load(withGates), quake)).toEqual([]);
    expect(scanPairs(Matcher.load(serialiseIndex(loadIndex(withGates), SECTIONS.slice(0, -1))), quake)).toEqual([[0, 'minor damage but no casualties']]);
  });
});

describe('Matcher.load on bad buffers', () => {
  const copy = () => bytes.slice();

  it('rejects something that is not an index', () => {
    expect(() => Matcher.load(new TextEncoder().encode('{"entities": []}'))).toThrow(/bad magic/);
    expect(() => Matcher.load(new Uint8Array(0))).toThrow(/bad magic/);
  });

  it('rejects another format version with a clear message', () => {
    const b = copy();
    new DataView(b.buffer).setUint32(4, FORMAT_VERSION + 1, true);
    expect(() => Matcher.load(b)).toThrow(new RegExp(`format version ${FORMAT_VERSION + 1}.*rebuild`, 'i'));
  });

  it('rejects a truncated buffer', () => {
    expect(() => Matcher.load(bytes.subarray(0, bytes.length - 8))).toThrow(/corrupt or truncated/);
  });

  it('rejects cue gates that run past the gate list', () => {
    const gated: PatternSet = { version: 'v', hash: 'h', entities: [], claims: [{ cues: [{ terms: ['minor damage'], requires: ['Erbil'] }] }] };
    const data = loadIndex(compileIndex(gated).bytes);
    expect(() => Matcher.load(serialiseIndex(data))).not.toThrow();
    data.cueGates[1] = 0x7fffffff;
    expect(() => Matcher.load(serialiseIndex(data))).toThrow(/corrupt.*cue gates/);
  });

  it('rejects a damaged header or section table', () => {
    for (const at of [21, 30, 60]) {
      const b = copy();
      b[at] = b[at]! ^ 0xff;
      expect(() => Matcher.load(b), `byte ${at}`).toThrow(/corrupt/);
    }
  });
});
