/**
 * Reads a page's visible text as blocks (paragraphs) for the matcher.
 *
 * A block is the text of consecutive text nodes under one block-level
 * element, so a match can cross inline elements ("Qasem <a>Soleimani</a>")
 * but never two paragraphs. Each block remembers which text node every
 * offset came from, to turn matches back into DOM ranges.
 *
 * Walking is a generator that pauses every few hundred nodes, so that the
 * scheduler can spread a 1 MB page over many short tasks.
 */

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] within text. */
  starts: number[];
  /** The block-level element the text belongs to (for "visible first" and rescans). */
  element: Element;
  /**
   * Each node's length when it was read, where it differs from what `starts`
   * implies: a piece of a long block (splitLongBlock) can begin or end inside
   * a node, and its first start is then negative.
   */
  lengths?: number[];
}

/** Elements whose text is never read: code, form fields, embedded documents and graphics, our own UI. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio',
  'backstory-root',
]);

/** Elements that end one block and start another. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

/**
 * Page furniture skipped in article scope: navigation, footers, asides and
 * comment sections. The selector says what counts; isFurniture tests the
 * same by hand, since it runs on every element of the page and a selector
 * match with substring attribute tests costs several times more.
 */
const FURNITURE_SELECTOR = [
  'nav', 'footer', 'aside', '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]',
  '[id*="comment" i]', '[class*="comment" i]',
].join(',');
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);
const COMMENT = /comment/i;

/** Where an article's text lives, most specific first. */
const ARTICLE_BODY_SELECTOR = '[itemprop="articleBody"]';
const MAIN_SELECTOR = 'main, [role="main"]';

/** Nodes walked between two pauses; a few hundred keep each step well under a millisecond. */
const NODES_PER_STEP = 300;

/**
 * Articles shorter than this (in characters), next to a longer one, are
 * teasers; on pages that stack several full articles (infinite scroll), each
 * long one is read.
 */
const MIN_ARTICLE_CHARS = 1_500;

export interface CollectOptions {
  /** Also read page furniture (navigation, footers, asides, comments). */
  wholePage: boolean;
}

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.localName)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (element.hasAttribute('contenteditable') || (element as HTMLElement).isContentEditable) return true;
  return false;
}

/**
 * Is the element, or one of its ancestors, skipped? A reading root must be
 * checked this way: the walk below a root only looks at what it holds (an
 * editable headline, or an article inside an editor, is the page's to edit).
 */
export function isInsideSkipped(element: Element): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (isSkippedElement(e)) return true;
  return false;
}

/** Same as element.matches(FURNITURE_SELECTOR). */
export function isFurniture(element: Element): boolean {
  if (FURNITURE_TAGS.has(element.localName)) return true;
  const role = element.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  const id = element.getAttribute('id');
  if (id !== null && COMMENT.test(id)) return true;
  const className = element.getAttribute('class');
  return className !== null && COMMENT.test(className);
}

export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

/** The roots to read: the whole body, or the article(s) and the headline. */
export function findRoots(doc: Document, options: CollectOptions): Element[] {
  if (options.wholePage) return doc.body ? [doc.body] : [];
  return findArticleRoots(doc);
}

/** Where the article is, if the page marks one, plus its headline; else the body. */
export function findArticleRoots(doc: Document): Element[] {
  const bodies = outermost([...doc.querySelectorAll(ARTICLE_BODY_SELECTOR)]);
  let roots = bodies.length > 0 ? bodies : articles(doc);
  if (roots.length === 0) {
    const main = doc.querySelector(MAIN_SELECTOR);
    roots = main ? [main] : [];
  }
  if (roots.length === 0) return doc.body ? [doc.body] : [];
  const headline = doc.querySelector('h1');
  if (headline && !roots.some((root) => root.contains(headline)) && !insideFurniture(headline) && !isInsideSkipped(headline)) {
    return [headline, ...roots];
  }
  return roots;
}

/** The page's real articles: the longest, and any other nearly as substantial (stacked articles). */
function articles(doc: Document): Element[] {
  const candidates = outermost([...doc.querySelectorAll('article')]).filter((a) => !insideFurniture(a));
  if (candidates.length <= 1) return candidates;
  const lengths = candidates.map((a) => a.textContent?.length ?? 0);
  const longest = Math.max(...lengths);
  const threshold = Math.min(longest, MIN_ARTICLE_CHARS);
  return candidates.filter((_, i) => lengths[i]! >= threshold);
}

/**
 * Drops duplicates and elements nested inside another of the list. By
 * ancestors, not by pairs: a frame of page changes can bring thousands.
 */
export function outermost(elements: readonly Element[]): Element[] {
  const unique = new Set(elements);
  return [...unique].filter((e) => {
    for (let up = e.parentElement; up; up = up.parentElement) if (unique.has(up)) return false;
    return true;
  });
}

function insideFurniture(element: Element): boolean {
  return element.parentElement?.closest(FURNITURE_SELECTOR) != null;
}

/**
 * Whether text under `element` may be read, given the roots: inside one of
 * them, and with no skipped, hidden or (in article scope) furniture element
 * on the way up.
 */
export function isReadable(element: Element, roots: readonly Element[], options: CollectOptions): boolean {
  const root = roots.find((r) => r.contains(element));
  if (!root) return false;
  for (let e: Element | null = element; e && e !== root; e = e.parentElement) {
    if (isSkippedElement(e)) return false;
    if (!options.wholePage && isFurniture(e)) return false;
  }
  return !isInsideSkipped(root);
}

/**
 * The block-level elements to read again after the page added or changed
 * these nodes, where they can be read: a new paragraph on its own; new
 * text or a new inline element with the block it joined.
 */
export function blocksToReread(nodes: readonly Node[], roots: readonly Element[], options: CollectOptions): Element[] {
  const blocks: Element[] = [];
  for (const node of nodes) {
    const isElement = node.nodeType === Node.ELEMENT_NODE;
    const element = isElement ? (node as Element) : node.parentElement;
    if (!element) continue;
    const root = roots.find((r) => r.contains(element));
    if (!root || !isReadable(element, roots, options)) continue;
    if (isElement && isBlockElement(element)) blocks.push(element);
    else blocks.push(nearestBlock(isElement ? (element.parentElement ?? root) : element, root));
  }
  return blocks;
}

/** The blocks under the roots, all at once (tests and small scopes). */
export function collectBlocks(roots: readonly Element[], options: CollectOptions): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const root of roots) {
    for (const block of walkBlocks(root, options)) if (block) blocks.push(block);
  }
  return blocks;
}

/**
 * Yields the blocks under `root` in document order, and `null` every few
 * hundred nodes so that the caller can pause. The walker survives pauses;
 * text that changes meanwhile is caught by the page observer.
 */
export function* walkBlocks(root: Element, options: CollectOptions): Generator<TextBlock | null, void> {
  if (isInsideSkipped(root)) return;
  const doc = root.ownerDocument;
  const visible = new WeakMap<Element, boolean>();
  const blockOf = new Map<Element, Element>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (isSkippedElement(element)) return NodeFilter.FILTER_REJECT;
      if (!options.wholePage && element !== root && isFurniture(element)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });

  let current: TextBlock | null = null;
  let currentBlockElement: Element | null = null;
  let sincePause = 0;
  const close = (): TextBlock | null => {
    const done = current && current.nodes.length > 0 && /\S/.test(current.text) ? current : null;
    current = null;
    return done;
  };

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++sincePause >= NODES_PER_STEP) {
      sincePause = 0;
      yield null;
    }
    if (node.nodeType !== Node.TEXT_NODE) {
      if ((node as Element).localName === 'br') {
        const done = close();
        if (done) yield done;
      }
      continue;
    }
    const text = node as Text;
    const parent = text.parentElement;
    if (!parent || text.length === 0) continue;
    let blockElement = blockOf.get(parent);
    if (!blockElement) blockOf.set(parent, (blockElement = nearestBlock(parent, root)));
    if (blockElement !== currentBlockElement) {
      const done = close();
      if (done) yield done;
      currentBlockElement = blockElement;
    }
    if (!isVisible(parent, visible)) continue;
    current ??= { text: '', nodes: [], starts: [], element: blockElement };
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  const done = close();
  if (done) yield done;
}

/** The block-level element whose text `node` belongs to, never above `root`. */
export function nearestBlock(element: Element, root: Element): Element {
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (e === root || BLOCK_TAGS.has(e.localName)) return e;
  }
  return root;
}

function isVisible(element: Element, cache: WeakMap<Element, boolean>): boolean {
  let result = cache.get(element);
  if (result === undefined) {
    // checkVisibility reads computed style (display: none, visibility, content-visibility: hidden)
    // without forcing layout.
    result = typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
    cache.set(element, result);
  }
  return result;
}

/** Finds the text node and offset inside it for a block offset. */
export function locate(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number; index: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]!, index: lo };
}

/**
 * Whether the block's text nodes still hold what was read: a block collected
 * before a pause may have changed since, and a stale offset must never
 * become a range.
 */
export function isBlockCurrent(block: TextBlock, fromNode: number, toNode: number): boolean {
  for (let i = fromNode; i <= toNode; i++) {
    const node = block.nodes[i]!;
    const start = block.starts[i]!;
    const end = block.starts[i + 1] ?? block.text.length;
    const length = block.lengths?.[i] ?? end - start;
    if (!node.isConnected || node.length !== length) return false;
  }
  return true;
}

/**
 * Cuts a block longer than `maxChars` into pieces the matcher can read within
 * one slice: a page can hold megabytes in a single paragraph or text node.
 * Cuts fall at a sentence end where one is near, else at white space, so that
 * only a name broken across a cut with no space in reach could be missed.
 */
export function splitLongBlock(block: TextBlock, maxChars: number): TextBlock[] {
  const { text } = block;
  if (text.length <= maxChars) return [block];
  const pieces: TextBlock[] = [];
  const lengths = block.nodes.map((_, i) => block.lengths?.[i] ?? (block.starts[i + 1] ?? text.length) - block.starts[i]!);
  for (let from = 0; from < text.length; ) {
    const to = from + maxChars >= text.length ? text.length : cutPoint(text, from, from + maxChars);
    const first = locate(block, from).index;
    const last = locate(block, to, true).index;
    pieces.push({
      text: text.slice(from, to),
      nodes: block.nodes.slice(first, last + 1),
      starts: block.starts.slice(first, last + 1).map((start) => start - from),
      lengths: lengths.slice(first, last + 1),
      element: block.element,
    });
    from = to;
  }
  return pieces;
}

/** Where to end a piece that may not reach past `limit`: after a sentence, else after a space, else at the limit. */
function cutPoint(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0xa0) {
      const before = text.charCodeAt(i - 2);
      if (before === 0x2e || before === 0x21 || before === 0x3f) return i;
      if (space === -1) space = i;
    }
  }
  if (space !== -1) return space;
  // No space at all: never cut a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}
