import { describe, expect, it } from 'vitest';
import { isAnnotationsReply, isBackgroundRequest, isContentRequest } from '../../../src/shared/messages.ts';

describe('message guards', () => {
  it('accept well-formed content requests', () => {
    expect(isContentRequest({ type: 'get-annotations' })).toBe(true);
    expect(isContentRequest({ type: 'reveal-annotation', id: 'pat-ryder' })).toBe(true);
    expect(isContentRequest({ type: 'step-annotation', direction: 'previous' })).toBe(true);
  });

  it('reject anything else', () => {
    for (const bad of [null, 'get-annotations', {}, { type: 'reveal-annotation' }, { type: 'reveal-annotation', id: '' }, { type: 'step-annotation', direction: 'up' }, { type: 'eval', code: '1' }]) {
      expect(isContentRequest(bad)).toBe(false);
    }
  });

  it('check counts sent to the background', () => {
    expect(isBackgroundRequest({ type: 'annotation-count', count: 3 })).toBe(true);
    expect(isBackgroundRequest({ type: 'annotation-count', count: -1 })).toBe(false);
    expect(isBackgroundRequest({ type: 'annotation-count', count: 1.5 })).toBe(false);
  });

  it('accept the request for the bundled dataset, and no unknown type', () => {
    expect(isBackgroundRequest({ type: 'bundled-dataset', repair: false })).toBe(true);
    for (const bad of [null, 'bundled-dataset', {}, { type: 'bundled-dataset' }, { type: 'bundled-dataset', repair: 'yes' }, { type: 'user-datasets' }, { type: 'annotation-count' }]) {
      expect(isBackgroundRequest(bad)).toBe(false);
    }
  });

  it('check the annotation list reply', () => {
    const reply = { type: 'annotations', url: 'https://x', annotations: [{ id: 'iran', name: 'Iran', category: 'places', count: 2 }] };
    expect(isAnnotationsReply(reply)).toBe(true);
    expect(isAnnotationsReply({ ...reply, annotations: [{ id: 'iran', name: 'Iran', category: 'planets', count: 2 }] })).toBe(false);
  });
});
