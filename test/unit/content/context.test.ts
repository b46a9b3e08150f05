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

  it('timers and frames are cancelled when the context ends, and leave no listener behind', async () => {
    const context = new ContentContext();
    const ran: string[] = [];
    context.setTimeout(() => ran.push('timeout'), 0);
    context.requestAnimationFrame(() => ran.push('frame'));
    context.abort();
    await new Promise((done) => setTimeout(done, 50));
    expect(ran).toEqual([]);
  });

  it('"Extension context invalidated" is recognised as a shutdown', () => {
    expect(isContextInvalidated(new Error('Extension context invalidated.'))).toBe(true);
    expect(isContextInvalidated(new Error('Something else'))).toBe(false);
  });
});
