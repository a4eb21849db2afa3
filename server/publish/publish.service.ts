import type { Kysely } from 'kysely';
import type { Database } from '~/db/schema';
import { latestReviewsOf } from '../reviews/reviews.queries';
import { claimReviewFeed, claimReviewOf, type Desk, type PublishableClaim } from './claim-review';
import * as q from './publish.queries';

/*
 * The public side of reviews: every claim with a review is published, with its latest verdict,
 * as a read-only page and as ClaimReview JSON-LD. A fixed number of queries per batch of claims.
 */

/** Claims loaded per batch (SQLite's bound-parameter limit is far above this). */
const CHUNK = 500;

type Attribution = Awaited<ReturnType<typeof q.publicAttributionsOf>>[number];

export interface PublishedClaim {
  id: number;
  text: string;
  eventDate: string | null;
  review: PublishableClaim['review'];
  /** Who said it, with which stance, where (no internal notes, no grades). */
  attributions: Omit<Attribution, 'claimId'>[];
  /** The claim's ClaimReview JSON-LD. */
  claimReview: ReturnType<typeof claimReviewOf>;
}

/** The mapping's input from the claim's rows: asserting sources are its authors; every attributed document an appearance. */
export function toPublishable(claim: { id: number; text: string }, review: PublishableClaim['review'], attributions: Attribution[]): PublishableClaim {
  return {
    id: claim.id,
    text: claim.text,
    review,
    assertedBy: attributions
      .filter((a) => a.stance === 'asserts')
      .map((a) => ({ name: a.sourceName, kind: a.sourceKind, homepage: a.sourceHomepage })),
    documents: attributions.flatMap((a) =>
      a.documentUrl ? [{ url: a.documentUrl, archiveUrl: a.documentArchiveUrl, publishedAt: a.documentPublishedAt, title: a.documentTitle }] : [],
    ),
  };
}

async function loadPublished(db: Kysely<Database>, desk: Desk, claimIds?: readonly number[]): Promise<PublishedClaim[]> {
  const claims = await q.reviewedClaims(db, claimIds);
  const out: PublishedClaim[] = [];
  for (let i = 0; i < claims.length; i += CHUNK) {
    const chunk = claims.slice(i, i + CHUNK);
    const ids = chunk.map((c) => c.id);
    const [reviews, attributions] = await Promise.all([latestReviewsOf(db, ids), q.publicAttributionsOf(db, ids)]);
    const reviewOf = new Map(reviews.map((r) => [r.claimId, r]));
    const byClaim = new Map<number, Attribution[]>();
    for (const a of attributions) byClaim.set(a.claimId, [...(byClaim.get(a.claimId) ?? []), a]);
    for (const c of chunk) {
      const r = reviewOf.get(c.id)!;
      const review = { verdict: r.verdict, rationale: r.rationale, reviewerName: r.reviewerName, createdAt: r.createdAt };
      const mine = byClaim.get(c.id) ?? [];
      out.push({
        id: c.id,
        text: c.text,
        eventDate: c.eventDate,
        review,
        attributions: mine.map(({ claimId: _, ...a }) => a),
        claimReview: claimReviewOf(toPublishable(c, review, mine), desk),
      });
    }
  }
  return out;
}

/** A published claim, or null when there is no such claim or it was never reviewed. */
export async function publishedClaim(db: Kysely<Database>, desk: Desk, claimId: number): Promise<PublishedClaim | null> {
  if (!Number.isSafeInteger(claimId) || claimId <= 0) return null;
  return (await loadPublished(db, desk, [claimId]))[0] ?? null;
}

/** The desk-wide feed: every published claim's ClaimReview, most recently reviewed first. */
export async function publishedFeed(db: Kysely<Database>, desk: Desk) {
  const claims = await loadPublished(db, desk);
  return claimReviewFeed(
    claims.map((c) => c.claimReview),
    desk,
  );
}
