// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isHttpsUrl, sourceLink } from '../../../src/shared/source-link.ts';

describe('sourceLink', () => {
  it('links an https source in a new tab, without opener or referrer', () => {
    const link = sourceLink(document, 'https://example.org/report?id=1', 'A report');
    expect(link.localName).toBe('a');
    expect(link.getAttribute('href')).toBe('https://example.org/report?id=1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe('A report');
  });

  it('shows any other address as plain text, and never parses the title as markup', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://example.org/', '//example.org/', 'not a url', '']) {
      const title = sourceLink(document, url, '<img src=x onerror=alert(1)>');
      expect(title.localName, url).toBe('span');
      expect(title.hasAttribute('href'), url).toBe(false);
      expect(title.children, url).toHaveLength(0);
      expect(title.textContent, url).toBe('<img src=x onerror=alert(1)>');
    }
  });

  it('judges the scheme after parsing, so case and spaces change nothing', () => {
    expect(isHttpsUrl('HTTPS://example.org/')).toBe(true);
    expect(isHttpsUrl(' javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('java\tscript:alert(1)')).toBe(false);
  });
});
