import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '~/db/schema';
import { recordAudit } from '../audit/audit.service';
import { getClaimRow, refreshAttributionCount } from '../claims/claims.queries';
import { getDocumentRow } from '../documents/documents.queries';
import { createDocumentIn } from '../documents/documents.service';
import { duplicate, invalid } from '../errors';
import { nowIso } from '../shared/time';
import { checkVersion, found } from '../shared/versioned';
import { getSourceRow } from '../sources/sources.queries';
import { createSourceIn } from '../sources/sources.service';
import * as q from './attributions.queries';
import type { createAttributionInput, updateAttributionInput } from './attributions.schema';
import { attributionSubjects } from './attributions.subjects';

type Actor = string | null;

const SAME_ATTRIBUTION = 'This source’s attribution with this stance, quote and document is logged already.';

async function checkRefs(
  trx: Kysely<Database>,
  v: { sourceId: number; viaSourceId: number | null; documentId: number | null },
  prefix = '',
) {
  found('source', v.sourceId, await getSourceRow(trx, v.sourceId), `${prefix}sourceId`);
  if (v.viaSourceId != null) {
    found('source', v.viaSourceId, await getSourceRow(trx, v.viaSourceId), `${prefix}viaSourceId`);
    if (v.viaSourceId === v.sourceId) throw invalid(`${prefix}viaSourceId`, 'A source cannot be relayed via itself; leave “via” empty.');
  }
  if (v.documentId != null) found('document', v.documentId, await getDocumentRow(trx, v.documentId), `${prefix}documentId`);
}

/**
 * Logs who said what about a claim, where, and via whom. A new source or document given
 * inline is created in the same transaction, so a failure leaves nothing half-written.
 */
export function createAttribution(db: Kysely<Database>, actor: Actor, input: z.output<typeof createAttributionInput>) {
  return db.transaction().execute((trx) => createAttributionIn(trx, actor, input));
}

/**
 * Creates an attribution inside the caller's transaction (also used by article intake);
 * `prefix` names the field path in a larger form.
 */
export async function createAttributionIn(
  trx: Kysely<Database>,
  actor: Actor,
  input: z.output<typeof createAttributionInput>,
  prefix = '',
) {
  found('claim', input.claimId, await getClaimRow(trx, input.claimId), `${prefix}claimId`);
  const sourceId = input.newSource ? (await createSourceIn(trx, actor, input.newSource, `${prefix}newSource.`)).id : input.sourceId!;
  const documentId = input.newDocument
    ? (await createDocumentIn(trx, actor, input.newDocument, `${prefix}newDocument.`)).id
    : input.documentId;
  const refs = { sourceId, viaSourceId: input.viaSourceId, documentId };
  await checkRefs(trx, refs, prefix);
  if (await q.findSameAttribution(trx, { claimId: input.claimId, ...refs, stance: input.stance, quote: input.quote }))
    throw duplicate(`${prefix}quote`, SAME_ATTRIBUTION);
  const at = nowIso();
  const row = await q.insertAttribution(trx, {
    claimId: input.claimId,
    ...refs,
    stance: input.stance,
    quote: input.quote,
    evidenceKind: input.evidenceKind,
    note: input.note,
    createdAt: at,
    updatedAt: at,
  });
  await refreshAttributionCount(trx, input.claimId);
  await recordAudit(trx, actor, 'create', 'attribution', row.id, null, row, attributionSubjects(row));
  return row;
}

export function updateAttribution(db: Kysely<Database>, actor: Actor, input: z.output<typeof updateAttributionInput>) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('attribution', input.id, await q.getAttributionRow(trx, input.id), input.version);
    await checkRefs(trx, input);
    const same = await q.findSameAttribution(trx, { claimId: before.claimId, ...input });
    if (same && same.id !== input.id) throw duplicate('quote', SAME_ATTRIBUTION);
    const after = await q.updateAttribution(trx, input.id, input.version, {
      sourceId: input.sourceId,
      documentId: input.documentId,
      viaSourceId: input.viaSourceId,
      stance: input.stance,
      quote: input.quote,
      evidenceKind: input.evidenceKind,
      note: input.note,
      updatedAt: nowIso(),
    });
    await recordAudit(trx, actor, 'update', 'attribution', input.id, before, after, [
      ...attributionSubjects(before),
      ...attributionSubjects(after),
    ]);
    return after;
  });
}

export function deleteAttribution(db: Kysely<Database>, actor: Actor, input: { id: number; version: number }) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('attribution', input.id, await q.getAttributionRow(trx, input.id), input.version);
    await q.deleteAttribution(trx, input.id);
    await refreshAttributionCount(trx, before.claimId);
    await recordAudit(trx, actor, 'delete', 'attribution', input.id, before, null, attributionSubjects(before));
    return { id: input.id, claimId: before.claimId };
  });
}
