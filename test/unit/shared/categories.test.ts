import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryAt, categoryCode, categoryOf, encodeCategories } from '../../../src/shared/categories.ts';
import { datasetEntries } from '../../e2e/support/dataset.ts';

describe('category codes', () => {
  it('give back every real entry’s category, one character per entry', async () => {
    const entries = await datasetEntries();
    const codes = encodeCategories(entries);
    expect(codes).toHaveLength(entries.length);
    entries.forEach((entry, i) => expect(categoryAt(codes, i), entry.id).toBe(categoryOf(entry)));
  });

  it('say nothing outside the string or for an unknown code', () => {
    expect(categoryAt('0', 1)).toBeUndefined();
    expect(categoryAt('9', 0)).toBeUndefined();
    expect(CATEGORIES.map((c) => categoryAt(categoryCode(c), 0))).toEqual([...CATEGORIES]);
  });
});
