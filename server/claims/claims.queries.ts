import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { ClaimStatus, ClaimTable, Database, Stance } from '~/db/schema';
import { claimTextMatches } from '../search/search.sqlite';
import { likeContains, likePrefix } from '../shared/like';
import { attributionsInContext } from '../attributions/attributions.queries';
import { inList } from '../shared/in-list';

export const getClaimRow = (db: Kysely<Database>, id: number) =>
  db.selectFrom('claim').selectAll().where('id', '=', id).executeTakeFirst();

export const insertClaim = (db: Kysely<Database>, v: Insertable<ClaimTable>) =>
  db.insertInto('claim').values(v).returningAll().executeTakeFirstOrThrow();

export const updateClaim = (db: Kysely<Database>, id: number, version: number, patch: Updateable<ClaimTable>) =>
  db
    .updateTable('claim')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

/** A claim with exactly this text (case-insensitive), if any: intake reuses it instead of a duplicate. */
export const findClaimByText = (db: Kysely<Database>, text: string) =>
  db
    .selectFrom('claim')
    .selectAll()
    .where(sql<boolean>`text = ${text} collate nocase`)
    .orderBy('id')
    .executeTakeFirst();

export const deleteClaim = (db: Kysely<Database>, id: number) => db.deleteFrom('claim').where('id', '=', id).execute();

/** Keeps the denormalised count behind the "most attributed" sort in step (same transaction). */
export const refreshAttributionCount = (db: Kysely<Database>, claimId: number) =>
  db
    .updateTable('claim')
    .set((eb) => ({
      attributionCount: eb.selectFrom('attribution').where('attribution.claimId', '=', claimId).select((e) => e.fn.countAll<number>().as('n')),
    }))
    .where('id', '=', claimId)
    .execute();

export const storyIdsOfClaim = async (db: Kysely<Database>, claimId: number) =>
  (await db.selectFrom('storyClaim').select('storyId').where('claimId', '=', claimId).execute()).map((r) => r.storyId);

export interface ClaimListFilter {
  /** Words that must all match (as prefixes) in the text or note, through the full-text index. */
  terms?: string[] | null;
  storyId?: number | null;
  status?: ClaimStatus | null;
  sourceId?: number | null;
  stance?: Stance | null;
  sort: 'newest' | 'oldest' | 'most_attributed';
  after?: { k: string | number; id: number } | null;
  limit: number;
}

/**
 * One page of claims, keyset-paginated on the sort column and id (never OFFSET). The row-value
 * comparison `(key, id) < (?, ?)` lets the (key, id) index seek straight to the page.
 */
export function listClaims(db: Kysely<Database>, f: ClaimListFilter) {
  let qb = db
    .selectFrom('claim')
    .select(['id', 'text', 'status', 'verdict', 'eventDate', 'createdAt', 'updatedAt', 'attributionCount']);
  if (f.terms) qb = qb.where(claimTextMatches(f.terms));
  if (f.status) qb = qb.where('status', '=', f.status);
  if (f.storyId) {
    const storyId = f.storyId;
    qb = qb.where((eb) =>
      eb.exists(eb.selectFrom('storyClaim').whereRef('storyClaim.claimId', '=', 'claim.id').where('storyClaim.storyId', '=', storyId).select('storyClaim.claimId')),
    );
  }
  if (f.sourceId || f.stance) {
    qb = qb.where((eb) => {
      let sub = eb.selectFrom('attribution').whereRef('attribution.claimId', '=', 'claim.id').select('attribution.id');
      if (f.sourceId) sub = sub.where('attribution.sourceId', '=', f.sourceId);
      if (f.stance) sub = sub.where('attribution.stance', '=', f.stance);
      return eb.exists(sub);
    });
  }
  const a = f.after;
  if (f.sort === 'most_attributed') {
    if (a) qb = qb.where((eb) => eb(eb.refTuple('attributionCount', 'id'), '<', eb.tuple(Number(a.k), a.id)));
    qb = qb.orderBy('attributionCount', 'desc').orderBy('id', 'desc');
  } else if (f.sort === 'oldest') {
    if (a) qb = qb.where((eb) => eb(eb.refTuple('createdAt', 'id'), '>', eb.tuple(String(a.k), a.id)));
    qb = qb.orderBy('createdAt', 'asc').orderBy('id', 'asc');
  } else {
    if (a) qb = qb.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(String(a.k), a.id)));
    qb = qb.orderBy('createdAt', 'desc').orderBy('id', 'desc');
  }
  return qb.limit(f.limit).execute();
}

/** Attribution counts by stance for a set of claims (one query for a whole page). */
export const stanceCounts = (db: Kysely<Database>, claimIds: number[]) =>
  db
    .selectFrom('attribution')
    .select(['claimId', 'stance', (e) => e.fn.countAll<number>().as('n')])
    .where('claimId', 'in', inList(claimIds))
    .groupBy(['claimId', 'stance'])
    .execute();

/** Every attribution of a claim with who, where and via whom (one query, however many). */
export const attributionsOfClaim = (db: Kysely<Database>, claimId: number) =>
  attributionsInContext(db)
    .leftJoin('source as parent', 'parent.id', 'source.affiliationId')
    .select([
      'attribution.id',
      'attribution.version',
      'attribution.stance',
      'attribution.quote',
      'attribution.evidenceKind',
      'attribution.note',
      'attribution.createdAt',
      'source.id as sourceId',
      'source.name as sourceName',
      'source.kind as sourceKind',
      'source.reliability as sourceReliability',
      'source.affiliationRole as sourceRole',
      'parent.id as affiliationId',
      'parent.name as affiliationName',
      'via.id as viaSourceId',
      'via.name as viaSourceName',
      'via.reliability as viaSourceReliability',
      'document.id as documentId',
      'document.title as documentTitle',
      'document.url as documentUrl',
      'document.archiveUrl as documentArchiveUrl',
      'document.publishedAt as documentPublishedAt',
      'publisher.id as publisherId',
      'publisher.name as publisherName',
    ])
    .where('attribution.claimId', '=', claimId)
    .orderBy('attribution.createdAt')
    .orderBy('attribution.id')
    .execute();

const linkColumns = [
  'claimLink.id',
  'claimLink.version',
  'claimLink.kind',
  'claimLink.note',
  'claimLink.createdAt',
  'other.id as otherId',
  'other.text as otherText',
  'other.status as otherStatus',
  'other.verdict as otherVerdict',
] as const;

export const linksFrom = (db: Kysely<Database>, claimId: number) =>
  db
    .selectFrom('claimLink')
    .innerJoin('claim as other', 'other.id', 'claimLink.toClaimId')
    .select(linkColumns)
    .where('claimLink.fromClaimId', '=', claimId)
    .orderBy('claimLink.id')
    .execute();

export const linksTo = (db: Kysely<Database>, claimId: number) =>
  db
    .selectFrom('claimLink')
    .innerJoin('claim as other', 'other.id', 'claimLink.fromClaimId')
    .select(linkColumns)
    .where('claimLink.toClaimId', '=', claimId)
    .orderBy('claimLink.id')
    .execute();

export const countLinks = async (db: Kysely<Database>, claimId: number) =>
  Number(
    (
      await db
        .selectFrom('claimLink')
        .where((eb) => eb.or([eb('fromClaimId', '=', claimId), eb('toClaimId', '=', claimId)]))
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const attributionRowsOfClaim = (db: Kysely<Database>, claimId: number) =>
  db.selectFrom('attribution').selectAll().where('claimId', '=', claimId).execute();

/** Claim autocomplete: text prefix matches first, then anywhere. */
export function suggestClaims(db: Kysely<Database>, q: string, excludeId: number | null, limit: number) {
  const lower = q.toLowerCase();
  const contains = likeContains(lower);
  let qb = db
    .selectFrom('claim')
    .select(['id', 'text', 'status', 'verdict', 'attributionCount'])
    .where(sql<boolean>`lower(text) like ${contains} escape '\\'`);
  if (excludeId) qb = qb.where('id', '<>', excludeId);
  return qb
    .orderBy(sql`case when lower(text) like ${likePrefix(lower)} escape '\\' then 0 else 1 end`)
    .orderBy('attributionCount', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
