// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blocksToReread, collectBlocks, findArticleRoots, isBlockCurrent, isReadable, locate, splitLongBlock, walkBlocks } from '../../../src/content/page-text.ts';

function page(html: string): Document {
  document.documentElement.innerHTML = `<head></head><body>${html}</body>`;
  return document;
}

const texts = (html: string, wholePage = true) =>
  collectBlocks([page(html).body], { wholePage }).map((b) => b.text.replace(/\s+/g, ' ').trim());

describe('collectBlocks', () => {
  it('keeps paragraphs apart and joins inline elements', () => {
    expect(texts('<p>Quds Force commander Qasem <a href="#">Soleimani</a> was killed.</p><p>Next paragraph.</p>')).toEqual([
      'Quds Force commander Qasem Soleimani was killed.',
      'Next paragraph.',
    ]);
  });

  it('splits at <br> and at nested blocks', () => {
    expect(texts('<div>before<p>inside</p>after<br>below</div>')).toEqual(['before', 'inside', 'after', 'below']);
  });

  it('never reads code, forms, editable areas, hidden text or our own UI', () => {
    const html = [
      '<p>visible</p>',
      '<script>var Iran = 1</script><style>.Iran{}</style><noscript>Iran</noscript>',
      '<textarea>Iran</textarea><input value="Iran"><select><option>Iran</option></select>',
      '<pre>Iran</pre><code>Iran</code>',
      '<div contenteditable="true">Iran</div>',
      '<div hidden>Iran</div><div aria-hidden="true">Iran</div>',
      '<backstory-root>Iran</backstory-root>',
    ].join('');
    expect(texts(html)).toEqual(['visible']);
  });

  it('never reads a root that is, or sits inside, an editable, hidden or skipped element', () => {
    const article = (html: string) => collectBlocks(findArticleRoots(page(html)), { wholePage: false }).map((b) => b.text.replace(/\s+/g, ' ').trim());
    // An editable headline (a CMS's title field) next to the article.
    expect(article('<h1 contenteditable="true">Iran title</h1><main><p>Iraq body</p></main>')).toEqual(['Iraq body']);
    // An article inside an editor: its own text as well as its paragraphs.
    expect(article('<div contenteditable="true"><article>Iran direct<p>Iraq inside</p></article></div>')).toEqual([]);
    // A headline hidden from assistive technology.
    expect(article('<h1 aria-hidden="true">Iran hidden</h1><main><p>Iraq body</p></main>')).toEqual(['Iraq body']);
    const doc = page('<div contenteditable="true"><article><p id="p">Iraq</p></article></div>');
    expect(isReadable(doc.getElementById('p')!, [doc.querySelector('article')!], { wholePage: false })).toBe(false);
  });

  it('skips page furniture in article scope but not in whole-page scope', () => {
    const html = '<nav>Iran nav</nav><p>Body</p><aside>Iran aside</aside><footer>Iran footer</footer><section id="comments">Iran comment</section>';
    expect(texts(html, false)).toEqual(['Body']);
    expect(texts(html, true)).toEqual(['Iran nav', 'Body', 'Iran aside', 'Iran footer', 'Iran comment']);
  });

  it('maps block offsets back to the text nodes they came from', () => {
    const [block] = collectBlocks([page('<p>Qasem <b>Soleimani</b>!</p>').body], { wholePage: true });
    const start = block!.text.indexOf('Soleimani');
    const from = locate(block!, start);
    expect(from.node.data).toBe('Soleimani');
    expect(from.offset).toBe(0);
    // An end offset on a node boundary stays in the earlier node.
    const to = locate(block!, start + 'Soleimani'.length, true);
    expect(to.node.data).toBe('Soleimani');
    expect(to.offset).toBe('Soleimani'.length);
  });
});

describe('findArticleRoots', () => {
  it('prefers the article body and adds a headline outside it', () => {
    const doc = page('<h1>Headline</h1><nav>n</nav><article><p>Body</p></article>');
    const roots = findArticleRoots(doc);
    expect(roots.map((r) => r.tagName)).toEqual(['H1', 'ARTICLE']);
  });

  it('uses the largest article when there are several', () => {
    const doc = page('<article id="teaser"><p>short</p></article><article id="main"><p>a much longer article body</p></article>');
    expect(findArticleRoots(doc).map((r) => r.id)).toContain('main');
  });

  it('falls back to the body', () => {
    const doc = page('<p>No article markup</p>');
    expect(findArticleRoots(doc)).toEqual([doc.body]);
  });
});

describe('walkBlocks', () => {
  it('pauses every few hundred nodes so a big page can be read in slices', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}</p>`).join('');
    const doc = page(`<article>${paragraphs}</article>`);
    const steps = [...walkBlocks(doc.body, { wholePage: true })];
    expect(steps.filter((s) => s === null).length).toBeGreaterThan(1);
    expect(steps.filter((s) => s !== null)).toHaveLength(400);
  });

  it('gives each block the block-level element it belongs to', () => {
    const doc = page('<article><p id="a">One <b>two</b></p><div id="b">three<br>four</div></article>');
    const blocks = collectBlocks([doc.body], { wholePage: true });
    expect(blocks.map((b) => b.element.id)).toEqual(['a', 'b', 'b']);
  });
});

describe('findArticleRoots, several articles', () => {
  it('reads each long article of a page that stacks them, but not teasers', () => {
    const long = 'Long article text. '.repeat(100);
    const doc = page(`<article id="one"><p>${long}</p></article><article id="teaser"><p>Short</p></article><article id="two"><p>${long}</p></article>`);
    expect(findArticleRoots(doc).map((r) => r.id)).toEqual(['one', 'two']);
  });

  it('prefers the marked article body, and ignores articles inside page furniture', () => {
    const doc = page('<aside><article id="side"><p>x</p></article></aside><div itemprop="articleBody" id="body"><p>Body</p></div>');
    expect(findArticleRoots(doc).map((r) => r.id)).toEqual(['body']);
  });
});

describe('isReadable', () => {
  it('accepts text inside a root, and refuses furniture, skipped elements and outsiders', () => {
    const doc = page('<article><p id="p">x</p><aside><p id="a">y</p></aside><pre><span id="c">z</span></pre></article><p id="out">w</p>');
    const roots = [doc.querySelector('article')!];
    const at = (id: string) => doc.getElementById(id)!;
    expect(isReadable(at('p'), roots, { wholePage: false })).toBe(true);
    expect(isReadable(at('a'), roots, { wholePage: false })).toBe(false);
    expect(isReadable(at('a'), roots, { wholePage: true })).toBe(true);
    expect(isReadable(at('c'), roots, { wholePage: true })).toBe(false);
    expect(isReadable(at('out'), roots, { wholePage: true })).toBe(false);
  });
});

describe('blocksToReread', () => {
  it('reads a new paragraph on its own, and new text or inline elements with their block', () => {
    const doc = page('<article><p id="p">Old <b id="b">bold</b></p><div id="d"><p id="q">x</p></div></article><footer id="f">f</footer>');
    const roots = [doc.querySelector('article')!];
    const at = (id: string) => doc.getElementById(id)!;
    const text = at('p').firstChild!;
    const ids = (nodes: Node[]) => blocksToReread(nodes, roots, { wholePage: false }).map((e) => e.id);
    expect(ids([at('q')])).toEqual(['q']);
    expect(ids([text])).toEqual(['p']);
    expect(ids([at('b')])).toEqual(['p']);
    // Outside the article: nothing to read.
    expect(ids([at('f')])).toEqual([]);
  });
});

describe('splitLongBlock', () => {
  const sentence = 'Officials in Damascus said the Pentagon had moved troops. ';

  function longBlock(html: string) {
    const [block] = collectBlocks([page(html).body], { wholePage: true });
    return block!;
  }

  it('leaves a short block whole', () => {
    const block = longBlock('<p>Short text.</p>');
    expect(splitLongBlock(block, 100)).toEqual([block]);
  });

  it('cuts one huge text node into pieces that map back to the same places', () => {
    const block = longBlock(`<p>${sentence.repeat(200)}</p>`);
    expect(block.nodes).toHaveLength(1);
    const pieces = splitLongBlock(block, 1_000);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.map((p) => p.text).join('')).toBe(block.text);
    let offset = 0;
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(1_000);
      // Cut after a sentence, never inside one, when a sentence end is near.
      expect(piece.text.endsWith('. ')).toBe(true);
      for (const at of [0, 7, piece.text.length - 1]) {
        const inPiece = locate(piece, at);
        const inWhole = locate(block, offset + at);
        expect(inPiece.node).toBe(inWhole.node);
        expect(inPiece.offset).toBe(inWhole.offset);
      }
      expect(isBlockCurrent(piece, 0, piece.nodes.length - 1)).toBe(true);
      offset += piece.text.length;
    }
  });

  it('keeps each piece to the nodes it covers, across inline elements', () => {
    const html = `<p>${Array.from({ length: 60 }, (_, i) => `<b>Name${i}</b> ${sentence}`).join('')}</p>`;
    const block = longBlock(html);
    const pieces = splitLongBlock(block, 500);
    expect(pieces.map((p) => p.text).join('')).toBe(block.text);
    for (const piece of pieces) {
      expect(piece.nodes.length).toBeLessThan(block.nodes.length);
      expect(isBlockCurrent(piece, 0, piece.nodes.length - 1)).toBe(true);
    }
  });

  it('notices when a node it cut through has changed', () => {
    const block = longBlock(`<p>${sentence.repeat(50)}</p>`);
    const [first] = splitLongBlock(block, 400);
    block.nodes[0]!.data += 'more';
    expect(isBlockCurrent(first!, 0, 0)).toBe(false);
  });

  it('cuts at a space, or at the limit when there is none, never inside a surrogate pair', () => {
    const block = longBlock(`<p>${'x'.repeat(999)}\u{1F600}${'y'.repeat(500)}</p>`);
    const pieces = splitLongBlock(block, 1_000);
    expect(pieces.map((p) => p.text).join('')).toBe(block.text);
    expect(pieces[0]!.text.length).toBe(999);
  });
});

describe('reading a huge text node', () => {
  /** Counts reads of Text#data (in Chromium, each read of a big node's data can copy all of it). */
  function countDataReads<T>(run: () => T): { result: T; reads: number } {
    let owner: object = Object.getPrototypeOf(document.createTextNode(''));
    while (!Object.hasOwn(owner, 'data')) owner = Object.getPrototypeOf(owner);
    const descriptor = Object.getOwnPropertyDescriptor(owner, 'data')!;
    let reads = 0;
    Object.defineProperty(owner, 'data', {
      ...descriptor,
      get(this: Text) {
        reads++;
        return descriptor.get!.call(this);
      },
    });
    try {
      return { result: run(), reads };
    } finally {
      Object.defineProperty(owner, 'data', descriptor);
    }
  }

  it('reads the node\'s string once to collect it, and never to check it is current', () => {
    // Checking a 2 MB node per match with `data.length` made every reading step of such a page a long task.
    page(`<p>${'Iraq and Syria. '.repeat(500)}</p><p></p>`);
    const collected = countDataReads(() => collectBlocks([document.body], { wholePage: true }));
    expect(collected.reads).toBe(1);
    const [block] = collected.result;
    const checked = countDataReads(() => Array.from({ length: 100 }, () => isBlockCurrent(block!, 0, 0)));
    expect(checked.result.every(Boolean)).toBe(true);
    expect(checked.reads).toBe(0);
  });
});
