import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '~/db/schema';
import { historyOf, recordAudit } from '../audit/audit.service';
import { duplicate, inUse } from '../errors';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { nowIso } from '../shared/time';
import { checkVersion, found } from '../shared/versioned';
import { getSourceRow } from '../sources/sources.queries';
import * as q from './documents.queries';
import type { createDocumentInput, listDocumentsInput, updateDocumentInput } from './documents.schema';

type Actor = string | null;
type DocumentInput = z.output<typeof createDocumentInput>;

function rowFields(input: DocumentInput) {
  return {
    url: input.url,
    title: input.title,
    kind: input.kind,
    publisherId: input.publisherId,
    publishedAt: input.publishedAt,
    retrievedAt: input.retrievedAt,
    archiveUrl: input.archiveUrl,
  };
}

/** Creates a document inside the caller's transaction; `prefix` names the field path in a larger form. */
export async function createDocumentIn(trx: Kysely<Database>, actor: Actor, input: DocumentInput, prefix = '') {
  if (await q.findDocumentByUrl(trx, input.url))
    throw duplicate(`${prefix}url`, 'A document with this URL is logged already: pick it instead.');
  if (input.publisherId != null) found('source', input.publisherId, await getSourceRow(trx, input.publisherId), `${prefix}publisherId`);
  const at = nowIso();
  const row = await q.insertDocument(trx, { ...rowFields(input), createdAt: at, updatedAt: at });
  await recordAudit(trx, actor, 'create', 'document', row.id, null, row);
  return row;
}

export function createDocument(db: Kysely<Database>, actor: Actor, input: DocumentInput) {
  return db.transaction().execute((trx) => createDocumentIn(trx, actor, input));
}

export function updateDocument(db: Kysely<Database>, actor: Actor, input: z.output<typeof updateDocumentInput>) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('document', input.id, await q.getDocumentRow(trx, input.id), input.version);
    const same = await q.findDocumentByUrl(trx, input.url);
    if (same && same.id !== input.id) throw duplicate('url', 'Another document has this URL.');
    if (input.publisherId != null) found('source', input.publisherId, await getSourceRow(trx, input.publisherId), 'publisherId');
    const after = await q.updateDocument(trx, input.id, input.version, { ...rowFields(input), updatedAt: nowIso() });
    await recordAudit(trx, actor, 'update', 'document', input.id, before, after);
    return after;
  });
}

export function deleteDocument(db: Kysely<Database>, actor: Actor, input: { id: number; version: number }) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('document', input.id, await q.getDocumentRow(trx, input.id), input.version);
    const n = await q.countAttributionsIn(trx, input.id);
    if (n) throw inUse(`“${before.title}”`, [`${n} attribution${n === 1 ? ' cites' : 's cite'} it`]);
    await q.deleteDocument(trx, input.id);
    await recordAudit(trx, actor, 'delete', 'document', input.id, before, null);
    return { id: input.id };
  });
}

export async function getDocument(db: Kysely<Database>, id: number) {
  const doc = found('document', id, await q.documentWithPublisher(db, id));
  const attributions = await q.attributionsInDocument(db, id);
  return { ...doc, attributions };
}

export async function listDocuments(db: Kysely<Database>, input: z.output<typeof listDocumentsInput>) {
  const after = decodeCursor(input.cursor);
  const rows = await q.listDocuments(db, {
    q: input.q,
    publisherId: input.publisherId,
    after: after ? { k: String(after.k), id: after.id } : null,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map((r) => ({ ...r, attributionCount: Number(r.attributionCount ?? 0) }));
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ k: last.createdAt, id: last.id }) : null };
}

export const suggestDocuments = (db: Kysely<Database>, input: { q: string; limit: number }) =>
  input.q ? q.suggestDocuments(db, input.q, input.limit) : Promise.resolve([]);

export async function documentHistory(db: Kysely<Database>, id: number) {
  found('document', id, await q.getDocumentRow(db, id));
  return historyOf(db, { entity: 'document', id });
}
