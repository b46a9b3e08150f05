// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'test' } } }));

const { ContentContext } = await import('../../../src/content/context.ts');
const { PageObserver, summarise } = await import('../../../src/content/page-observer.ts');
import type { PageChange } from '../../../src/content/page-observer.ts';
import { frame, setBody } from './helpers.ts';

function observe() {
  const context = new ContentContext();
  const batches: PageChange[] = [];
  const immediate: MutationRecord[][] = [];
  const observer = new PageObserver(document, context, {
    immediate: (records) => immediate.push([...records]),
    batch: (change) => batches.push(change),
  });
  return { context, observer, batches, immediate };
}

let context: InstanceType<typeof ContentContext> | undefined;
afterEach(() => context?.abort());

describe('PageObserver', () => {
  it('batches a frame of changes into one, keeping outermost additions only', async () => {
    setBody('<article><p id="a">Iraq</p></article>');
    const run = observe();
    context = run.context;
    const section = document.createElement('section');
    section.innerHTML = '<p>Syria</p><p>Iran</p>';
    document.querySelector('article')!.append(section);
    // Nested: added inside what was just added.
    section.append(document.createElement('p'));
    (document.getElementById('a')!.firstChild as Text).data = 'Iraq and Syria';
    await frame();
    expect(run.batches).toHaveLength(1);
    expect(run.batches[0]!.added).toEqual([section]);
    expect(run.batches[0]!.changedText.map((t) => t.data)).toEqual(['Iraq and Syria']);
    expect(run.immediate.length).toBeGreaterThan(0);
  });

  it('ignores our own changes made quietly, and keeps the page’s made before them', async () => {
    setBody('<article><p id="a">Iraq</p></article>');
    const run = observe();
    context = run.context;
    const pageAdded = document.createElement('p');
    document.querySelector('article')!.append(pageAdded);
    run.observer.quietly(() => {
      document.getElementById('a')!.append(document.createElement('backstory-mark'));
    });
    await frame();
    expect(run.batches).toHaveLength(1);
    expect(run.batches[0]!.added).toEqual([pageAdded]);
  });

  it('ignores Backstory’s host element', async () => {
    setBody('<article><p>Iraq</p></article>');
    const run = observe();
    context = run.context;
    document.documentElement.append(document.createElement('backstory-root'));
    await frame();
    expect(run.batches).toEqual([]);
  });

  it('reports elements shown or hidden by class or attribute', async () => {
    // Hidden here, not shown: happy-dom reports the old value of a removed
    // `hidden=""` as null, where browsers say "" (the e2e "Read more" tests show it there).
    setBody('<article><section id="more"><p>Syria</p></section><section id="other" class="open"><p>Iraq</p></section></article>');
    const run = observe();
    context = run.context;
    document.getElementById('more')!.hidden = true;
    document.getElementById('other')!.className = 'closed';
    await frame();
    expect(run.batches[0]!.toggled.map((e) => e.id)).toEqual(['more', 'other']);
  });

  it('ignores attributes written with the value they had, or changed and changed back in one frame', async () => {
    setBody('<article class="a"><section id="more"><p>Syria</p></section></article>');
    const run = observe();
    context = run.context;
    document.body.classList.add('x');
    document.body.classList.remove('x'); // back as it was
    document.querySelector('article')!.className = 'a'; // the same value again
    document.getElementById('more')!.setAttribute('aria-hidden', 'true');
    await frame();
    expect(run.batches.map((b) => b.toggled.map((e) => e.id))).toEqual([['more']]);
  });

  it('asks for a full reading after a huge mutation', async () => {
    setBody('<article></article>');
    const run = observe();
    context = run.context;
    const article = document.querySelector('article')!;
    for (let i = 0; i < 2_500; i++) article.append(document.createElement('p'));
    await frame();
    expect(run.batches).toHaveLength(1);
    expect(run.batches[0]!.huge).toBe(true);
  });

  it('stops for good when its context ends', async () => {
    setBody('<article></article>');
    const run = observe();
    run.context.abort();
    document.querySelector('article')!.append(document.createElement('p'));
    await frame();
    expect(run.batches).toEqual([]);
  });
});

describe('summarise', () => {
  it('notes removals and drops nodes no longer in the page', () => {
    setBody('<p id="a">x</p>');
    const gone = document.createElement('p');
    const record = { type: 'childList', target: document.body, addedNodes: [gone], removedNodes: [document.createElement('p')] };
    const change = summarise([record as unknown as MutationRecord]);
    expect(change.removed).toBe(true);
    expect(change.added).toEqual([]);
  });
});
