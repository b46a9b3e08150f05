import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'test' } } }));
const { articleUrl } = await import('../../../src/content/navigation-watch.ts');

describe('articleUrl', () => {
  it('drops a fragment that jumps within the article, and keeps one that routes to another', () => {
    expect(articleUrl('https://news.example/world/story-1#comments')).toBe('https://news.example/world/story-1');
    expect(articleUrl('https://news.example/world/story-1')).toBe('https://news.example/world/story-1');
    expect(articleUrl('https://app.example/#/story/123')).toBe('https://app.example/#/story/123');
    expect(articleUrl('https://app.example/#!/story/123')).toBe('https://app.example/#!/story/123');
    expect(articleUrl('https://app.example/#/story/123')).not.toBe(articleUrl('https://app.example/#/story/456'));
  });
});
