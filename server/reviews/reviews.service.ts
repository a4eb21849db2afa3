import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { CLAIM_STATUSES, RELIABILITY_GRADES, type Database } from '~/db/schema';
import { assessClaims, reviewStanding, type AssessedClaim } from '../assessment/assessment.service';
import type { Assessment } from '../assessment/types';
import { recordAudit } from '../audit/audit.service';
import { getClaimRow, updateClaim } from '../claims/claims.queries';
import { DomainError } from '../errors';
import { nowIso } from '../shared/time';
import { checkVersion, found } from '../shared/versioned';
import * as q from './reviews.queries';
import type { createReviewInput, QueueSort, reviewQueueInput } from './reviews.schema';

/**
 * An editor's review: the verdict, the rationale, and the assessment as it stands now (with the
 * fingerprint of its evidence). The claim takes the verdict and the status "reviewed" in the same
 * transaction; the review and the claim's change are two audit events (the claim's history shows
 * both: the review concerns the claim).
 */
export function createReview(db: Kysely<Database>, actor: string, input: z.output<typeof createReviewInput>) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('claim', input.claimId, await getClaimRow(trx, input.claimId), input.claimVersion);
    const assessed = (await assessClaims(trx, [before.id])).get(before.id)!;
    if (assessed.fingerprint !== input.evidenceFingerprint)
      throw new DomainError(
        'stale',
        'The evidence of this claim changed while you were reviewing it (an attribution, a link or a grade). The assessment has been reloaded: check it, then save your verdict again.',
        'evidenceFingerprint',
        { current: null },
      );
    const at = nowIso();
    const review = await q.insertReview(trx, {
      claimId: before.id,
      reviewerId: actor,
      verdict: input.verdict,
      rationale: input.rationale,
      acceptedSuggestion: input.verdict === assessed.assessment.suggestedLevel ? 1 : 0,
      assessmentJson: JSON.stringify(assessed.assessment),
      evidenceFingerprint: assessed.fingerprint,
      createdAt: at,
    });
    await recordAudit(trx, actor, 'create', 'review', review.id, null, review, [{ entity: 'claim', id: before.id }]);
    const claim = await updateClaim(trx, before.id, before.version, { verdict: input.verdict, status: 'reviewed', updatedAt: at });
    await recordAudit(trx, actor, 'update', 'claim', claim.id, before, claim);
    return { review: toReview(review, null, assessed), claim };
  });
}

type ReviewRow = Awaited<ReturnType<typeof q.reviewsOfClaim>>[number];

function toReview(r: Omit<ReviewRow, 'reviewerName'>, reviewerName: string | null, current: AssessedClaim) {
  const then = JSON.parse(r.assessmentJson) as Assessment;
  return {
    id: r.id,
    claimId: r.claimId,
    reviewerId: r.reviewerId,
    reviewerName,
    verdict: r.verdict,
    rationale: r.rationale,
    acceptedSuggestion: r.acceptedSuggestion === 1,
    createdAt: r.createdAt,
    /** The assessment when reviewed. */
    suggestedLevel: then.suggestedLevel,
    score: then.score,
    explanation: then.explanation,
    ...reviewStanding(current, r),
  };
}

/** A claim's reviews, newest first, each against the live assessment. */
export async function listReviews(db: Kysely<Database>, claimId: number) {
  found('claim', claimId, await getClaimRow(db, claimId));
  const [rows, assessed] = await Promise.all([q.reviewsOfClaim(db, claimId), assessClaims(db, [claimId])]);
  const current = assessed.get(claimId)!;
  return rows.map((r) => toReview(r, r.reviewerName, current));
}

// ── the review queue ───────────────────────────────────────────────────────────────────────────

export const QUEUE_REASONS = ['never_reviewed', 'evidence_changed', 'disagrees'] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** Claims assessed per batch: three queries each (server/assessment), and one for their reviews. */
const CHUNK = 500;

async function inChunks<T>(ids: number[], fn: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await fn(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * What editors should look at, most urgent first: claims never reviewed, claims whose evidence
 * changed since their review, and claims whose verdict and suggested level disagree. Every
 * claim not archived (of the story, if one is given) is assessed, CHUNK claims at a time with a
 * fixed number of queries per chunk; the queue is sorted and paged in memory.
 */
export async function reviewQueue(db: Kysely<Database>, input: z.output<typeof reviewQueueInput>) {
  const candidates = await q.queueCandidates(db, { storyId: input.storyId });
  const ids = candidates.map((c) => c.id);
  const [assessedList, latest] = await Promise.all([
    inChunks(ids, async (chunk) => [...(await assessClaims(db, chunk)).values()]),
    inChunks(ids, (chunk) => q.latestReviewsOf(db, chunk)),
  ]);
  const assessed = new Map(assessedList.map((a) => [a.claimId, a]));
  const reviewOf = new Map(latest.map((r) => [r.claimId, r]));

  const all = candidates.flatMap((c) => {
    const a = assessed.get(c.id)!;
    const review = reviewOf.get(c.id) ?? null;
    const standing = reviewStanding(a, review);
    const reasons: QueueReason[] = [];
    if (!review) reasons.push('never_reviewed');
    if (standing.evidenceChanged) reasons.push('evidence_changed');
    if (standing.disagreement > 0) reasons.push('disagrees');
    if (reasons.length === 0) return [];
    const lastActivityAt = [c.updatedAt, a.lastEvidenceAt ?? ''].reduce((x, y) => (y > x ? y : x));
    return [
      {
        id: c.id,
        text: c.text,
        status: c.status,
        verdict: review?.verdict ?? null,
        attributionCount: c.attributionCount,
        lastActivityAt,
        suggestedLevel: a.assessment.suggestedLevel,
        score: a.assessment.score,
        counts: a.assessment.counts,
        reasons,
        ...standing,
        latestReview: review && { verdict: review.verdict, reviewerName: review.reviewerName, createdAt: review.createdAt },
      },
    ];
  });
  all.sort(QUEUE_ORDER[input.sort]);
  const pages = Math.max(1, Math.ceil(all.length / input.limit));
  const page = Math.min(input.page, pages);
  return { items: all.slice((page - 1) * input.limit, page * input.limit), total: all.length, page, pages };
}

type QueueItem = {
  id: number;
  attributionCount: number;
  lastActivityAt: string;
  disagreement: number;
  evidenceChanged: boolean;
};
const by = {
  disagreement: (x: QueueItem, y: QueueItem) => y.disagreement - x.disagreement,
  changed: (x: QueueItem, y: QueueItem) => Number(y.evidenceChanged) - Number(x.evidenceChanged),
  attributions: (x: QueueItem, y: QueueItem) => y.attributionCount - x.attributionCount,
  recent: (x: QueueItem, y: QueueItem) => (x.lastActivityAt < y.lastActivityAt ? 1 : x.lastActivityAt > y.lastActivityAt ? -1 : 0),
  id: (x: QueueItem, y: QueueItem) => y.id - x.id,
};
const chain =
  (...cmps: ((x: QueueItem, y: QueueItem) => number)[]) =>
  (x: QueueItem, y: QueueItem) => {
    for (const c of cmps) {
      const d = c(x, y);
      if (d) return d;
    }
    return 0;
  };

/**
 * Attention: a published verdict the evidence now disputes comes first (biggest disagreement),
 * then verdicts whose evidence changed since, then the most attributed, then the most recently
 * active. The other orders put one of those first and break ties the same way.
 */
const QUEUE_ORDER: Record<QueueSort, (x: QueueItem, y: QueueItem) => number> = {
  attention: chain(by.disagreement, by.changed, by.attributions, by.recent, by.id),
  most_attributed: chain(by.attributions, by.disagreement, by.recent, by.id),
  recent: chain(by.recent, by.disagreement, by.attributions, by.id),
  disagreement: chain(by.disagreement, by.attributions, by.recent, by.id),
};

// ── the editors' dashboard ───────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

/** The desk at a glance: claims by verdict and status, the week's reviews, sources by grade, the most contradicted claims. */
export async function dashboard(db: Kysely<Database>, now = new Date()) {
  const since = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const [verdicts, statuses, grades, week, contradicted] = await Promise.all([
    q.claimsByVerdict(db),
    q.claimsByStatus(db),
    q.sourcesByGrade(db),
    q.reviewsSince(db, since),
    q.mostContradicted(db, 10),
  ]);
  const count = <K extends string | number>(keys: readonly K[], rows: { key: K | null; n: number | string }[]) =>
    keys.map((key) => ({ key, n: Number(rows.find((r) => r.key === key)?.n ?? 0) }));
  return {
    byVerdict: [
      ...count([1, 2, 3, 4, 5, 6] as const, verdicts.map((r) => ({ key: r.verdict as 1, n: r.n }))),
      { key: null, n: Number(verdicts.find((r) => r.verdict == null)?.n ?? 0) },
    ],
    byStatus: count(CLAIM_STATUSES, statuses.map((r) => ({ key: r.status, n: r.n }))),
    sourcesByGrade: count(RELIABILITY_GRADES, grades.map((r) => ({ key: r.reliability, n: r.n }))),
    reviewedThisWeek: { reviews: Number(week.reviews), claims: Number(week.claims), since },
    mostContradicted: contradicted.map((c) => ({ ...c, contradictions: Number(c.contradictions) })),
  };
}
