/**
 * The bundled dataset's summary (bundled-summary.ts) for the popup and the
 * options page, inlined at build time (virtual:backstory-summary, see
 * tools/dataset-module.ts) and parsed on first use. Content scripts get the
 * index and the cards from storage instead (bundled-dataset-delivery.ts).
 */
import { summaryJson } from 'virtual:backstory-summary';
import type { BundledSummary } from './bundled-summary.ts';

let parsed: BundledSummary | undefined;

export function bundledSummary(): BundledSummary {
  return (parsed ??= JSON.parse(summaryJson) as BundledSummary);
}
