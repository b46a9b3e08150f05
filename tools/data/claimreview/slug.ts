/** Dataset ids from free text: lower-case ASCII words joined by single hyphens, unique. */

const SKIP = new Set(['a', 'an', 'and', 'are', 'is', 'of', 'the', 'to', 'was', 'were', 'in', 'on', 'that', 'it', 'its', 'by', 'for']);

export function slugify(text: string, maxWords = 7, maxLength = 60): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !SKIP.has(w))
    .slice(0, maxWords);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || 'claim';
}

/** `base`, or `base-2`, `base-3`… whichever is not taken; the result is added to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
