/** Generated at build time from data/ by tools/dataset-module.ts (see vite.config.ts). */
declare module 'virtual:backstory-data' {
  /** The matcher's compiled index, base64-encoded. */
  export const indexBase64: string;
  /** The card bundle (src/dataset/bundle.ts `Bundle`) as JSON text, parsed on first use. */
  export const bundleJson: string;
  /** One character per entry, in index order: the entry's category code (see src/shared/categories.ts). */
  export const entryCategories: string;
}
