/**
 * Which annotation is under the pointer, without any element of our own in
 * the page: the caret position under the point names a text node and offset,
 * a map from text nodes to annotations narrows the candidates, and only then
 * is the candidate's geometry read to confirm the point is really on it.
 */
import type { Annotation } from './annotation.ts';

export class AnnotationLookup {
  readonly #byNode = new Map<Node, Annotation[]>();

  /** `onPoint` hears each look-up's answer (the renderer paints the pointed annotation). */
  constructor(
    annotations: readonly Annotation[],
    private readonly onPoint?: (annotation: Annotation | null) => void,
  ) {
    for (const annotation of annotations) {
      for (const node of textNodesIn(annotation.range)) {
        let list = this.#byNode.get(node);
        if (!list) this.#byNode.set(node, (list = []));
        list.push(annotation);
      }
    }
  }

  /** The innermost annotation at a point, or null. Names win over the claims that contain them. */
  at(x: number, y: number, doc: Document): Annotation | null {
    const found = this.#find(x, y, doc);
    this.onPoint?.(found);
    return found;
  }

  #find(x: number, y: number, doc: Document): Annotation | null {
    const caret = caretAt(doc, x, y);
    if (!caret) return null;
    // Most points are over text nobody annotated: one map look-up, no geometry.
    const candidates = this.#byNode.get(caret.node);
    if (!candidates) return null;
    let best: Annotation | null = null;
    for (const annotation of candidates) {
      if (!containsPoint(annotation.range, x, y)) continue;
      if (!best || (best.category === 'claims' && annotation.category !== 'claims')) best = annotation;
    }
    return best;
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function containsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The text nodes a range covers, in order. */
export function textNodesIn(range: Range): Text[] {
  const { startContainer, endContainer } = range;
  if (startContainer === endContainer) return startContainer.nodeType === Node.TEXT_NODE ? [startContainer as Text] : [];
  const nodes: Text[] = [];
  const walker = startContainer.ownerDocument!.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = startContainer;
  for (let node: Node | null = startContainer; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(node as Text);
    if (node === endContainer) break;
  }
  return nodes;
}
