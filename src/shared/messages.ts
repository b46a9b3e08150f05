/**
 * Every message between the extension's parts, typed in one place.
 *
 * Messages are plain JSON objects with a `type`. Each receiver validates what
 * it gets with the guards below before acting on it: a message is data from
 * another context, never trusted blindly.
 */
import { CATEGORIES, type Category } from './categories.ts';

/** One annotated entry on a page, as the popup lists it. */
export interface PageAnnotation {
  /** Dataset entry id. */
  id: string;
  name: string;
  category: Category;
  /** Mentions of the entry found on the page (highlighted or not). */
  count: number;
}

/** Popup or background → content script. */
export type ContentRequest =
  | { type: 'get-annotations' }
  | { type: 'reveal-annotation'; id: string }
  | { type: 'step-annotation'; direction: 'next' | 'previous' };

export interface AnnotationsReply {
  type: 'annotations';
  url: string;
  annotations: PageAnnotation[];
}

/**
 * Content script → background. 'bundled-dataset' is answered with a
 * BundledDatasetRecord (bundled-dataset-delivery.ts); `repair`: the stored
 * copy had this build's key but could not be used.
 */
export type BackgroundRequest = { type: 'annotation-count'; count: number } | { type: 'bundled-dataset'; repair: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isContentRequest(v: unknown): v is ContentRequest {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'get-annotations':
      return true;
    case 'reveal-annotation':
      return typeof v.id === 'string' && v.id.length > 0 && v.id.length <= 200;
    case 'step-annotation':
      return v.direction === 'next' || v.direction === 'previous';
    default:
      return false;
  }
}

export function isBackgroundRequest(v: unknown): v is BackgroundRequest {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'annotation-count':
      return typeof v.count === 'number' && Number.isInteger(v.count) && v.count >= 0;
    case 'bundled-dataset':
      return typeof v.repair === 'boolean';
    default:
      return false;
  }
}

export function isAnnotationsReply(v: unknown): v is AnnotationsReply {
  return (
    isObject(v) &&
    v.type === 'annotations' &&
    typeof v.url === 'string' &&
    Array.isArray(v.annotations) &&
    v.annotations.every(
      (a: unknown) =>
        isObject(a) &&
        typeof a.id === 'string' &&
        typeof a.name === 'string' &&
        (CATEGORIES as readonly unknown[]).includes(a.category) &&
        typeof a.count === 'number',
    )
  );
}
