import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntity, Database } from '~/db/schema';
import { chainHash, GENESIS_HASH } from './chain';

export interface Subject {
  entity: AuditEntity;
  id: number;
}

export async function insertAuditEvent(
  db: Kysely<Database>,
  e: { at: string; actorId: string | null; action: AuditAction; entity: AuditEntity; entityId: number; before: string | null; after: string | null },
  concerns: Subject[],
) {
  // Chained to the newest event. Writes are serialised (one connection, one transaction at a
  // time), and a unique index on prev_hash refuses a fork should two writers ever race.
  const last = await db.selectFrom('auditEvent').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const { id } = await db
    .insertInto('auditEvent')
    .values({ ...e, prevHash, hash: chainHash(prevHash, e) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const seen = new Set<string>([`${e.entity}:${e.entityId}`]);
  const rows = concerns.filter((c) => {
    const k = `${c.entity}:${c.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (rows.length) await db.insertInto('auditSubject').values(rows.map((c) => ({ eventId: id, entity: c.entity, entityId: c.id }))).execute();
  return id;
}

export interface ActivityFilter {
  entity?: AuditEntity;
  actorId?: string | null;
  /** Inclusive ISO bounds on the event time. */
  from?: string | null;
  to?: string | null;
  beforeId?: number | null;
  limit: number;
}

/** Events with the name of who made them (one query), newest first. */
const withActor = (db: Kysely<Database>) =>
  db.selectFrom('auditEvent').leftJoin('user', 'user.id', 'auditEvent.actorId').selectAll('auditEvent').select('user.name as actorName');

export function listAuditEvents(db: Kysely<Database>, f: ActivityFilter) {
  let q = withActor(db).orderBy('auditEvent.id', 'desc').limit(f.limit);
  if (f.entity) q = q.where('auditEvent.entity', '=', f.entity);
  if (f.actorId) q = q.where('auditEvent.actorId', '=', f.actorId);
  if (f.from) q = q.where('auditEvent.at', '>=', f.from);
  if (f.to) q = q.where('auditEvent.at', '<=', f.to);
  if (f.beforeId) q = q.where('auditEvent.id', '<', f.beforeId);
  return q.execute();
}

/** Events about a record, or that concern it, newest first. */
export function listAuditEventsAbout(db: Kysely<Database>, s: Subject, limit: number) {
  return withActor(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('auditEvent.entity', '=', s.entity), eb('auditEvent.entityId', '=', s.id)]),
        eb(
          'auditEvent.id',
          'in',
          eb.selectFrom('auditSubject').select('eventId').where('auditSubject.entity', '=', s.entity).where('auditSubject.entityId', '=', s.id),
        ),
      ]),
    )
    .orderBy('auditEvent.id', 'desc')
    .limit(limit)
    .execute();
}

/** Tables of the records that have a page of their own, for "does it still exist" checks. */
export type PagedTable = 'claim' | 'source' | 'document' | 'story';

/** Which of these ids still exist in the table. */
export async function existingIds(db: Kysely<Database>, table: PagedTable, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The whole log in chain order, a page at a time (for verification). */
export const auditChainPage = (db: Kysely<Database>, afterId: number, limit: number) =>
  db.selectFrom('auditEvent').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
