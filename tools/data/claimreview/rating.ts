/**
 * ClaimReview `reviewRating.alternateName` → our assessment scale
 * (data/README.md). Fact-checkers each have their own labels; the common ones
 * are mapped here by meaning, and anything else is reported, never guessed.
 */
import { ASSESSMENTS, type Assessment } from '../../../src/dataset/types.ts';

export type RatingMapping =
  | { ok: true; assessment: Assessment; /** set when the label's meaning is only close to ours */ note?: string }
  | { ok: false; reason: string };

const EXACT: Record<string, Assessment> = {
  false: 'false',
  'pants on fire': 'false',
  incorrect: 'false',
  fake: 'false',
  fabricated: 'false',
  wrong: 'false',
  true: 'accurate',
  correct: 'accurate',
  accurate: 'accurate',
  // "An element of truth, but ignores facts that would change the impression":
  // what our `misleading` means.
  'mostly false': 'misleading',
  'half true': 'misleading',
  'partly false': 'misleading',
  'partly true': 'misleading',
  'partially true': 'misleading',
  'partially false': 'misleading',
  mixture: 'misleading',
  mixed: 'misleading',
  misleading: 'misleading',
  'missing context': 'misleading',
  'needs context': 'misleading',
  'lacks context': 'misleading',
  'out of context': 'misleading',
  exaggerated: 'misleading',
  'cherry picks': 'misleading',
  unproven: 'unsupported',
  unverified: 'unsupported',
  unsubstantiated: 'unsupported',
  unsupported: 'unsupported',
  'no evidence': 'unsupported',
  'lacks evidence': 'unsupported',
  disputed: 'disputed',
  contested: 'disputed',
  outdated: 'accurate-as-of',
};

/** Labels whose meaning is near ours but not the same: mapped, and said so. */
const APPROXIMATE: Record<string, { assessment: Assessment; note: string }> = {
  'mostly true': { assessment: 'accurate', note: '"mostly true" mapped to accurate; check whether a clarification belongs in the context' },
};

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function mapRating(label: string | undefined): RatingMapping {
  if (label === undefined || label.trim() === '') return { ok: false, reason: 'the review has no reviewRating.alternateName' };
  // Our own labels come back unchanged, so an export re-imports as it was.
  if ((ASSESSMENTS as readonly string[]).includes(label)) return { ok: true, assessment: label as Assessment };
  const key = normaliseLabel(label);
  // Own keys only: a label like "constructor" must not find Object.prototype's.
  if (Object.hasOwn(EXACT, key)) return { ok: true, assessment: EXACT[key]! };
  if (Object.hasOwn(APPROXIMATE, key)) return { ok: true, ...APPROXIMATE[key]! };
  return { ok: false, reason: `rating "${label}" has no equivalent on our scale` };
}
