/**
 * Probes run in the page's main world. The content script runs in an
 * isolated world, but the highlight registry and the DOM are the page's, so
 * the page sees exactly what a reader sees.
 */
import type { Page } from '@playwright/test';

export interface HighlightProbe {
  name: string;
  texts: string[];
}

/** Backstory's registered highlights and the text each range covers. */
export function readHighlights(page: Page): Promise<HighlightProbe[]> {
  return page.evaluate(() => {
    const out: Array<{ name: string; texts: string[] }> = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('backstory-')) return;
      const texts: string[] = [];
      highlight.forEach((range) => texts.push((range as Range).toString()));
      out.push({ name, texts });
    });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
}

export async function highlightedTexts(page: Page): Promise<string[]> {
  return (await readHighlights(page)).flatMap((h) => h.texts);
}

/** The viewport point at the middle of the first occurrence of `text` inside `selector`. */
export function pointOfText(page: Page, text: string, selector = 'article'): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ text, selector }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = (node as Text).data.indexOf(text);
        if (index === -1) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + text.length);
        const element = node.parentElement!;
        element.scrollIntoView({ block: 'center', behavior: 'instant' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`text not found: ${text}`);
    },
    { text, selector },
  );
}

/** What the page looks like to a script, for before/after comparisons. */
export function pageSnapshot(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('backstory-root').forEach((e) => e.remove());
    return { text: document.body.innerText, html: clone.outerHTML };
  });
}
