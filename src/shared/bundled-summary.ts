/**
 * What the popup and the options page show of the bundled dataset: its
 * header, how many entries it has, and its outlets (for "About this site").
 * The build makes it from the card bundle (tools/dataset-module.ts) so that
 * those pages do not load the whole bundle, which only cards need.
 */
import type { Bundle } from '../dataset/bundle.ts';
import { isOutletCard, outletSite, type OutletSite } from './outlets.ts';

export interface BundledSummary {
  header: Bundle['header'];
  entryCount: number;
  outlets: OutletSite[];
}

export function summarise(bundle: Bundle): BundledSummary {
  return { header: bundle.header, entryCount: bundle.entries.length, outlets: bundle.entries.filter(isOutletCard).map(outletSite) };
}
