/**
 * Marks the content script leaves in the page's performance timeline, for
 * the end-to-end tests and the page benchmark: when it started, when the
 * first highlight was drawn, and each time its work queue drained
 * ("settled", with a round counter and what it found). Tests wait on these
 * rather than on time. The page can already tell Backstory is there from
 * CSS.highlights; the marks add nothing to that.
 */
export const MARK_START = 'backstory:start';
export const MARK_FIRST_HIGHLIGHT = 'backstory:first-highlight';
export const MARK_SETTLED = 'backstory:settled';

/** Sets the mark, replacing an earlier one of the same name: readers take the first entry as the latest. */
export function markTimeline(name: string, detail?: unknown): void {
  performance.clearMarks(name);
  performance.mark(name, detail === undefined ? undefined : { detail });
}
