import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, SourceTable } from '~/db/schema';
import { likeContains, likePrefix } from '../shared/like';
import { inList } from '../shared/in-list';

export const getSourceRow = (db: Kysely<Database>, id: number) =>
  db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst();

export const getSourceRows = (db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('source').selectAll().where('id', 'in', inList(ids)).execute();

export const aliasesOf = (db: Kysely<Database>, sourceIds: number[]) =>
  db
    .selectFrom('sourceAlias')
    .select(['sourceId', 'alias'])
    .where('sourceId', 'in', inList(sourceIds))
    .orderBy('alias')
    .execute();

export const insertSource = (db: Kysely<Database>, v: Insertable<SourceTable>) =>
  db.insertInto('source').values(v).returningAll().executeTakeFirstOrThrow();

export const updateSource = (db: Kysely<Database>, id: number, version: number, patch: Updateable<SourceTable>) =>
  db
    .updateTable('source')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteSource = (db: Kysely<Database>, id: number) => db.deleteFrom('source').where('id', '=', id).execute();

export async function replaceAliases(db: Kysely<Database>, sourceId: number, aliases: string[]) {
  await db.deleteFrom('sourceAlias').where('sourceId', '=', sourceId).execute();
  if (aliases.length) await db.insertInto('sourceAlias').values(aliases.map((alias) => ({ sourceId, alias }))).execute();
}

/** A source with the same name (case-insensitive), if any. */
export const findSourceByName = (db: Kysely<Database>, name: string) =>
  db
    .selectFrom('source')
    .selectAll()
    .where(sql<boolean>`name = ${name} collate nocase`)
    .executeTakeFirst();

/** The source and every source above it, nearest first (one recursive query). */
export function affiliationChain(db: Kysely<Database>, id: number) {
  return db
    .withRecursive('chain(id, depth)', (qb) =>
      qb
        .selectFrom('source')
        .select(['source.affiliationId as id', sql<number>`1`.as('depth')])
        .where('source.id', '=', id)
        .where('source.affiliationId', 'is not', null)
        .unionAll((u) =>
          u
            .selectFrom('source')
            .innerJoin('chain', 'chain.id', 'source.id')
            .select(['source.affiliationId as id', sql<number>`chain.depth + 1`.as('depth')])
            .where('source.affiliationId', 'is not', null)
            .where('chain.depth', '<', 20),
        ),
    )
    .selectFrom('chain')
    .innerJoin('source', 'source.id', 'chain.id')
    .select(['source.id', 'source.name', 'source.kind', 'source.reliability', 'source.affiliationRole', 'chain.depth'])
    .orderBy('chain.depth')
    .execute();
}

export const membersOf = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('source')
    .select(['id', 'name', 'kind', 'reliability', 'affiliationRole'])
    .where('affiliationId', '=', id)
    .orderBy('name')
    .execute();

export interface SourceDependents {
  attributions: number;
  relayed: number;
  documents: number;
  members: number;
}

export async function dependentsOf(db: Kysely<Database>, id: number): Promise<SourceDependents> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('attribution').where('sourceId', '=', id).select((e) => e.fn.countAll<number>().as('n')).as('attributions'),
      eb.selectFrom('attribution').where('viaSourceId', '=', id).select((e) => e.fn.countAll<number>().as('n')).as('relayed'),
      eb.selectFrom('document').where('publisherId', '=', id).select((e) => e.fn.countAll<number>().as('n')).as('documents'),
      eb.selectFrom('source').where('affiliationId', '=', id).select((e) => e.fn.countAll<number>().as('n')).as('members'),
    ])
    .executeTakeFirstOrThrow();
  return {
    attributions: Number(row.attributions ?? 0),
    relayed: Number(row.relayed ?? 0),
    documents: Number(row.documents ?? 0),
    members: Number(row.members ?? 0),
  };
}

/**
 * Sources, optionally filtered, in one of three orders, each with its keyset:
 * name (lower(name) asc, id asc), newest (created_at desc, id desc), most attributed
 * (attribution count desc, id asc). `sortKey` is the row's key in the chosen order.
 */
export function listSources(
  db: Kysely<Database>,
  f: {
    q?: string;
    kind?: string | null;
    reliability?: string | null;
    sort?: 'name' | 'newest' | 'most_attributed';
    after?: { k: string | number; id: number } | null;
    limit: number;
  },
) {
  const count = sql<number>`(select count(*) from attribution where attribution.source_id = source.id)`;
  const sort = f.sort ?? 'name';
  const key =
    sort === 'newest' ? sql<string | number>`source.created_at` : sort === 'most_attributed' ? sql<string | number>`${count}` : sql<string | number>`lower(source.name)`;
  let qb = db
    .selectFrom('source')
    .leftJoin('source as parent', 'parent.id', 'source.affiliationId')
    .select([
      'source.id',
      'source.name',
      'source.kind',
      'source.reliability',
      'source.affiliationRole',
      'parent.id as affiliationId',
      'parent.name as affiliationName',
      key.as('sortKey'),
      count.as('attributionCount'),
    ]);
  if (f.q) {
    const pat = likeContains(f.q.toLowerCase());
    qb = qb.where((eb) =>
      eb.or([
        sql<boolean>`lower(source.name) like ${pat} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('sourceAlias')
            .whereRef('sourceAlias.sourceId', '=', 'source.id')
            .where(sql<boolean>`lower(alias) like ${pat} escape '\\'`)
            .select('sourceAlias.id'),
        ),
      ]),
    );
  }
  if (f.kind) qb = qb.where('source.kind', '=', f.kind as never);
  if (f.reliability) qb = qb.where('source.reliability', '=', f.reliability as never);
  const a = f.after;
  if (sort === 'newest') {
    if (a) qb = qb.where(sql<boolean>`(source.created_at < ${String(a.k)} or (source.created_at = ${String(a.k)} and source.id < ${a.id}))`);
    return qb.orderBy('source.createdAt', 'desc').orderBy('source.id', 'desc').limit(f.limit).execute();
  }
  if (sort === 'most_attributed') {
    if (a) qb = qb.where(sql<boolean>`(${count} < ${Number(a.k)} or (${count} = ${Number(a.k)} and source.id > ${a.id}))`);
    return qb.orderBy(count, 'desc').orderBy('source.id').limit(f.limit).execute();
  }
  if (a) qb = qb.where(sql<boolean>`(lower(source.name) > ${String(a.k)} or (lower(source.name) = ${String(a.k)} and source.id > ${a.id}))`);
  return qb.orderBy(sql`lower(source.name)`).orderBy('source.id').limit(f.limit).execute();
}

/** Autocomplete over names and aliases: prefix matches first, then matches anywhere. */
export function suggestSources(db: Kysely<Database>, q: string, limit: number) {
  const lower = q.toLowerCase();
  const contains = likeContains(lower);
  const prefix = likePrefix(lower);
  return db
    .selectFrom('source')
    .leftJoin('source as parent', 'parent.id', 'source.affiliationId')
    .select([
      'source.id',
      'source.name',
      'source.kind',
      'source.reliability',
      'parent.name as affiliationName',
      (eb) =>
        eb
          .selectFrom('sourceAlias')
          .whereRef('sourceAlias.sourceId', '=', 'source.id')
          .where(sql<boolean>`lower(alias) like ${contains} escape '\\'`)
          .select('alias')
          .limit(1)
          .as('matchedAlias'),
    ])
    .where((eb) =>
      eb.or([
        sql<boolean>`lower(source.name) like ${contains} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('sourceAlias')
            .whereRef('sourceAlias.sourceId', '=', 'source.id')
            .where(sql<boolean>`lower(alias) like ${contains} escape '\\'`)
            .select('sourceAlias.id'),
        ),
      ]),
    )
    .orderBy(sql`case when lower(source.name) like ${prefix} escape '\\' then 0 else 1 end`)
    .orderBy(sql`length(source.name)`)
    .orderBy('source.id')
    .limit(limit)
    .execute();
}

/**
 * Claims this source asserted, denied or reported (role 'direct'), or relayed for another source
 * (role 'relayed'), with the stance, who spoke and via whom (one query).
 */
export function claimsOfSource(db: Kysely<Database>, sourceId: number, limit: number) {
  return db
    .selectFrom('attribution')
    .innerJoin('claim', 'claim.id', 'attribution.claimId')
    .leftJoin('document', 'document.id', 'attribution.documentId')
    .innerJoin('source as speaker', 'speaker.id', 'attribution.sourceId')
    .leftJoin('source as via', 'via.id', 'attribution.viaSourceId')
    .select([
      'attribution.id as attributionId',
      'speaker.id as sourceId',
      'speaker.name as sourceName',
      'speaker.reliability as sourceReliability',
      'via.id as viaSourceId',
      'via.name as viaSourceName',
      'attribution.stance',
      'attribution.quote',
      'attribution.evidenceKind',
      'claim.id as claimId',
      'claim.text as claimText',
      'claim.status as claimStatus',
      'claim.verdict as claimVerdict',
      'document.id as documentId',
      'document.title as documentTitle',
      'document.publishedAt',
    ])
    .where((eb) => eb.or([eb('attribution.sourceId', '=', sourceId), eb('attribution.viaSourceId', '=', sourceId)]))
    .select((eb) => eb.case().when('attribution.sourceId', '=', sourceId).then(sql<'direct' | 'relayed'>`'direct'`).else(sql<'direct' | 'relayed'>`'relayed'`).end().as('role'))
    .orderBy('attribution.createdAt', 'desc')
    .orderBy('attribution.id', 'desc')
    .limit(limit)
    .execute();
}

export const documentsPublishedBy = (db: Kysely<Database>, sourceId: number, limit: number) =>
  db
    .selectFrom('document')
    .select(['id', 'title', 'url', 'publishedAt', 'kind'])
    .where('publisherId', '=', sourceId)
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/**
 * The verdicts of the claims sources asserted or denied themselves: claim counts by source, stance
 * and verdict (one query, however many sources): the source page's track record and the
 * assessment's.
 */
export const verdictsOfSourceClaims = (db: Kysely<Database>, sourceIds: readonly number[]) =>
  db
    .selectFrom('attribution')
    .innerJoin('claim', 'claim.id', 'attribution.claimId')
    .select(['attribution.sourceId', 'attribution.stance', 'claim.verdict', (eb) => eb.fn.count<number>('claim.id').distinct().as('n')])
    .where('attribution.sourceId', 'in', inList(sourceIds))
    .where('attribution.stance', 'in', ['asserts', 'denies'])
    .groupBy(['attribution.sourceId', 'attribution.stance', 'claim.verdict'])
    .execute();
