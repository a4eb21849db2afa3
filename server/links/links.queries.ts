import type { Insertable, Kysely } from 'kysely';
import type { ClaimLinkTable, Database, LinkKind } from '~/db/schema';

export const getLinkRow = (db: Kysely<Database>, id: number) =>
  db.selectFrom('claimLink').selectAll().where('id', '=', id).executeTakeFirst();

export const findLink = (db: Kysely<Database>, fromClaimId: number, toClaimId: number, kind: LinkKind) =>
  db
    .selectFrom('claimLink')
    .selectAll()
    .where('fromClaimId', '=', fromClaimId)
    .where('toClaimId', '=', toClaimId)
    .where('kind', '=', kind)
    .executeTakeFirst();

/** Any link between the two claims, in either direction. */
export const linksBetween = (db: Kysely<Database>, a: number, b: number) =>
  db
    .selectFrom('claimLink')
    .selectAll()
    .where((eb) =>
      eb.or([eb.and([eb('fromClaimId', '=', a), eb('toClaimId', '=', b)]), eb.and([eb('fromClaimId', '=', b), eb('toClaimId', '=', a)])]),
    )
    .execute();

/** Where `claimId` points with duplicate-of links (its canonical claim, if any). */
export const duplicateTarget = (db: Kysely<Database>, claimId: number) =>
  db
    .selectFrom('claimLink')
    .select('toClaimId')
    .where('fromClaimId', '=', claimId)
    .where('kind', '=', 'duplicate_of')
    .executeTakeFirst();

export const insertLink = (db: Kysely<Database>, v: Insertable<ClaimLinkTable>) =>
  db.insertInto('claimLink').values(v).returningAll().executeTakeFirstOrThrow();

export const updateLinkNote = (db: Kysely<Database>, id: number, version: number, note: string, at: string) =>
  db
    .updateTable('claimLink')
    .set({ note, updatedAt: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteLink = (db: Kysely<Database>, id: number) => db.deleteFrom('claimLink').where('id', '=', id).execute();

/** Links that mark other claims as duplicates of `claimId`. */
export const duplicatesOf = (db: Kysely<Database>, claimId: number) =>
  db.selectFrom('claimLink').selectAll().where('toClaimId', '=', claimId).where('kind', '=', 'duplicate_of').execute();

export const repointLink = (db: Kysely<Database>, id: number, version: number, toClaimId: number, at: string) =>
  db
    .updateTable('claimLink')
    .set({ toClaimId, updatedAt: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();
