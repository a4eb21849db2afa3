import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, DocumentTable } from '~/db/schema';
import { likeContains } from '../shared/like';

export const getDocumentRow = (db: Kysely<Database>, id: number) =>
  db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();

export const findDocumentByUrl = (db: Kysely<Database>, url: string) =>
  db.selectFrom('document').selectAll().where('url', '=', url).executeTakeFirst();

export const insertDocument = (db: Kysely<Database>, v: Insertable<DocumentTable>) =>
  db.insertInto('document').values(v).returningAll().executeTakeFirstOrThrow();

export const updateDocument = (db: Kysely<Database>, id: number, version: number, patch: Updateable<DocumentTable>) =>
  db
    .updateTable('document')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteDocument = (db: Kysely<Database>, id: number) => db.deleteFrom('document').where('id', '=', id).execute();

export const countAttributionsIn = async (db: Kysely<Database>, id: number) =>
  Number(
    (
      await db
        .selectFrom('attribution')
        .where('documentId', '=', id)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const documentWithPublisher = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('document')
    .leftJoin('source', 'source.id', 'document.publisherId')
    .selectAll('document')
    .select(['source.name as publisherName', 'source.reliability as publisherReliability'])
    .where('document.id', '=', id)
    .executeTakeFirst();

/** Every attribution a document carries, with its claim, source and relay (one query). */
export const attributionsInDocument = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('attribution')
    .innerJoin('claim', 'claim.id', 'attribution.claimId')
    .innerJoin('source', 'source.id', 'attribution.sourceId')
    .leftJoin('source as via', 'via.id', 'attribution.viaSourceId')
    .select([
      'attribution.id',
      'attribution.stance',
      'attribution.quote',
      'attribution.evidenceKind',
      'claim.id as claimId',
      'claim.text as claimText',
      'source.id as sourceId',
      'source.name as sourceName',
      'source.reliability as sourceReliability',
      'via.id as viaSourceId',
      'via.name as viaSourceName',
    ])
    .where('attribution.documentId', '=', id)
    .orderBy('attribution.id')
    .execute();

/** Documents, newest first; keyset on (created_at, id). */
export function listDocuments(
  db: Kysely<Database>,
  f: { q?: string; publisherId?: number | null; after?: { k: string; id: number } | null; limit: number },
) {
  let qb = db
    .selectFrom('document')
    .leftJoin('source', 'source.id', 'document.publisherId')
    .select([
      'document.id',
      'document.url',
      'document.title',
      'document.kind',
      'document.publishedAt',
      'document.archiveUrl',
      'document.createdAt',
      'source.id as publisherId',
      'source.name as publisherName',
    ])
    .select((eb) =>
      eb.selectFrom('attribution').whereRef('attribution.documentId', '=', 'document.id').select((e) => e.fn.countAll<number>().as('n')).as('attributionCount'),
    );
  if (f.q) {
    const pat = likeContains(f.q.toLowerCase());
    qb = qb.where((eb) =>
      eb.or([sql<boolean>`lower(document.title) like ${pat} escape '\\'`, sql<boolean>`lower(document.url) like ${pat} escape '\\'`]),
    );
  }
  if (f.publisherId) qb = qb.where('document.publisherId', '=', f.publisherId);
  if (f.after) {
    const a = f.after;
    qb = qb.where((eb) =>
      eb(eb.refTuple('document.createdAt', 'document.id'), '<', eb.tuple(a.k, a.id)),
    );
  }
  return qb.orderBy('document.createdAt', 'desc').orderBy('document.id', 'desc').limit(f.limit).execute();
}

export function suggestDocuments(db: Kysely<Database>, q: string, limit: number) {
  const pat = likeContains(q.toLowerCase());
  return db
    .selectFrom('document')
    .leftJoin('source', 'source.id', 'document.publisherId')
    .select(['document.id', 'document.title', 'document.url', 'document.publishedAt', 'source.name as publisherName'])
    .where((eb) =>
      eb.or([sql<boolean>`lower(document.title) like ${pat} escape '\\'`, sql<boolean>`lower(document.url) like ${pat} escape '\\'`]),
    )
    .orderBy('document.createdAt', 'desc')
    .limit(limit)
    .execute();
}
