import type { Kysely, Selectable } from 'kysely';
import type { AttributionTable, ClaimLinkTable, ClaimTable, Database, MergeTable, StoryClaimTable } from '~/db/schema';

/** Row-level reads and writes of a merge and its undo. Every write is guarded by the row's version. */

export const getMerge = (db: Kysely<Database>, id: number) => db.selectFrom('merge').selectAll().where('id', '=', id).executeTakeFirst();

export const insertMerge = (db: Kysely<Database>, v: Omit<Selectable<MergeTable>, 'id' | 'version' | 'undoneAt' | 'undoneBy'>) =>
  db.insertInto('merge').values(v).returningAll().executeTakeFirstOrThrow();

export const markUndone = (db: Kysely<Database>, id: number, version: number, by: string | null, at: string) =>
  db
    .updateTable('merge')
    .set({ undoneBy: by, undoneAt: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

export const attributionRows = (db: Kysely<Database>, claimId: number) =>
  db.selectFrom('attribution').selectAll().where('claimId', '=', claimId).orderBy('id').execute();

export const getAttributionRow = (db: Kysely<Database>, id: number) =>
  db.selectFrom('attribution').selectAll().where('id', '=', id).executeTakeFirst();

export const moveAttribution = (db: Kysely<Database>, id: number, version: number, claimId: number, at: string) =>
  db
    .updateTable('attribution')
    .set({ claimId, updatedAt: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

/** Every link touching the claim, either end, oldest first. */
export const linkRowsOf = (db: Kysely<Database>, claimId: number) =>
  db
    .selectFrom('claimLink')
    .selectAll()
    .where((eb) => eb.or([eb('fromClaimId', '=', claimId), eb('toClaimId', '=', claimId)]))
    .orderBy('id')
    .execute();

export const moveLink = (db: Kysely<Database>, id: number, version: number, fromClaimId: number, toClaimId: number, at: string) =>
  db
    .updateTable('claimLink')
    .set({ fromClaimId, toClaimId, updatedAt: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

export const storyClaimsOf = (db: Kysely<Database>, claimId: number) =>
  db.selectFrom('storyClaim').selectAll().where('claimId', '=', claimId).orderBy('storyId').execute();

export const insertStoryClaimRow = (db: Kysely<Database>, row: Selectable<StoryClaimTable>) =>
  db.insertInto('storyClaim').values(row).returningAll().executeTakeFirstOrThrow();

export const storyExists = async (db: Kysely<Database>, id: number) =>
  !!(await db.selectFrom('story').select('id').where('id', '=', id).executeTakeFirst());

export const sourceExists = async (db: Kysely<Database>, id: number) =>
  !!(await db.selectFrom('source').select('id').where('id', '=', id).executeTakeFirst());

export const documentExists = async (db: Kysely<Database>, id: number) =>
  !!(await db.selectFrom('document').select('id').where('id', '=', id).executeTakeFirst());

export const claimExists = async (db: Kysely<Database>, id: number) =>
  !!(await db.selectFrom('claim').select('id').where('id', '=', id).executeTakeFirst());

// ── exact restoration (undo): rows go back as they were, id and version included ─────────────────

export const restoreAttribution = (db: Kysely<Database>, row: Selectable<AttributionTable>, currentVersion: number) =>
  db
    .updateTable('attribution')
    .set({ claimId: row.claimId, updatedAt: row.updatedAt, version: row.version })
    .where('id', '=', row.id)
    .where('version', '=', currentVersion)
    .returningAll()
    .executeTakeFirstOrThrow();

export const reinsertAttribution = (db: Kysely<Database>, row: Selectable<AttributionTable>) =>
  db.insertInto('attribution').values(row).returningAll().executeTakeFirstOrThrow();

export const restoreLink = (db: Kysely<Database>, row: Selectable<ClaimLinkTable>, currentVersion: number) =>
  db
    .updateTable('claimLink')
    .set({ fromClaimId: row.fromClaimId, toClaimId: row.toClaimId, updatedAt: row.updatedAt, version: row.version })
    .where('id', '=', row.id)
    .where('version', '=', currentVersion)
    .returningAll()
    .executeTakeFirstOrThrow();

export const reinsertLink = (db: Kysely<Database>, row: Selectable<ClaimLinkTable>) =>
  db.insertInto('claimLink').values(row).returningAll().executeTakeFirstOrThrow();

export const restoreClaim = (db: Kysely<Database>, row: Selectable<ClaimTable>, currentVersion: number) =>
  db
    .updateTable('claim')
    .set({
      text: row.text,
      contextNote: row.contextNote,
      eventDate: row.eventDate,
      status: row.status,
      verdict: row.verdict,
      updatedAt: row.updatedAt,
      version: row.version,
    })
    .where('id', '=', row.id)
    .where('version', '=', currentVersion)
    .returningAll()
    .executeTakeFirstOrThrow();
