import type { Insertable, Kysely } from 'kysely';
import type { Database, ReviewTable } from '~/db/schema';
import { inList } from '../shared/in-list';


export const insertReview = (db: Kysely<Database>, v: Insertable<ReviewTable>) =>
  db.insertInto('review').values(v).returningAll().executeTakeFirstOrThrow();

const withReviewer = (db: Kysely<Database>) =>
  db.selectFrom('review').leftJoin('user', 'user.id', 'review.reviewerId').selectAll('review').select('user.name as reviewerName');

/** The latest review of each of `claimIds` that has one (one query). */
export const latestReviewsOf = (db: Kysely<Database>, claimIds: readonly number[]) =>
  withReviewer(db)
    .where('review.id', 'in', (eb) =>
      eb.selectFrom('review').select((e) => e.fn.max('review.id').as('id')).where('review.claimId', 'in', inList(claimIds)).groupBy('review.claimId'),
    )
    .execute();

/** A claim's reviews, newest first. */
export const reviewsOfClaim = (db: Kysely<Database>, claimId: number) =>
  withReviewer(db).where('review.claimId', '=', claimId).orderBy('review.id', 'desc').execute();

export const countReviewsOfClaim = async (db: Kysely<Database>, claimId: number) =>
  Number(
    (await db.selectFrom('review').where('claimId', '=', claimId).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );

/** Claims the review queue considers: every claim not archived, optionally of one story. */
export function queueCandidates(db: Kysely<Database>, f: { storyId?: number | null }) {
  let qb = db
    .selectFrom('claim')
    .select(['claim.id', 'claim.text', 'claim.status', 'claim.verdict', 'claim.attributionCount', 'claim.updatedAt'])
    .where('claim.status', '<>', 'archived');
  if (f.storyId) {
    const storyId = f.storyId;
    qb = qb.where((eb) =>
      eb.exists(eb.selectFrom('storyClaim').whereRef('storyClaim.claimId', '=', 'claim.id').where('storyClaim.storyId', '=', storyId).select('storyClaim.claimId')),
    );
  }
  return qb.orderBy('claim.id').execute();
}

// ── the editors' dashboard (aggregates, one query each) ──────────────────────────────────────────

export const claimsByVerdict = (db: Kysely<Database>) =>
  db.selectFrom('claim').select(['verdict', (e) => e.fn.countAll<number>().as('n')]).groupBy('verdict').execute();

export const claimsByStatus = (db: Kysely<Database>) =>
  db.selectFrom('claim').select(['status', (e) => e.fn.countAll<number>().as('n')]).groupBy('status').execute();

export const sourcesByGrade = (db: Kysely<Database>) =>
  db.selectFrom('source').select(['reliability', (e) => e.fn.countAll<number>().as('n')]).groupBy('reliability').execute();

/** Reviews since `since`, and how many claims they covered. */
export const reviewsSince = (db: Kysely<Database>, since: string) =>
  db
    .selectFrom('review')
    .select([(e) => e.fn.countAll<number>().as('reviews'), (e) => e.fn.count<number>('claimId').distinct().as('claims')])
    .where('createdAt', '>=', since)
    .executeTakeFirstOrThrow();

/** The claims with the most contradicting claims (a contradiction is stored once, at either end). */
export const mostContradicted = (db: Kysely<Database>, limit: number) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('claimLink')
        .select('fromClaimId as claimId')
        .where('kind', '=', 'contradicts')
        .unionAll(eb.selectFrom('claimLink').select('toClaimId as claimId').where('kind', '=', 'contradicts'))
        .as('end'),
    )
    .innerJoin('claim', 'claim.id', 'end.claimId')
    .select(['claim.id', 'claim.text', 'claim.verdict', 'claim.status', (e) => e.fn.countAll<number>().as('contradictions')])
    .groupBy(['claim.id', 'claim.text', 'claim.verdict', 'claim.status'])
    .orderBy('contradictions', 'desc')
    .orderBy('claim.id', 'desc')
    .limit(limit)
    .execute();
