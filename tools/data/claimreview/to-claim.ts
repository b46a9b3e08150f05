/**
 * One ClaimReview → one draft claim entry.
 *
 *   claimReviewed            → statement
 *   reviewRating.alternateName → assessment (rating.ts)
 *   itemReviewed.author      → a perspective: who made the claim
 *   author (or publisher)    → a perspective: who reviewed it and how they rated it
 *   url, author, datePublished → the claim's source
 *   datePublished            → asOf
 *   statement's key words    → a drafted cue (draft-cues.ts)
 *
 * The context is a dated one-line record of the rating, to be rewritten by
 * an editor; the notes returned say so. Nothing is copied from the review's
 * body: our entries are written in our own words.
 */
import type { Claim, Perspective, Source } from '../../../src/dataset/types.ts';
import { draftCue } from './draft-cues.ts';
import { datePart, nameOf, node, text, type JsonObject } from './json-ld.ts';
import { mapRating } from './rating.ts';
import { slugify, uniqueId } from './slug.ts';

export type ReviewOutcome =
  | { ok: true; label: string; claim: Claim; notes: string[] }
  | { ok: false; label: string; reasons: string[] };

export interface ToClaimOptions {
  /** Ids already used in the dataset or earlier in this import; new ids are added. */
  takenIds: Set<string>;
  /** Dataset entity ids for a holder's name, when the dataset knows them. */
  holderIdsFor?: (name: string) => string[];
}

/** What a review is called in the report: the start of its claim, or its URL. */
export function reviewLabel(review: JsonObject): string {
  const claim = text(review.claimReviewed);
  if (claim) return claim.length > 70 ? `${claim.slice(0, 67)}…` : claim;
  return text(review.url) ?? '(a ClaimReview without claimReviewed or url)';
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function withHolderIds(perspective: Perspective, options: ToClaimOptions): Perspective {
  const ids = options.holderIdsFor?.(perspective.holder) ?? [];
  if (ids.length === 0) return perspective;
  const { holder, ...rest } = perspective;
  return { holder, holderIds: ids, ...rest }; // the order the schema lists them

}

export function reviewToClaim(review: JsonObject, options: ToClaimOptions): ReviewOutcome {
  const label = reviewLabel(review);
  const reasons: string[] = [];
  const notes: string[] = [];

  const statement = text(review.claimReviewed);
  if (!statement) reasons.push('no claimReviewed');
  const rating = node(review.reviewRating);
  const ratingLabel = text(rating?.alternateName);
  const mapped = mapRating(ratingLabel);
  if (!mapped.ok) reasons.push(mapped.reason);
  else if (mapped.note) notes.push(mapped.note);
  const reviewUrl = text(review.url);
  if (!reviewUrl) reasons.push('no url for the review');
  const reviewer = nameOf(review.author) ?? nameOf(review.publisher);
  if (!reviewer) reasons.push('no author or publisher for the review');
  const asOf = datePart(review.datePublished);
  if (!asOf) reasons.push('no datePublished (YYYY-MM-DD) for the review');
  if (!statement || !mapped.ok || !reviewUrl || !reviewer || !asOf) return { ok: false, label, reasons };

  const reviewSource: Source = {
    title: text(review.name) ?? text(review.headline) ?? `Fact check: ${label}`,
    publisher: reviewer,
    url: reviewUrl,
    date: asOf,
  };
  const perspectives: Perspective[] = [];

  const item = node(review.itemReviewed);
  const claimant = nameOf(item?.author);
  if (claimant) {
    const appearance = node(item?.appearance) ?? node(item?.firstAppearance);
    const appearanceUrl = text(appearance?.url) ?? text(appearance?.['@id']);
    const madeOn = datePart(item?.datePublished) ?? datePart(appearance?.datePublished);
    const appearanceSource: Source | undefined = appearanceUrl
      ? {
          title: text(appearance?.headline) ?? text(appearance?.name) ?? 'Where the claim appeared',
          publisher: nameOf(appearance?.publisher) ?? nameOf(appearance?.author) ?? hostOf(appearanceUrl) ?? claimant,
          url: appearanceUrl,
          ...(datePart(appearance?.datePublished) ? { date: datePart(appearance?.datePublished) } : {}),
        }
      : undefined;
    perspectives.push(
      withHolderIds(
        { holder: claimant, view: madeOn ? `Made the claim on ${madeOn}.` : 'Made the claim.', sources: [appearanceSource ?? reviewSource] },
        options,
      ),
    );
  } else {
    notes.push('itemReviewed.author missing: who made the claim is not recorded');
  }
  perspectives.push(
    withHolderIds({ holder: reviewer, view: `Rated the claim "${ratingLabel}" in a fact check published on ${asOf}.`, sources: [reviewSource] }, options),
  );

  const cue = draftCue(statement);
  if (!cue) return { ok: false, label, reasons: ['no usable key words in claimReviewed to draft a cue from'] };
  notes.push(`cue drafted from the statement's key words (${cue.terms.join(' … ')}): review it`);
  notes.push('context is a one-line record of the rating: write the context a reader needs');

  const claim: Claim = {
    id: uniqueId(slugify(statement), options.takenIds),
    statement,
    cues: [cue],
    assessment: mapped.assessment,
    context: `${reviewer} rated this claim "${ratingLabel}" on ${asOf}.`,
    perspectives,
    asOf,
    sources: [reviewSource],
  };
  return { ok: true, label, claim, notes };
}
