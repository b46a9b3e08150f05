/**
 * The bundled dataset's card bundle, inlined at build time
 * (virtual:backstory-data, see tools/dataset-module.ts) and parsed on first
 * use: the content script only needs it when a card opens or the popup asks,
 * and a page that never asks never pays for parsing it.
 */
import { bundleJson } from 'virtual:backstory-data';
import type { Bundle } from '../dataset/bundle.ts';

let parsed: Bundle | undefined;

export function bundledBundle(): Bundle {
  return (parsed ??= JSON.parse(bundleJson) as Bundle);
}
