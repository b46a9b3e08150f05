// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

const runtime: { id: string | undefined } = { id: 'extension' };
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));

const { ContentContext, isContextInvalidated } = await import('../../../src/content/context.ts');

describe('ContentContext', () => {
  it('a newer copy of the script ends the older one', () => {
    const older = new ContentContext();
    const newer = new ContentContext();
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    newer.abort();
  });

  it('the page dispatching the teardown event ends nothing: only a newer copy or the extension being gone does', () => {
    const copy = new ContentContext();
    window.dispatchEvent(new CustomEvent('backstory:teardown'));
    window.dispatchEvent(new CustomEvent('backstory:teardown', { detail: 'someone-else' }));
    expect(copy.signal.aborted).toBe(false);
    runtime.id = undefined;
    try {
      window.dispatchEvent(new CustomEvent('backstory:teardown'));
      expect(copy.signal.aborted).toBe(true);
    } finally {
      runtime.id = 'extension';
    }
  });

  it('a newer copy ends the older one even where the page stops the event: the older one finds out at its next check', () => {
    const older = new ContentContext();
    const child = older.child();
    const block = (event: Event) => event.stopImmediatePropagation();
    window.addEventListener('backstory:teardown', block, { capture: true });
    try {
      const newer = new ContentContext();
      expect(older.signal.aborted).toBe(false);
      expect(child.isValid).toBe(false);
      expect(older.signal.aborted).toBe(true);
      expect(newer.isValid).toBe(true);
      newer.abort();
    } finally {
      window.removeEventListener('backstory:teardown', block, { capture: true });
    }
  });

  it('a child ends with its parent, and on its own without ending the parent', () => {
    const parent = new ContentContext();
    const first = parent.child();
    first.abort();
    expect(parent.signal.aborted).toBe(false);
    const second = parent.child();
    parent.abort();
    expect(second.signal.aborted).toBe(true);
  });

  it('finding the extension gone ends the whole script, quietly', () => {
    const root = new ContentContext();
    const child = root.child();
    runtime.id = undefined;
    try {
      expect(child.isValid).toBe(false);
      expect(root.signal.aborted).toBe(true);
    } finally {
      runtime.id = 'extension';
    }
  });

  it('timers and frames are cancelled when the context ends, or by the function they return', async () => {
    const root = new ContentContext();
    const ended = root.child();
    const ran: string[] = [];
    ended.setTimeout(() => ran.push('timeout'), 0);
    ended.requestAnimationFrame(() => ran.push('frame'));
    ended.abort();
    const cancelTimeout = root.setTimeout(() => ran.push('cancelled timeout'), 0);
    const cancelFrame = root.requestAnimationFrame(() => ran.push('cancelled frame'));
    cancelTimeout();
    cancelFrame();
    // Scheduled last, so they run last: once they have run, so would any of the others.
    await new Promise<void>((done) => root.setTimeout(done, 0));
    await new Promise<void>((done) => root.requestAnimationFrame(done));
    expect(ran).toEqual([]);
    root.abort();
  });

  it('nothing is scheduled on a context that already ended', async () => {
    const root = new ContentContext();
    const ended = root.child();
    ended.abort();
    const ran: string[] = [];
    ended.setTimeout(() => ran.push('timeout'), 0);
    await new Promise<void>((done) => root.setTimeout(done, 0));
    expect(ran).toEqual([]);
    root.abort();
  });

  it('"Extension context invalidated" is recognised as a shutdown', () => {
    expect(isContextInvalidated(new Error('Extension context invalidated.'))).toBe(true);
    expect(isContextInvalidated(new Error('Something else'))).toBe(false);
  });
});
