/**
 * A source's title as a link, for the card and the popup. Source URLs come
 * from datasets, including ones a reader imported: only an https URL becomes
 * a link (never javascript:, data: or plain http), and it opens in a new tab
 * with no opener and no referrer. Anything else shows the title as text.
 */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function sourceLink(doc: Document, url: string, title: string): HTMLAnchorElement | HTMLSpanElement {
  if (!isHttpsUrl(url)) {
    const span = doc.createElement('span');
    span.textContent = title;
    return span;
  }
  const a = doc.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = title;
  return a;
}
