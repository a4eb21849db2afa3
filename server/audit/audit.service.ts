import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntity, Database } from '~/db/schema';
import { nowIso } from '../shared/time';
import * as q from './audit.queries';

export type { Subject } from './audit.queries';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  /** The actor's name (null: a script or the demo seed, or an account since removed). */
  actorName: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number;
  /** A short label of the record (its text, name or title) as it was. */
  label: string | null;
  /** Field-by-field changes: for a create every field from null; for a delete every field to null. */
  changes: { field: string; from: unknown; to: unknown }[];
}

// A review's stored assessment and fingerprint are kept in the event, not listed as changes.
const HIDDEN = new Set(['id', 'version', 'updatedAt', 'createdAt', 'attributionCount', 'assessmentJson', 'evidenceFingerprint']);

/**
 * Records one change. Call it inside the transaction that makes the change, so the change and
 * its audit event are written together or not at all. `concerns` lists other records the
 * change belongs to, for their histories.
 */
export async function recordAudit(
  trx: Kysely<Database>,
  actorId: string | null,
  action: AuditAction,
  entity: AuditEntity,
  entityId: number,
  before: object | null,
  after: object | null,
  concerns: q.Subject[] = [],
) {
  await q.insertAuditEvent(
    trx,
    {
      at: nowIso(),
      actorId,
      action,
      entity,
      entityId,
      before: before ? JSON.stringify(before) : null,
      after: after ? JSON.stringify(after) : null,
    },
    concerns,
  );
}

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditEntry['changes'] = [];
  for (const field of keys) {
    if (HIDDEN.has(field)) continue;
    const from = before ? (before[field] ?? null) : null;
    const to = after ? (after[field] ?? null) : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

function labelOf(row: Record<string, unknown> | null): string | null {
  if (!row) return null;
  for (const k of ['text', 'name', 'title', 'quote', 'email']) if (typeof row[k] === 'string' && row[k]) return row[k] as string;
  return null;
}

function toEntry(row: Awaited<ReturnType<typeof q.listAuditEvents>>[number]): AuditEntry {
  const before = row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null;
  const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null;
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    label: labelOf(after) ?? labelOf(before),
    changes: diff(before, after),
  };
}

export async function historyOf(db: Kysely<Database>, subject: q.Subject, limit = 200) {
  return (await q.listAuditEventsAbout(db, subject, limit)).map(toEntry);
}

/** The record with a page of its own that an event is about: a story membership belongs to its claim. */
function pagedRecordOf(e: { entity: AuditEntity; entityId: number }): { entity: q.PagedTable; id: number } | null {
  switch (e.entity) {
    case 'claim':
    case 'source':
    case 'document':
    case 'story':
      return { entity: e.entity, id: e.entityId };
    case 'story_claim':
      return { entity: 'claim', id: e.entityId };
    default:
      return null;
  }
}

export interface ActivityEntry extends AuditEntry {
  /** The record to open for this event, if it has a page and still exists (null otherwise). */
  record: { entity: q.PagedTable; id: number } | null;
}

export async function activity(
  db: Kysely<Database>,
  f: { entity?: AuditEntity | null; actorId?: string | null; from?: string | null; to?: string | null; cursor?: number | null; limit: number },
): Promise<{ items: ActivityEntry[]; nextCursor: number | null }> {
  const rows = await q.listAuditEvents(db, {
    entity: f.entity ?? undefined,
    actorId: f.actorId,
    // Dates are whole days: from the start of `from` to the end of `to`.
    from: f.from ? `${f.from}T00:00:00.000Z` : null,
    to: f.to ? `${f.to}T23:59:59.999Z` : null,
    beforeId: f.cursor,
    limit: f.limit + 1,
  });
  const entries = rows.slice(0, f.limit).map(toEntry);
  const targets = entries.map(pagedRecordOf);
  const tables = ['claim', 'source', 'document', 'story'] as const;
  const existing = Object.fromEntries(
    await Promise.all(
      tables.map(async (t) => [t, await q.existingIds(db, t, [...new Set(targets.filter((x) => x?.entity === t).map((x) => x!.id))])] as const),
    ),
  ) as Record<q.PagedTable, Set<number>>;
  const items = entries.map((e, i) => {
    const t = targets[i];
    return { ...e, record: t && existing[t.entity].has(t.id) ? t : null };
  });
  return { items, nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null };
}
