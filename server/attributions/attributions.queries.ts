import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AttributionTable, Database } from '~/db/schema';

export const getAttributionRow = (db: Kysely<Database>, id: number) =>
  db.selectFrom('attribution').selectAll().where('id', '=', id).executeTakeFirst();

export const insertAttribution = (db: Kysely<Database>, v: Insertable<AttributionTable>) =>
  db.insertInto('attribution').values(v).returningAll().executeTakeFirstOrThrow();

export const updateAttribution = (db: Kysely<Database>, id: number, version: number, patch: Updateable<AttributionTable>) =>
  db
    .updateTable('attribution')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteAttribution = (db: Kysely<Database>, id: number) => db.deleteFrom('attribution').where('id', '=', id).execute();

/** The same source, stance and document on the same claim: logging it twice adds nothing. */
export const findSameAttribution = (
  db: Kysely<Database>,
  v: { claimId: number; sourceId: number; stance: string; documentId: number | null; quote: string },
) =>
  db
    .selectFrom('attribution')
    .select('id')
    .where('claimId', '=', v.claimId)
    .where('sourceId', '=', v.sourceId)
    .where('stance', '=', v.stance as never)
    .where('quote', '=', v.quote)
    .where((eb) => (v.documentId == null ? eb('documentId', 'is', null) : eb('documentId', '=', v.documentId)))
    .executeTakeFirst();

/**
 * Attributions joined to who made them (`source`), through whom (`via`) and where (`document` and
 * its `publisher`): the claim page, the export and the public page each pick their columns.
 */
export const attributionsInContext = (db: Kysely<Database>) =>
  db
    .selectFrom('attribution')
    .innerJoin('source', 'source.id', 'attribution.sourceId')
    .leftJoin('source as via', 'via.id', 'attribution.viaSourceId')
    .leftJoin('document', 'document.id', 'attribution.documentId')
    .leftJoin('source as publisher', 'publisher.id', 'document.publisherId');
