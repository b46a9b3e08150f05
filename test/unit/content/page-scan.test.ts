// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Annotator, type MatchSource } from '../../../src/content/annotator.ts';
import { readPage, readScopes, rereadPage } from '../../../src/content/page-scan.ts';
import { rendererFor } from '../../../src/content/highlights/renderer.ts';
import type { Annotation } from '../../../src/content/annotation.ts';
import { phraseSource, setBody } from './helpers.ts';

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
