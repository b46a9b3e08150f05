/**
 * The bundled dataset's card bundle for the popup and the options page,
 * inlined at build time (virtual:backstory-cards, see
 * tools/dataset-module.ts) and parsed on first use. Content scripts get
 * theirs from storage instead (bundled-dataset-delivery.ts).
 */
import { bundleJson } from 'virtual:backstory-cards';
import type { Bundle } from '../dataset/bundle.ts';

let parsed: Bundle | undefined;

export function bundledBundle(): Bundle {
  return (parsed ??= JSON.parse(bundleJson) as Bundle);
}
