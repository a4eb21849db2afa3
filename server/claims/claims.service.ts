import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, Stance } from '~/db/schema';
import { historyOf, recordAudit } from '../audit/audit.service';
import { inUse } from '../errors';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { nowIso } from '../shared/time';
import { checkVersion, found } from '../shared/versioned';
import { storiesOfClaims } from '../stories/stories.queries';
import { addClaimToStoryIn, removeClaimFromStoryIn } from '../stories/stories.service';
import { deleteAttribution } from '../attributions/attributions.queries';
import { attributionSubjects } from '../attributions/attributions.subjects';
import { searchTerms } from '../search/terms';
import * as q from './claims.queries';
import { countReviewsOfClaim } from '../reviews/reviews.queries';
import type { createClaimInput, listClaimsInput, suggestClaimsInput, updateClaimInput } from './claims.schema';

type Actor = string | null;

/** Creates a claim inside the caller's transaction (also used by article intake). */
export async function createClaimIn(trx: Kysely<Database>, actor: Actor, input: z.output<typeof createClaimInput>) {
  const at = nowIso();
  const row = await q.insertClaim(trx, {
    text: input.text,
    contextNote: input.contextNote,
    eventDate: input.eventDate,
    status: input.status,
    createdAt: at,
    updatedAt: at,
  });
  await recordAudit(trx, actor, 'create', 'claim', row.id, null, row);
  if (input.storyId != null) await addClaimToStoryIn(trx, actor, input.storyId, row.id);
  return row;
}

export function createClaim(db: Kysely<Database>, actor: Actor, input: z.output<typeof createClaimInput>) {
  return db.transaction().execute((trx) => createClaimIn(trx, actor, input));
}

export function updateClaim(db: Kysely<Database>, actor: Actor, input: z.output<typeof updateClaimInput>) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('claim', input.id, await q.getClaimRow(trx, input.id), input.version);
    const after = await q.updateClaim(trx, input.id, input.version, {
      text: input.text,
      contextNote: input.contextNote,
      eventDate: input.eventDate,
      status: input.status,
      updatedAt: nowIso(),
    });
    await recordAudit(trx, actor, 'update', 'claim', input.id, before, after);
    if (input.storyIds) {
      const current = await q.storyIdsOfClaim(trx, input.id);
      const wanted = new Set(input.storyIds);
      for (const s of current) if (!wanted.has(s)) await removeClaimFromStoryIn(trx, actor, s, input.id);
      for (const s of wanted) if (!current.includes(s)) await addClaimToStoryIn(trx, actor, s, input.id, 'storyIds');
    }
    return after;
  });
}

/**
 * Deletes a claim with its own attributions and story memberships, each recorded in the
 * history. Refused while other claims link to it: those links are someone else's work.
 */
export function deleteClaim(db: Kysely<Database>, actor: Actor, input: { id: number; version: number }) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('claim', input.id, await q.getClaimRow(trx, input.id), input.version);
    const links = await q.countLinks(trx, input.id);
    if (links)
      throw inUse('This claim', [`it is linked to ${links} other claim${links === 1 ? '' : 's'} (see Linked claims); remove those links first`]);
    // A published verdict is the desk's record: a reviewed claim is archived, not deleted.
    const reviews = await countReviewsOfClaim(trx, input.id);
    if (reviews) throw inUse('This claim', [`it has ${reviews} editor review${reviews === 1 ? '' : 's'}; set its status to Archived instead`]);
    const attributions = await q.attributionRowsOfClaim(trx, input.id);
    for (const a of attributions) {
      await deleteAttribution(trx, a.id);
      await recordAudit(trx, actor, 'delete', 'attribution', a.id, a, null, attributionSubjects(a));
    }
    for (const s of await q.storyIdsOfClaim(trx, input.id)) await removeClaimFromStoryIn(trx, actor, s, input.id);
    await q.deleteClaim(trx, input.id);
    await recordAudit(trx, actor, 'delete', 'claim', input.id, before, null);
    return { id: input.id, attributionsDeleted: attributions.length };
  });
}

export async function getClaim(db: Kysely<Database>, id: number) {
  const claim = found('claim', id, await q.getClaimRow(db, id));
  const [stories, attributions, outgoing, incoming] = await Promise.all([
    storiesOfClaims(db, [id]),
    q.attributionsOfClaim(db, id),
    q.linksFrom(db, id),
    q.linksTo(db, id),
  ]);
  return {
    ...claim,
    stories: stories.map((s) => ({ id: s.id, title: s.title })),
    attributions,
    links: [
      ...outgoing.map((l) => ({ ...l, direction: 'out' as const })),
      ...incoming.map((l) => ({ ...l, direction: 'in' as const })),
    ],
  };
}

export async function listClaims(db: Kysely<Database>, input: z.output<typeof listClaimsInput>) {
  const after = decodeCursor(input.cursor);
  const terms = input.q ? searchTerms(input.q) : null;
  const rows = await q.listClaims(db, { ...input, terms, after, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const [stories, counts] = await Promise.all([storiesOfClaims(db, ids), q.stanceCounts(db, ids)]);
  const items = page.map((r) => {
    const byStance: Record<Stance, number> = { asserts: 0, denies: 0, reports: 0 };
    for (const c of counts) if (c.claimId === r.id) byStance[c.stance] = Number(c.n);
    return { ...r, stances: byStance, stories: stories.filter((s) => s.claimId === r.id).map((s) => ({ id: s.id, title: s.title })) };
  });
  const last = rows.length > input.limit ? page.at(-1) : undefined;
  const key = (r: (typeof page)[number]) => (input.sort === 'most_attributed' ? r.attributionCount : r.createdAt);
  return { items, nextCursor: last ? encodeCursor({ k: key(last), id: last.id }) : null };
}

export const suggestClaims = (db: Kysely<Database>, input: z.output<typeof suggestClaimsInput>) =>
  input.q ? q.suggestClaims(db, input.q, input.excludeId, input.limit) : Promise.resolve([]);

/** The claim's history: its own changes and those of its attributions, links and stories. */
export async function claimHistory(db: Kysely<Database>, id: number) {
  found('claim', id, await q.getClaimRow(db, id));
  return historyOf(db, { entity: 'claim', id });
}
