/**
 * Reading schema.org ClaimReview JSON-LD as publishers write it: a single
 * review, an array of them, an `@graph`, or a DataFeed whose dataFeedElement
 * holds reviews directly or as DataFeedItem.item. Loose by necessity: the
 * fields used are checked one by one where they are read.
 */

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''));
}

export const hasType = (node: JsonObject, type: string) => typesOf(node).includes(type);

/** Every ClaimReview in the document, in document order. */
export function findClaimReviews(document: unknown): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isJsonObject(node)) return;
    if (hasType(node, 'ClaimReview')) return void found.push(node);
    if (Array.isArray(node['@graph'])) visit(node['@graph']);
    if (hasType(node, 'DataFeed')) visit(node.dataFeedElement);
    if (hasType(node, 'DataFeedItem')) visit(node.item);
  };
  visit(document);
  return found;
}

/** A text value: a string, or the first string of an array (JSON-LD allows either). */
export function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/** A node value: an object, or the first object of an array. */
export function node(value: unknown): JsonObject | undefined {
  const first = Array.isArray(value) ? value.find(isJsonObject) : value;
  return isJsonObject(first) ? first : undefined;
}

/** Name of a Person/Organization node, or the value itself when a publisher wrote a bare string. */
export function nameOf(value: unknown): string | undefined {
  return text(value) ?? text(node(value)?.name);
}

/** The date part of an ISO date or date-time, when it is one. */
export function datePart(value: unknown): string | undefined {
  const raw = text(value);
  const m = raw ? /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|T)/.exec(raw) : null;
  return m?.[1];
}
