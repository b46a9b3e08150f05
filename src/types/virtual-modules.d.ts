/** Generated at build time from data/ by tools/dataset-module.ts (see vite.config.ts). */
declare module 'virtual:backstory-data' {
  /** Names this build's index and card bundle together (a hash of both): a stored copy with another key is another build's. */
  export const datasetKey: string;
  /** One character per entry, in index order: the entry's category code (see src/shared/categories.ts). */
  export const entryCategories: string;
}

/** The bundled dataset's summary for the popup and the options page (tools/dataset-module.ts). */
declare module 'virtual:backstory-summary' {
  /** src/shared/bundled-summary.ts `BundledSummary` as JSON text, parsed on first use. */
  export const summaryJson: string;
}
