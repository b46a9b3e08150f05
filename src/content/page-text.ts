/**
 * Reads a page's visible text as blocks (paragraphs) for the matcher.
 *
 * A block is the text of consecutive text nodes under one block-level
 * element, so a match can cross inline elements ("Qasem <a>Soleimani</a>")
 * but never two paragraphs. Each block remembers which text node every
 * offset came from, to turn matches back into DOM ranges.
 */

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] within text. */
  starts: number[];
}

/** Elements whose text is never read: code, form fields, editable areas, our own UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO',
  'BACKSTORY-ROOT',
]);

/** Elements that end one block and start another. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
]);

/** Page furniture skipped in article scope. */
const FURNITURE_SELECTOR = [
  'nav', 'footer', 'aside', '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]',
  '#comments', '.comments', '[id*="comment" i]', '[class*="comment" i]',
].join(',');

export interface CollectOptions {
  /** Also read page furniture (navigation, footers, asides, comments). */
  wholePage: boolean;
}

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if ((element as HTMLElement).isContentEditable) return true;
  return false;
}

/** Where the article is, if the page marks one; else the body. */
export function findArticleRoots(doc: Document): Element[] {
  const body =
    doc.querySelector('[itemprop="articleBody"]') ??
    largestByText(doc.querySelectorAll('article')) ??
    doc.querySelector('main, [role="main"]');
  if (!body) return doc.body ? [doc.body] : [];
  const headline = doc.querySelector('h1');
  return headline && !body.contains(headline) ? [headline, body] : [body];
}

function largestByText(elements: NodeListOf<Element>): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const element of elements) {
    const length = element.textContent?.length ?? 0;
    if (length > bestLength) {
      best = element;
      bestLength = length;
    }
  }
  return best;
}

export function collectBlocks(roots: readonly Element[], options: CollectOptions): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const root of roots) collectFrom(root, options, blocks);
  return blocks;
}

function collectFrom(root: Element, options: CollectOptions, blocks: TextBlock[]): void {
  const doc = root.ownerDocument;
  const visible = new WeakMap<Element, boolean>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (isSkippedElement(element)) return NodeFilter.FILTER_REJECT;
      if (!options.wholePage && element !== root && element.matches(FURNITURE_SELECTOR)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });

  let current: TextBlock = { text: '', nodes: [], starts: [] };
  let currentBlockElement: Element | null = null;
  const close = () => {
    if (current.nodes.length > 0 && /\S/.test(current.text)) blocks.push(current);
    current = { text: '', nodes: [], starts: [] };
  };

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      if ((node as Element).tagName === 'BR') close();
      continue;
    }
    const text = node as Text;
    const parent = text.parentElement;
    if (!parent || text.data.length === 0) continue;
    const blockElement = nearestBlock(parent, root);
    if (blockElement !== currentBlockElement) {
      close();
      currentBlockElement = blockElement;
    }
    if (!isVisible(parent, visible)) continue;
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  close();
}

function nearestBlock(element: Element, root: Element): Element {
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (e === root || BLOCK_TAGS.has(e.tagName.toUpperCase())) return e;
  }
  return root;
}

function isVisible(element: Element, cache: WeakMap<Element, boolean>): boolean {
  let result = cache.get(element);
  if (result === undefined) {
    result = typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
    cache.set(element, result);
  }
  return result;
}

/** Finds the text node and offset inside it for a block offset. */
export function locate(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: offset - starts[lo]! };
}
