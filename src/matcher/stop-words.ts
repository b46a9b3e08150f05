/**
 * Words too common to tell a sentence apart: the compiler never picks them
 * as a cue's anchor when the cue has anything rarer (build-index.ts).
 */
export const STOP_WORDS = new Set([
  'a', 'about', 'after', 'against', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'before',
  'being', 'between', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'during', 'each', 'for', 'from', 'had',
  'has', 'have', 'he', 'her', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'more', 'most', 'no',
  'not', 'now', 'of', 'on', 'one', 'only', 'or', 'other', 'our', 'out', 'over', 'said', 'says', 'she', 'so',
  'some', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to',
  'under', 'up', 'us', 'was', 'we', 'were', 'what', 'when', 'which', 'who', 'will', 'with', 'would', 'you',
]);
