/**
 * Light or dark, like the page around the mention: the first clearly opaque
 * background from the mention up. A page that paints no background shows
 * the browser's canvas, which is dark only when the page opts into a dark
 * color-scheme and the reader prefers dark.
 */
export function pageTheme(doc: Document, anchor: Range | null): 'light' | 'dark' {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (let element: Element | null = anchor?.startContainer.parentElement ?? doc.body; element; element = element.parentElement) {
    const rgba = parseColor(view.getComputedStyle(element).backgroundColor);
    if (!rgba || rgba[3] < 0.5) continue;
    const luminance = (0.2126 * rgba[0] + 0.7152 * rgba[1] + 0.0722 * rgba[2]) / 255;
    return luminance < 0.4 ? 'dark' : 'light';
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  return /dark/.test(scheme) && view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** "rgb(r, g, b)" or "rgba(r, g, b, a)", as computed styles give colours. */
function parseColor(color: string): [number, number, number, number] | null {
  const parts = color.match(/[\d.]+/g)?.map(Number);
  if (!parts || parts.length < 3) return null;
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}
