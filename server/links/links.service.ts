import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '~/db/schema';
import { recordAudit, type Subject } from '../audit/audit.service';
import { getClaimRow } from '../claims/claims.queries';
import { duplicate, invalid } from '../errors';
import { nowIso } from '../shared/time';
import { checkVersion, found } from '../shared/versioned';
import * as q from './links.queries';
import type { createLinkInput, updateLinkInput } from './links.schema';

type Actor = string | null;

const subjects = (l: { fromClaimId: number; toClaimId: number }): Subject[] => [
  { entity: 'claim', id: l.fromClaimId },
  { entity: 'claim', id: l.toClaimId },
];

/** Follows duplicate-of links to the canonical claim (bounded, so a bad chain cannot loop). */
export async function canonicalClaimId(db: Kysely<Database>, claimId: number): Promise<number> {
  let id = claimId;
  for (let i = 0; i < 50; i++) {
    const next = await q.duplicateTarget(db, id);
    if (!next) return id;
    id = next.toClaimId;
  }
  return id;
}

/**
 * Links two claims. Contradiction is symmetric and stored once (lower id first); a claim
 * never links to itself; duplicate-of always points at the canonical claim, never into a
 * chain or a loop.
 */
export function createLink(db: Kysely<Database>, actor: Actor, input: z.output<typeof createLinkInput>) {
  return db.transaction().execute(async (trx) => {
    if (input.fromClaimId === input.toClaimId) throw invalid('toClaimId', 'A claim cannot be linked to itself: pick another claim.');
    found('claim', input.fromClaimId, await getClaimRow(trx, input.fromClaimId), 'fromClaimId');
    found('claim', input.toClaimId, await getClaimRow(trx, input.toClaimId), 'toClaimId');
    let from = input.fromClaimId;
    let to = input.toClaimId;
    if (input.kind === 'contradicts' && from > to) [from, to] = [to, from];
    if (input.kind === 'duplicate_of') {
      if (await q.duplicateTarget(trx, from)) throw invalid('toClaimId', 'This claim is already marked as a duplicate of another claim.');
      to = await canonicalClaimId(trx, to);
      if (to === from) throw invalid('toClaimId', 'That claim is itself a duplicate of this one; the link would make a loop.');
    }
    const existing = (await q.linksBetween(trx, from, to)).find(
      (l) => l.kind === input.kind && (input.kind === 'contradicts' || (l.fromClaimId === from && l.toClaimId === to)),
    );
    if (existing) throw duplicate('toClaimId', 'These claims are linked this way already.');
    const at = nowIso();
    const row = await q.insertLink(trx, { fromClaimId: from, toClaimId: to, kind: input.kind, note: input.note, createdAt: at, updatedAt: at });
    await recordAudit(trx, actor, 'create', 'claim_link', row.id, null, row, subjects(row));
    if (input.kind === 'duplicate_of') {
      // Claims that were duplicates of this one now point straight at the canonical claim: no chains.
      for (const l of await q.duplicatesOf(trx, from)) {
        const moved = await q.repointLink(trx, l.id, l.version, to, at);
        await recordAudit(trx, actor, 'update', 'claim_link', l.id, l, moved, [...subjects(l), ...subjects(moved)]);
      }
    }
    return row;
  });
}

export function updateLink(db: Kysely<Database>, actor: Actor, input: z.output<typeof updateLinkInput>) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('claim_link', input.id, await q.getLinkRow(trx, input.id), input.version);
    const after = await q.updateLinkNote(trx, input.id, input.version, input.note, nowIso());
    await recordAudit(trx, actor, 'update', 'claim_link', input.id, before, after, subjects(after));
    return after;
  });
}

export function deleteLink(db: Kysely<Database>, actor: Actor, input: { id: number; version: number }) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('claim_link', input.id, await q.getLinkRow(trx, input.id), input.version);
    await q.deleteLink(trx, input.id);
    await recordAudit(trx, actor, 'delete', 'claim_link', input.id, before, null, subjects(before));
    return { id: input.id };
  });
}
