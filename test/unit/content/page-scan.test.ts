// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Annotator, type MatchSource } from '../../../src/content/annotator.ts';
import { readPage, readScopes, rereadPage } from '../../../src/content/page-scan.ts';
import { rendererFor } from '../../../src/content/highlights/renderer.ts';
import type { Annotation } from '../../../src/content/annotation.ts';
import { phraseSource, setBody } from './helpers.ts';
import { matcherFor } from '../matcher/helpers.ts';
import { AnnotationStore } from '../../../src/content/annotation-store.ts';
import { WrapRenderer } from '../../../src/content/highlights/wrap-renderer.ts';

/** A source whose sessions record each batch they are asked to scan. */
function recording(): { source: MatchSource; batches: string[][] } {
  const inner = phraseSource({ Iraq: 'places' });
  const batches: string[][] = [];
  return {
    batches,
    source: {
      categoryOf: inner.categoryOf,
      session() {
        const session = inner.session();
        return {
          scan(blocks: readonly string[]) {
            batches.push([...blocks]);
            return session.scan(blocks);
          },
        };
      },
    },
  };
}

const drain = (job: Iterator<unknown>) => {
  let steps = 0;
  while (!job.next().done) steps++;
  return steps;
};

/** Paragraphs long enough to need several matcher batches. */
const longPage = () =>
  setBody(`<article>${Array.from({ length: 60 }, (_, i) => `<p>${i}: Iraq ${'words '.repeat(100)}</p>`).join('')}</article>`);

describe('reading jobs', () => {
  it('readPage finds everything, in several small steps and several matcher batches', () => {
    longPage();
    const { source, batches } = recording();
    const found: Annotation[] = [];
    const steps = drain(readPage([document.body], { wholePage: true }, new Annotator(document, source), { add: (a) => found.push(...a) }));
    expect(found).toHaveLength(60);
    expect(batches.length).toBeGreaterThan(1);
    expect(steps).toBeGreaterThan(batches.length);
  });

  it('rereadPage (the matcher asked to revisit) reads the page in document order, in small batches, then says it is done', () => {
    longPage();
    const { source, batches } = recording();
    const events: string[] = [];
    const found: Annotation[] = [];
    drain(
      rereadPage(
        [document.body],
        { wholePage: true },
        new Annotator(document, source),
        {
          add: (a) => {
            found.push(...a);
            events.push('add');
          },
        },
        () => events.push('done'),
      ),
    );
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat().map((b) => Number.parseInt(b, 10))).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(found).toHaveLength(60);
    expect(events.at(-1)).toBe('done');
    expect(events.filter((e) => e === 'done')).toHaveLength(1);
  });

  it('rereadPage leaves nothing to ask: a short form before its full name, unmatched as in one reading, asks no further revisit', () => {
    // Conoco waits for Syria (the end of the page); Ryder, in the first batch, for Pat Ryder in a later one.
    const m = matcherFor([[{ text: 'Conoco', requires: ['Syria'] }], ['Pat Ryder', { text: 'Ryder', afterFullName: true }], ['Syria']]);
    const source: MatchSource = { session: (knowing) => m.session(knowing), categoryOf: () => 'places' };
    setBody(
      `<article><p>Ryder said Conoco was hit.</p>${Array.from({ length: 30 }, () => `<p>${'words '.repeat(100)}</p>`).join('')}` +
        '<p>Pat Ryder spoke in Syria.</p></article>',
    );
    const first = new Annotator(document, source);
    drain(readPage([document.body], { wholePage: true }, first, { add: () => {} }));
    expect(first.wantsRevisit).toBe(true);
    const again = new Annotator(document, source, first);
    const found: Annotation[] = [];
    drain(rereadPage([document.body], { wholePage: true }, again, { add: (a) => found.push(...a) }, () => {}));
    expect(found.map((a) => a.range.toString())).toEqual(['Conoco', 'Pat Ryder', 'Syria']);
    expect(again.wantsRevisit).toBe(false);
  });

  it('with wholeBlocks, a text node longer than one batch is handed over once all its pieces are read', () => {
    // The wrap renderer splits the node when it draws: drawn piece by piece,
    // the later pieces would look stale and their mentions be lost.
    setBody(`<p>${'Iraq and more words here. '.repeat(1_000)}</p>`);
    for (const wholeBlocks of [true, false]) {
      const store = new AnnotationStore();
      const renderer = new WrapRenderer(document, 'underline', { quietly: (change) => change(), touching: (node) => store.touching(node), all: () => store.all });
      const handed: number[] = [];
      const reader = {
        add: (found: Annotation[]) => {
          handed.push(found.length);
          store.add(found);
          renderer.draw(store.all);
        },
        wholeBlocks,
      };
      drain(readPage([document.body], { wholePage: true }, new Annotator(document, phraseSource({ Iraq: 'places' })), reader));
      if (wholeBlocks) {
        expect(handed).toEqual([1_000]);
        expect(store.size).toBe(1_000);
      } else {
        expect(store.size).toBeLessThan(1_000);
      }
      renderer.clear();
    }
  });

  it('with wholeBlocks, a long block holding thousands of mentions is handed over in steps of 2,000, all of them', () => {
    // Taking 70,000 in at once (huge-text.html) made one slice of 65-90 ms.
    setBody(`<p>${'Iraq and more words here. '.repeat(2_500)}</p>`);
    const handed: Array<{ count: number; atStep: number }> = [];
    let steps = 0;
    const reader = { add: (found: Annotation[]) => handed.push({ count: found.length, atStep: steps }), wholeBlocks: true };
    const job = readPage([document.body], { wholePage: true }, new Annotator(document, phraseSource({ Iraq: 'places' })), reader);
    while (!job.next().done) steps++;
    expect(handed.map((h) => h.count)).toEqual([2_000, 500]);
    expect(handed[1]!.atStep).toBeGreaterThan(handed[0]!.atStep); // in separate steps
  });

  it('readScopes reads each changed part on its own and skips parts the page removed meanwhile', () => {
    setBody('<article><p id="a">Iraq</p><p id="b">Iraq and Iraq</p><p id="c">Iraq</p></article>');
    const { source } = recording();
    const gone = document.getElementById('c')!;
    gone.remove();
    const replaced: Array<[string, number]> = [];
    const scopes = [document.getElementById('a')!, document.getElementById('b')!, gone];
    drain(readScopes(scopes, { wholePage: true }, new Annotator(document, source), (scope, a) => replaced.push([scope.id, a.length])));
    expect(replaced).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
});

describe('rendererFor', () => {
  it('uses the Highlight API when chosen and available, and wraps otherwise', () => {
    expect(rendererFor('highlight-api', true)).toBe('highlight-api');
    expect(rendererFor('highlight-api', false)).toBe('wrap');
    expect(rendererFor('wrap', true)).toBe('wrap');
  });
});
