/**
 * Text blocks of saved HTML pages, the way the content script sees a page:
 * text nodes grouped by their nearest block-level element, skipping
 * script/style/code/textarea. Parsed with happy-dom (scripts, styles and
 * subresources disabled). Runs outside every timed section.
 */
import { Window } from 'happy-dom';
import { inertHtml } from '../tools/data/page-blocks.ts';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BR',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'CODE', 'SVG', 'IFRAME', 'OBJECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export async function extractBlocks(html: string): Promise<string[]> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    window.document.write(inertHtml(html));
    const blocks: string[] = [];
    let current = '';
    const flush = () => {
      // happy-dom's text is slices of the whole HTML source, joined by +=
      // into ropes; a browser hands the content script flat strings. A JSON
      // round trip makes a fresh flat string (one-byte when it can be), so
      // the baselines and the scanner read what they would read in a page.
      if (current.trim() !== '') blocks.push(JSON.parse(JSON.stringify(current)) as string);
      current = '';
    };
    const walk = (node: DomNode) => {
      if (node.nodeType === 3) {
        current += node.textContent ?? '';
        return;
      }
      if (node.nodeType !== 1) return;
      const name = node.nodeName.toUpperCase();
      if (SKIP.has(name)) return;
      const block = BLOCK.has(name);
      if (block) flush();
      const children = node.childNodes;
      for (let i = 0; i < children.length; i++) walk(children[i]!);
      if (block) flush();
    };
    const body = window.document.body as unknown as DomNode | null;
    if (body !== null) walk(body);
    flush();
    return blocks;
  } finally {
    await window.happyDOM.close();
  }
}
