// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'test' } } }));

const { ContentContext } = await import('../../../src/content/context.ts');
const { KeyboardNavigation } = await import('../../../src/content/keyboard-navigation.ts');
import type { Annotation } from '../../../src/content/annotation.ts';
import { annotateBody, setBody } from './helpers.ts';

let context: InstanceType<typeof ContentContext>;
afterEach(() => context.abort());

function setup() {
  setBody('<p>Iraq</p><p>Syria</p><p>Iran</p>');
  const annotations = annotateBody({ Iraq: 'places', Syria: 'places', Iran: 'places' });
  context = new ContentContext();
  const log: string[] = [];
  const nav = new KeyboardNavigation(context, {
    annotations: () => annotations,
    focus: (a: Annotation | null) => log.push(`focus ${a?.range.toString() ?? '-'}`),
    open: (a: Annotation, options) => log.push(`open ${a.range.toString()} ${options.source}`),
  });
  return { nav, log, annotations };
}

describe('KeyboardNavigation', () => {
  it('steps through the drawn annotations, wrapping around, and opens each card', () => {
    const { nav, log } = setup();
    const names = ['next', 'next', 'next', 'next', 'previous', 'previous'].map(
      (direction) => nav.step(direction as 'next' | 'previous')!.range.toString(),
    );
    expect(names).toEqual(['Iraq', 'Syria', 'Iran', 'Iraq', 'Iran', 'Syria']);
    expect(log.slice(0, 2)).toEqual(['focus Iraq', 'open Iraq keyboard']);
  });

  it('Escape leaves: the outline goes and the next step starts afresh', () => {
    const { nav, log } = setup();
    nav.step('next');
    nav.step('next');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(log.at(-1)).toBe('focus -');
    expect(nav.focused).toBeNull();
  });

  it('does nothing on a page without annotations', () => {
    setBody('<p>Nothing here</p>');
    context = new ContentContext();
    const nav = new KeyboardNavigation(context, { annotations: () => [], focus: () => undefined, open: () => undefined });
    expect(nav.step('next')).toBeNull();
  });

  it('stops listening when its context ends', () => {
    const { nav, log } = setup();
    nav.step('next');
    context.abort();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(log.at(-1)).toBe('open Iraq keyboard');
  });
});
