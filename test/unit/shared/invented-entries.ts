/** Entries for tests of imported datasets: invented people in the published format, required fields filled. */
export const inventedEntity = (id: string, aliases: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'person',
  name: id,
  aliases,
  summary: 'An invented person.',
  asOf: '2026-01',
  sources: [{ title: 'Example source', publisher: 'Example Publisher', url: `https://example.org/${id}` }],
  ...extra,
});
