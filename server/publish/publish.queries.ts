import type { Kysely } from 'kysely';
import type { Database } from '~/db/schema';
import { attributionsInContext } from '../attributions/attributions.queries';
import { inList } from '../shared/in-list';


/** Claims that have at least one review (the published ones), most recently reviewed first. */
export const reviewedClaims = (db: Kysely<Database>, claimIds?: readonly number[]) => {
  let qb = db
    .selectFrom('claim')
    .innerJoin(
      (eb) => eb.selectFrom('review').select(['review.claimId', (e) => e.fn.max('review.id').as('lastReviewId')]).groupBy('review.claimId').as('r'),
      (j) => j.onRef('r.claimId', '=', 'claim.id'),
    )
    .select(['claim.id', 'claim.text', 'claim.eventDate', 'claim.status', 'r.lastReviewId']);
  if (claimIds) qb = qb.where('claim.id', 'in', inList(claimIds));
  return qb.orderBy('r.lastReviewId', 'desc').execute();
};

/** What the public may see of claims' attributions: who, with which stance, and where (one query). */
export const publicAttributionsOf = (db: Kysely<Database>, claimIds: readonly number[]) =>
  attributionsInContext(db)
    .select([
      'attribution.id',
      'attribution.claimId',
      'attribution.stance',
      'attribution.quote',
      'source.name as sourceName',
      'source.kind as sourceKind',
      'source.homepage as sourceHomepage',
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
