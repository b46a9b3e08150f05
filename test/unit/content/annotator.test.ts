// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Annotator, type MatchSource } from '../../../src/content/annotator.ts';
import type { MatchSession } from '../../../src/matcher/index.ts';
import { collectBlocks } from '../../../src/content/page-text.ts';
import { annotateBody, phraseSource, setBody } from './helpers.ts';

describe('Annotator', () => {
  it('maps matches to live ranges over the page text, across inline elements', () => {
    setBody('<p>Quds Force commander Qasem <a href="#">Soleimani</a> was killed.</p><p>Soleimani again.</p>');
    const annotations = annotateBody({ 'Qasem Soleimani': 'people', Soleimani: 'people' });
    expect(annotations.map((a) => a.range.toString())).toEqual(['Qasem Soleimani', 'Soleimani']);
    const [first] = annotations;
    expect(first!.nodes.map((n) => n.data)).toEqual(['Quds Force commander Qasem ', 'Soleimani']);
    expect(first!.startOffset).toBe('Quds Force commander '.length);
    expect(first!.endOffset).toBe('Soleimani'.length);
    expect(first!.category).toBe('people');
  });

  it('never matches across two paragraphs', () => {
    setBody('<p>Qasem</p><p>Soleimani</p>');
    expect(annotateBody({ 'Qasem Soleimani': 'people' })).toEqual([]);
  });

  it('skips a block whose text changed after it was read', () => {
    setBody('<p>Iraq and Syria</p><p>Iraq</p>');
    const blocks = collectBlocks([document.body], { wholePage: true });
    (document.querySelector('p')!.firstChild as Text).data = 'Changed text';
    const annotations = new Annotator(document, phraseSource({ Iraq: 'places' })).annotate(blocks);
    expect(annotations.map((a) => a.range.startContainer.parentElement!.textContent)).toEqual(['Iraq']);
  });

  it('opens its session knowing the session of the annotator it follows (a revisit)', () => {
    setBody('<p>Iraq</p>');
    const inner = phraseSource({ Iraq: 'places' });
    const knownBy: Array<MatchSession | undefined> = [];
    const source: MatchSource = {
      categoryOf: inner.categoryOf,
      session(knowing) {
        knownBy.push(knowing);
        return inner.session();
      },
    };
    const first = new Annotator(document, source);
    const firstSession = first.prepare();
    new Annotator(document, source, first).prepare();
    new Annotator(document, source).prepare();
    expect(knownBy).toEqual([undefined, firstSession, undefined]);
  });

  it('keeps one matcher session for all the batches of a page', () => {
    setBody('<p>Iraq</p>');
    const source = phraseSource({ Iraq: 'places' });
    const annotator = new Annotator(document, source);
    const blocks = collectBlocks([document.body], { wholePage: true });
    annotator.annotate(blocks);
    annotator.annotate(blocks);
    expect(source.sessions).toBe(1);
  });
});
