// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src/content/annotation-store.ts';
import { MARK_TAG, MAX_SPLIT_CHARS, WRAP_TAG, WrapRenderer } from '../../../src/content/highlights/wrap-renderer.ts';
import { annotateBody, setBody } from './helpers.ts';
import type { Category } from '../../../src/shared/categories.ts';

function setup(html: string, phrases: Record<string, Category>, duringChange?: () => void) {
  setBody(html);
  const before = document.body.innerHTML;
  const nodesBefore = textNodes();
  const store = new AnnotationStore();
  store.add(annotateBody(phrases));
  let quiet = 0;
  const renderer = new WrapRenderer(document, 'underline', {
    quietly: (change) => {
      quiet++;
      duringChange?.();
      change();
    },
    touching: (node) => store.touching(node),
    all: () => store.all,
  });
  return { before, nodesBefore, store, renderer, quietCalls: () => quiet };
}

function textNodes(root: Node = document.body): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

const marks = () => [...document.querySelectorAll(MARK_TAG)];

describe('WrapRenderer', () => {
  it('wraps each mention in backstory-mark elements, never span, and keeps the text', () => {
    const { store, renderer, before } = setup('<p>Attacks on Al Tanf Garrison in Syria.</p>', { 'Al Tanf Garrison': 'places', Syria: 'places' });
    renderer.draw(store.all);
    expect(marks().map((m) => m.textContent)).toEqual(['Al Tanf Garrison', 'Syria']);
    expect(document.querySelector('span')).toBeNull();
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(before, 'text/html').body.textContent);
    expect(marks()[0]!.getAttribute('data-category')).toBe('places');
    expect(marks()[0]!.getAttribute('data-style')).toBe('underline');
  });

  it('unwraps exactly: same HTML, same text nodes, none merged or split', () => {
    const { store, renderer, before, nodesBefore } = setup(
      '<p>Qasem <a href="#">Soleimani</a> and Iraq.</p><p>Iraq<b></b>Iraq</p>',
      { 'Qasem Soleimani': 'people', Iraq: 'places' },
    );
    // The page's own adjacent text nodes, which a normalise() would merge.
    const p = document.querySelectorAll('p')[1]!;
    p.insertBefore(document.createTextNode(' next to '), p.childNodes[1]!);
    const withAdjacent = document.body.innerHTML;
    const nodesWithAdjacent = textNodes();
    expect(nodesWithAdjacent.length).toBe(nodesBefore.length + 1);
    renderer.draw(store.all);
    expect(marks().length).toBeGreaterThan(0);
    renderer.clear();
    expect(document.body.innerHTML).toBe(withAdjacent);
    const nodesAfter = textNodes();
    expect(nodesAfter).toHaveLength(nodesWithAdjacent.length);
    nodesAfter.forEach((node, i) => expect(node).toBe(nodesWithAdjacent[i]));
    expect(before).not.toBe(withAdjacent);
  });

  it('never moves the page’s own text node out of its parent', () => {
    const { store, renderer } = setup('<p id="p">Iraq</p>', { Iraq: 'places' });
    const p = document.getElementById('p')!;
    const original = p.firstChild as Text;
    renderer.draw(store.all);
    expect(original.parentNode).toBe(p);
    expect(original.data).toBe('');
    // What React does when it drops that text: must not throw.
    expect(() => p.removeChild(original)).not.toThrow();
  });

  it('keeps live ranges on the mention while wrapped and after unwrapping, drawn or not', () => {
    const { store, renderer } = setup('<p>Iraq, Iraq and Syria</p>', { Iraq: 'places', Syria: 'places' });
    const [first, second, third] = store.all;
    renderer.draw([first!, third!]);
    expect(store.all.map((a) => a.range.toString())).toEqual(['Iraq', 'Iraq', 'Syria']);
    expect(first!.range.startContainer.parentElement!.localName).toBe(MARK_TAG);
    // The second mention is not drawn, but its text node was split: its range still covers it.
    expect(second!.range.startContainer.parentElement!.localName).toBe(WRAP_TAG);
    renderer.clear();
    expect(store.all.map((a) => a.range.toString())).toEqual(['Iraq', 'Iraq', 'Syria']);
    expect(first!.range.startContainer).toBe(document.querySelector('p')!.firstChild);
  });

  it('keeps every range on its mention when a change to many text nodes parks them meanwhile', () => {
    // 40 paragraphs: past the renderer's threshold, ranges wait outside the document during the change.
    const html = Array.from({ length: 40 }, (_, i) => `<p>${i}: Iraq, Iraq and Syria.</p>`).join('');
    const outOfPage: boolean[] = [];
    const { store, renderer, before } = setup(html, { Iraq: 'places', Syria: 'places' }, () =>
      outOfPage.push(store.all.every((a) => a.range.startContainer.getRootNode() !== document)),
    );
    const texts = () => store.all.map((a) => a.range.toString());
    const expected = Array.from({ length: 40 }, () => ['Iraq', 'Iraq', 'Syria']).flat();
    const inPage = () => store.all.every((a) => a.range.startContainer.getRootNode() === document && a.range.endContainer.getRootNode() === document);
    // The first 20 paragraphs drawn: the other paragraphs' ranges are put back where they were.
    renderer.draw(store.all.slice(0, 60));
    expect(texts()).toEqual(expected);
    expect(inPage()).toBe(true);
    // The other 20 drawn too: the first paragraphs' ranges, inside our elements, are put back there.
    renderer.draw(store.all);
    expect(texts()).toEqual(expected);
    expect(inPage()).toBe(true);
    renderer.clear();
    expect(texts()).toEqual(expected);
    expect(inPage()).toBe(true);
    expect(document.body.innerHTML).toBe(before);
    expect(outOfPage).toEqual([true, true, true]); // while each of the three changes ran
  });

  it('takes the ranges of undrawn annotations the page dropped out of the page for good, at once when clearing in steps', () => {
    const html = Array.from({ length: 40 }, (_, i) => `<p>${i}: Iraq and Syria.</p>`).join('');
    const { store, renderer } = setup(html, { Iraq: 'places', Syria: 'places' });
    const dropped = [...store.all];
    renderer.draw(dropped);
    renderer.setActive(dropped[0]!);
    renderer.setFocus(dropped[1]!);
    store.clear();
    const job = renderer.clearInSteps();
    // Before any step: out of the page (not connected), and no mark still painted as active or focused.
    expect(dropped.every((a) => !a.range.startContainer.isConnected)).toBe(true);
    expect(document.querySelector('[data-active], [data-focus]')).toBeNull();
    job.return();
    renderer.clear();
    expect(marks()).toHaveLength(0);
  });

  it('adopt points an annotation found before its node was split at where its text is now', () => {
    const { store, renderer } = setup('<p>Iraq and Syria.</p>', { Iraq: 'places', Syria: 'places' });
    const [iraq, syria] = store.all;
    renderer.draw([iraq!]); // splits the node: "Syria" now lives in our element
    const origin = document.querySelector('p')!.firstChild as Text;
    syria!.range.setStart(origin, 0); // where a browser leaves a range whose text left the node
    syria!.range.setEnd(origin, 0);
    renderer.adopt([syria!]);
    expect(syria!.range.toString()).toBe('Syria');
    expect(syria!.range.startContainer.parentElement!.localName).toBe(WRAP_TAG);
  });

  it('clearInSteps: nothing counts as drawn at once, and the text comes back step by step', () => {
    const html = Array.from({ length: 250 }, (_, i) => `<p>${i}: Iraq and Syria.</p>`).join('');
    const { store, renderer, before } = setup(html, { Iraq: 'places', Syria: 'places' });
    renderer.draw(store.all);
    expect(marks()).toHaveLength(500);
    const job = renderer.clearInSteps();
    renderer.draw([]); // nothing counts as drawn any more: nothing for draw to undo
    expect(marks()).toHaveLength(500);
    job.next();
    expect(marks().length).toBeGreaterThan(0);
    expect(marks().length).toBeLessThan(500);
    // The last paragraph, drawn again before the job reaches it, keeps its marks.
    renderer.draw(store.all.slice(-2));
    for (let step = job.next(); !step.done; step = job.next());
    expect(marks().map((m) => m.textContent)).toEqual(['Iraq', 'Syria']);
    renderer.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(store.all.map((a) => a.range.toString())).toEqual(Array.from({ length: 250 }, () => ['Iraq', 'Syria']).flat());
  });

  it('clearInSteps cancelled half way: what is still wrapped goes with the next clear', () => {
    const html = Array.from({ length: 250 }, (_, i) => `<p>${i}: Iraq and Syria.</p>`).join('');
    const { store, renderer, before } = setup(html, { Iraq: 'places', Syria: 'places' });
    renderer.draw(store.all);
    const job = renderer.clearInSteps();
    job.next();
    job.return();
    expect(marks().length).toBeGreaterThan(0);
    renderer.clear();
    expect(marks()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('never splits a text node longer than MAX_SPLIT_CHARS: its mentions stay undrawn, their ranges untouched', () => {
    const filler = 'x'.repeat(MAX_SPLIT_CHARS);
    const { store, renderer, before } = setup(`<p>Iraq ${filler}</p><p>Syria</p>`, { Iraq: 'places', Syria: 'places' });
    const [iraq] = store.all;
    const range = iraq!.range;
    expect(renderer.canDraw(iraq!)).toBe(false);
    expect(renderer.canDraw(store.all[1]!)).toBe(true);
    renderer.draw(store.all);
    expect(marks().map((m) => m.textContent)).toEqual(['Syria']);
    expect(document.querySelector('p')!.innerHTML).toBe(`Iraq ${filler}`);
    expect(iraq!.range).toBe(range);
    expect(iraq!.range.toString()).toBe('Iraq');
    renderer.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('adds one element after each text node it splits, and takes it out in one removal', async () => {
    // Chromium updates every live range of the document per node removed:
    // one removal per text node keeps unwrapping a long page linear in practice.
    const { store, renderer, before } = setup('<p>Iraq, Syria and Iraq.</p><p>Syria</p>', { Iraq: 'places', Syria: 'places' });
    renderer.draw(store.all);
    expect([...document.querySelectorAll('p')].map((p) => [...p.childNodes].map((n) => n.nodeName))).toEqual([
      ['#text', WRAP_TAG.toUpperCase()],
      ['#text', WRAP_TAG.toUpperCase()],
    ]);
    const removed: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => removed.push(...r.removedNodes)));
    observer.observe(document.body, { childList: true, subtree: true });
    renderer.clear();
    await Promise.resolve();
    observer.disconnect();
    expect(removed.map((n) => n.nodeName)).toEqual([WRAP_TAG.toUpperCase(), WRAP_TAG.toUpperCase()]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('gives the text back even if the page took its element out', () => {
    const { store, renderer, before } = setup('<p>Attacks in Syria and Iraq.</p>', { Syria: 'places', Iraq: 'places' });
    renderer.draw(store.all);
    document.querySelector(WRAP_TAG)!.remove();
    renderer.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('nests names inside claims', () => {
    const { store, renderer } = setup('<p>Iran is behind the attacks, officials said.</p>', {
      'Iran is behind the attacks': 'claims',
      Iran: 'places',
    });
    renderer.draw(store.all);
    const outer = document.querySelector(`${MARK_TAG}[data-category="claims"]`)!;
    expect(outer.textContent).toBe('Iran is behind the attacks');
    expect(outer.querySelector(`${MARK_TAG}[data-category="places"]`)!.textContent).toBe('Iran');
  });

  it('leaves whitespace-only runs unwrapped', () => {
    const { store, renderer } = setup('<p><b>Qasem</b> <i>Soleimani</i></p>', { 'Qasem Soleimani': 'people' });
    renderer.draw(store.all);
    expect(marks().map((m) => m.textContent)).toEqual(['Qasem', 'Soleimani']);
    expect(document.querySelector('p')!.childNodes[1]!.nodeType).toBe(Node.TEXT_NODE);
  });

  it('draws only what changed, and undraws what is no longer shown', () => {
    const { store, renderer } = setup('<p>Iraq</p><p>Syria</p>', { Iraq: 'places', Syria: 'places' });
    const [iraq, syria] = store.all;
    renderer.draw([iraq!]);
    const iraqMark = marks()[0];
    renderer.draw([iraq!, syria!]);
    expect(marks()[0]).toBe(iraqMark);
    expect(marks()).toHaveLength(2);
    renderer.draw([syria!]);
    expect(marks().map((m) => m.textContent)).toEqual(['Syria']);
    expect(document.querySelector('p')!.innerHTML).toBe('Iraq');
  });

  it('makes its changes quietly, so the page observer ignores them', () => {
    const { store, renderer, quietCalls } = setup('<p>Iraq</p>', { Iraq: 'places' });
    renderer.draw(store.all);
    renderer.clear();
    expect(quietCalls()).toBe(2);
  });

  it('drops its stale copies when the page rewrites the text itself (React setting nodeValue)', () => {
    const { store, renderer } = setup('<p id="p">Talks in Iraq today</p>', { Iraq: 'places' });
    const p = document.getElementById('p')!;
    const original = p.firstChild as Text;
    renderer.draw(store.all);
    original.data = 'Talks in Syria today';
    renderer.repair([{ type: 'characterData', target: original, removedNodes: [] as unknown as NodeList } as unknown as MutationRecord]);
    expect(p.textContent).toBe('Talks in Syria today');
    expect(marks()).toHaveLength(0);
  });

  it('drops its copies when the page removes its text node', () => {
    const { store, renderer } = setup('<p id="p">Iraq</p>', { Iraq: 'places' });
    const p = document.getElementById('p')!;
    const original = p.firstChild as Text;
    renderer.draw(store.all);
    p.removeChild(original);
    renderer.repair([{ type: 'childList', target: p, removedNodes: [original] as unknown as NodeList } as unknown as MutationRecord]);
    expect(p.childNodes).toHaveLength(0);
  });

  it('marks the active and focused mention, and follows style changes', () => {
    const { store, renderer } = setup('<p>Iraq and Syria</p>', { Iraq: 'places', Syria: 'places' });
    const [iraq, syria] = store.all;
    renderer.draw(store.all);
    renderer.setFocus(iraq!);
    renderer.setActive(syria!);
    expect(marks()[0]!.hasAttribute('data-focus')).toBe(true);
    expect(marks()[1]!.hasAttribute('data-active')).toBe(true);
    renderer.setFocus(null);
    expect(marks()[0]!.hasAttribute('data-focus')).toBe(false);
    renderer.setStyle('hover');
    expect(marks().every((m) => m.getAttribute('data-style') === 'hover')).toBe(true);
  });

  it('keeps a claim and the names inside it on their own text', () => {
    const { store, renderer } = setup('<p>Iran is behind the attacks, officials said.</p>', {
      'Iran is behind the attacks': 'claims',
      Iran: 'places',
    });
    renderer.draw(store.all);
    expect(store.all.map((a) => a.range.toString())).toEqual(['Iran is behind the attacks', 'Iran']);
    renderer.clear();
    expect(document.body.innerHTML).toBe('<p>Iran is behind the attacks, officials said.</p>');
  });
});
