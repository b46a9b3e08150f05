// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src/content/annotation-store.ts';
import { defaults } from '../../../src/shared/settings-schema.ts';
import { annotateBody, setBody } from './helpers.ts';

const settings = (change: Partial<typeof defaults> = {}) => ({ ...structuredClone(defaults), ...change });

describe('AnnotationStore', () => {
  it('keeps document order whatever order batches arrive in', () => {
    setBody('<p>Iraq one</p><p>Syria two</p><p>Iran three</p>');
    const [iraq, syria, iran] = annotateBody({ Iraq: 'places', Syria: 'places', Iran: 'places' });
    const store = new AnnotationStore();
    store.add([iran!]);
    store.add([iraq!]);
    store.add([syria!]);
    expect(store.all.map((a) => a.range.toString())).toEqual(['Iraq', 'Syria', 'Iran']);
  });

  it('never holds the same mention twice, and says which it added', () => {
    setBody('<p>Iraq</p><p>Syria</p>');
    const store = new AnnotationStore();
    const [iraq] = annotateBody({ Iraq: 'places' });
    const first = store.add([iraq!]);
    expect(first).toHaveLength(1);
    expect(first[0]).toBe(iraq);
    const again = annotateBody({ Iraq: 'places', Syria: 'places' });
    const added = store.add(again);
    // The very objects the store now holds, which the renderer keys its drawing on.
    expect(added).toHaveLength(1);
    expect(added[0]).toBe(again[1]);
    expect(store.all[1]).toBe(again[1]);
    expect(store.size).toBe(2);
  });

  it('finds the annotation equal to one read again, unless its text has gone meanwhile', () => {
    setBody('<p>Iraq and Syria</p>');
    const store = new AnnotationStore();
    const [iraq, syria] = annotateBody({ Iraq: 'places', Syria: 'places' });
    store.add([iraq!, syria!]);
    const [iraqAgain, syriaAgain] = annotateBody({ Iraq: 'places', Syria: 'places' });
    expect(store.equalOf(iraqAgain!)).toBe(iraq);
    expect(store.equalOf(syriaAgain!)).toBe(syria);
    // The page rewrote the text to the same length: the old range collapsed.
    syria!.range.collapse(true);
    expect(store.equalOf(syriaAgain!)).toBeUndefined();
  });

  it('shows each entry’s first mention in document order, or every mention', () => {
    setBody('<p>Syria</p><p>Iraq and Iraq</p><p>Syria</p>');
    const found = annotateBody({ Iraq: 'places', Syria: 'places' });
    const store = new AnnotationStore();
    // The later mentions arrive first (visible text is read first).
    store.add(found.slice(1));
    store.add(found.slice(0, 1));
    const first = store.shown(settings());
    expect(first.map((a) => a.range.startContainer.parentElement!.textContent)).toEqual(['Syria', 'Iraq and Iraq']);
    expect(first[0]).toBe(found[0]);
    expect(store.shown(settings({ mentions: 'all' }))).toHaveLength(4);
  });

  it('shows, of each entry, the first mention the renderer can draw; `first` still marks the first on the page', () => {
    setBody('<p id="a">Iraq</p><p id="b">Iraq and Syria</p><p id="c">Iraq</p>');
    const store = new AnnotationStore();
    store.add(annotateBody({ Iraq: 'places', Syria: 'places' }));
    const notInA = (a: { nodes: readonly Text[] }) => a.nodes[0]!.parentElement!.id !== 'a';
    const shown = store.shown(settings(), notInA);
    expect(shown.map((a) => `${a.range.toString()}@${a.nodes[0]!.parentElement!.id}`)).toEqual(['Iraq@b', 'Syria@b']);
    expect(store.all.map((a) => a.first)).toEqual([true, false, true, false]);
    expect(store.shown(settings({ mentions: 'all' }), notInA)).toHaveLength(3);
  });

  it('hides switched-off categories without forgetting them', () => {
    setBody('<p>Iraq and Pat Ryder</p>');
    const store = new AnnotationStore();
    store.add(annotateBody({ Iraq: 'places', 'Pat Ryder': 'people' }));
    const categories = { ...defaults.categories, places: false };
    expect(store.shown(settings({ categories })).map((a) => a.range.toString())).toEqual(['Pat Ryder']);
    expect(store.size).toBe(2);
  });

  it('drops annotations whose text was removed or moved, and those under an element', () => {
    setBody('<div id="a"><p>Iraq</p></div><div id="b"><p>Syria</p><p>Iran</p></div>');
    const store = new AnnotationStore();
    store.add(annotateBody({ Iraq: 'places', Syria: 'places', Iran: 'places' }));
    document.querySelector('#a p')!.remove();
    // (A move, which collapses live ranges in browsers, is covered end to end: happy-dom's ranges do not follow it.)
    expect(store.removeStale().map((a) => a.entry)).toEqual([0]);
    expect(store.removeWithin(document.getElementById('b')!).map((a) => a.range.toString())).toEqual(['Syria', 'Iran']);
    expect(store.size).toBe(0);
  });

  it('indexes annotations by the page text nodes they cover', () => {
    setBody('<p>Qasem <a>Soleimani</a></p>');
    const store = new AnnotationStore();
    store.add(annotateBody({ 'Qasem Soleimani': 'people' }));
    const link = document.querySelector('a')!.firstChild as Text;
    expect(store.touching(link)).toHaveLength(1);
    store.clear();
    expect(store.touching(link)).toHaveLength(0);
  });

  it('counts the entries mentioned in enabled categories, in the order of their first mention', () => {
    setBody('<p>Syria, Iraq and Pat Ryder</p><p>Iraq and Syria</p><p>Iraq</p>');
    const store = new AnnotationStore();
    const found = annotateBody({ Iraq: 'places', Syria: 'places', 'Pat Ryder': 'people' });
    store.add(found.slice(2));
    store.add(found.slice(0, 2));
    const name = (entry: number) => found.find((a) => a.entry === entry)!.range.toString();
    const summary = (categories = defaults.categories) =>
      [...store.mentionedEntries(categories)].map(([entry, { category, count }]) => [name(entry), category, count]);
    expect(summary()).toEqual([
      ['Syria', 'places', 2],
      ['Iraq', 'places', 3],
      ['Pat Ryder', 'people', 1],
    ]);
    expect(summary({ ...defaults.categories, places: false })).toEqual([['Pat Ryder', 'people', 1]]);
  });
});
