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
    const rgba = parseColor(view.getComputedStyle(element).backgroundColor, doc);
    if (!rgba || rgba[3] < 0.5) continue;
    const luminance = (0.2126 * rgba[0] + 0.7152 * rgba[1] + 0.0722 * rgba[2]) / 255;
    return luminance < 0.4 ? 'dark' : 'light';
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  return /dark/.test(scheme) && view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let scratch: CanvasRenderingContext2D | null | undefined;

/**
 * A computed colour as sRGB 0-255 and alpha. Computed styles give sRGB
 * colours as "rgb(…)" or "rgba(…)", but colours of other spaces as written
 * ("oklch(0.985 0.002 247.8)", "lab(…)", "color(display-p3 …)"): those a
 * canvas converts.
 */
function parseColor(color: string, doc: Document): [number, number, number, number] | null {
  if (/^rgba?\(/.test(color)) {
    const parts = color.match(/[\d.]+/g)?.map(Number);
    if (!parts || parts.length < 3) return null;
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  }
  if (scratch === undefined) {
    const canvas = doc.createElement('canvas');
    canvas.width = canvas.height = 1;
    scratch = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!scratch) return null;
  scratch.clearRect(0, 0, 1, 1);
  scratch.fillStyle = '#0000';
  scratch.fillStyle = color; // left as it was when the browser cannot read it
  scratch.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = scratch.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}
