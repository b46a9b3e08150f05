/**
 * A saved page's text as the matcher's blocks, for `data:stats -- page.html`:
 * one block per paragraph-level element (p, li, headings, table cells…),
 * inline elements joined into their paragraph, scripts, styles and code
 * skipped. Plain text files give a block per non-empty line.
 *
 * This mirrors what the content script reads (src/content/page-text.ts)
 * closely enough for coverage figures, without its browser-only parts.
 */
import { Window } from 'happy-dom';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'CODE', 'PRE', 'SVG', 'MATH', 'IFRAME', 'SELECT']);
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * The HTML with everything that would fetch removed (scripts, styles, links,
 * media, base, meta refresh): happy-dom starts some loads even with loading
 * disabled (a preload link with a relative URL fails outside any call and
 * ends the process), and a saved page must never reach the network.
 */
export function inertHtml(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    // With its content: an iframe's fallback text is never shown, nor read by the content script.
    .replace(/<iframe\b[\s\S]*?<\/iframe\s*>/gi, '')
    .replace(/<(link|iframe|img|source|video|audio|embed|object|base|meta)\b[^>]*>/gi, '');
}

export function htmlBlocks(html: string): string[] {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  try {
    const document = new window.DOMParser().parseFromString(inertHtml(html), 'text/html');
    const blocks: string[] = [];
    let current = '';
    const close = () => {
      const text = current.replace(/\s+/g, ' ').trim();
      if (text) blocks.push(text);
      current = '';
    };
    const walk = (node: DomNode) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3) current += child.textContent ?? '';
        else if (child.nodeType !== 1 || SKIPPED.has(child.nodeName.toUpperCase())) continue;
        else if (BLOCKS.has(child.nodeName.toUpperCase())) {
          close();
          walk(child);
          close();
        } else walk(child);
      }
    };
    if (document.body) walk(document.body as unknown as DomNode);
    close();
    return blocks;
  } finally {
    void window.happyDOM.close();
  }
}

export function textBlocks(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

export function pageBlocks(fileName: string, content: string): string[] {
  return /\.html?$/i.test(fileName) ? htmlBlocks(content) : textBlocks(content);
}
