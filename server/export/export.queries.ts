import type { Kysely } from 'kysely';
import type { ClaimStatus, Database } from '~/db/schema';
import { attributionsInContext } from '../attributions/attributions.queries';
import { inList } from '../shared/in-list';


/** Every claim matching the claims list's story and status filters, oldest first. */
export function exportedClaims(db: Kysely<Database>, f: { storyId: number | null; status: ClaimStatus | null }) {
  let qb = db
    .selectFrom('claim')
    .select(['id', 'text', 'contextNote', 'eventDate', 'status', 'verdict', 'createdAt', 'updatedAt']);
  if (f.status) qb = qb.where('status', '=', f.status);
  if (f.storyId) {
    const storyId = f.storyId;
    qb = qb.where((eb) =>
      eb.exists(eb.selectFrom('storyClaim').whereRef('storyClaim.claimId', '=', 'claim.id').where('storyClaim.storyId', '=', storyId).select('storyClaim.claimId')),
    );
  }
  return qb.orderBy('id').execute();
}

/** The attributions of `claimIds` with who, where and via whom (one query). */
export const exportedAttributionsOf = (db: Kysely<Database>, claimIds: readonly number[]) =>
  attributionsInContext(db)
    .select([
      'attribution.id',
      'attribution.claimId',
      'attribution.stance',
      'attribution.quote',
      'attribution.evidenceKind',
      'attribution.note',
      'source.id as sourceId',
      'source.name as sourceName',
      'source.kind as sourceKind',
      'source.reliability as sourceReliability',
      'via.name as viaSourceName',
      'document.title as documentTitle',
      'document.url as documentUrl',
      'document.archiveUrl as documentArchiveUrl',
      'document.publishedAt as documentPublishedAt',
      'publisher.name as publisherName',
    ])
    .where('attribution.claimId', 'in', inList(claimIds))
    .orderBy('attribution.claimId')
    .orderBy('attribution.id')
    .execute();

/** Every review of `claimIds`, newest first, with the reviewer's name (one query). */
export const exportedReviewsOf = (db: Kysely<Database>, claimIds: readonly number[]) =>
  db
    .selectFrom('review')
    .leftJoin('user', 'user.id', 'review.reviewerId')
    .select(['review.id', 'review.claimId', 'review.verdict', 'review.rationale', 'review.createdAt', 'user.name as reviewerName'])
    .where('review.claimId', 'in', inList(claimIds))
    .orderBy('review.id', 'desc')
    .execute();

/** The stories of `claimIds` (one query). */
export const exportedStoriesOf = (db: Kysely<Database>, claimIds: readonly number[]) =>
  db
    .selectFrom('storyClaim')
    .innerJoin('story', 'story.id', 'storyClaim.storyId')
    .select(['storyClaim.claimId', 'story.id', 'story.title'])
    .where('storyClaim.claimId', 'in', inList(claimIds))
    .orderBy('story.title')
    .execute();
