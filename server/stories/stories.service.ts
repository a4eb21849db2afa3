import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '~/db/schema';
import { historyOf, recordAudit } from '../audit/audit.service';
import { duplicate } from '../errors';
import { nowIso } from '../shared/time';
import { checkVersion, found } from '../shared/versioned';
import { getClaimRow } from '../claims/claims.queries';
import * as q from './stories.queries';
import type { createStoryInput, storyClaimInput, updateStoryInput } from './stories.schema';

type Actor = string | null;

export const listStories = (db: Kysely<Database>) => q.listStories(db);

export async function getStory(db: Kysely<Database>, id: number) {
  return found('story', id, await q.getStory(db, id));
}

/**
 * What was said in the story, by whom and when, and when editors reviewed it: attributions
 * (dated by publication, else by when they were logged) and reviews, oldest first, so an editor
 * can follow how the picture changed. At most the latest TIMELINE_LIMIT of each.
 */
export async function storyTimeline(db: Kysely<Database>, id: number) {
  found('story', id, await q.getStory(db, id));
  const [attributions, reviews] = await Promise.all([q.timelineAttributions(db, id), q.timelineReviews(db, id)]);
  const events = [
    ...attributions.map(({ publishedAt, createdAt, ...a }) => ({
      type: 'attribution' as const,
      ...a,
      at: publishedAt ?? createdAt,
      dated: publishedAt ? ('published' as const) : ('logged' as const),
    })),
    ...reviews.map(({ createdAt, ...r }) => ({ type: 'review' as const, ...r, at: createdAt, dated: 'reviewed' as const })),
  ];
  // By day, then attributions before the reviews that weighed them, then in the order logged.
  const day = (at: string) => at.slice(0, 10);
  events.sort((a, b) => day(a.at).localeCompare(day(b.at)) || (a.type === b.type ? a.at.localeCompare(b.at) || a.id - b.id : a.type === 'attribution' ? -1 : 1));
  return { events, truncated: attributions.length === q.TIMELINE_LIMIT || reviews.length === q.TIMELINE_LIMIT };
}

/** The story's own changes and the claims added to or removed from it, newest first. */
export async function storyHistory(db: Kysely<Database>, id: number) {
  found('story', id, await q.getStory(db, id));
  return historyOf(db, { entity: 'story', id });
}

export function createStory(db: Kysely<Database>, actor: Actor, input: z.output<typeof createStoryInput>) {
  return db.transaction().execute(async (trx) => {
    if (await q.findStoryByTitle(trx, input.title)) throw duplicate('title', `A story called “${input.title}” exists already.`);
    const row = await q.insertStory(trx, { ...input, at: nowIso() });
    await recordAudit(trx, actor, 'create', 'story', row.id, null, row);
    return row;
  });
}

export function updateStory(db: Kysely<Database>, actor: Actor, input: z.output<typeof updateStoryInput>) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('story', input.id, await q.getStory(trx, input.id), input.version);
    const other = await q.findStoryByTitle(trx, input.title);
    if (other && other.id !== input.id) throw duplicate('title', `A story called “${input.title}” exists already.`);
    const after = await q.updateStory(trx, input.id, input.version, {
      title: input.title,
      description: input.description,
      updatedAt: nowIso(),
    });
    await recordAudit(trx, actor, 'update', 'story', input.id, before, after);
    return after;
  });
}

/** Deleting a story removes it and its memberships; the claims themselves stay. */
export function deleteStory(db: Kysely<Database>, actor: Actor, input: { id: number; version: number }) {
  return db.transaction().execute(async (trx) => {
    const before = checkVersion('story', input.id, await q.getStory(trx, input.id), input.version);
    const members = await q.storyClaimIds(trx, input.id);
    for (const m of members) {
      await q.deleteStoryClaim(trx, input.id, m.claimId);
      await recordAudit(trx, actor, 'delete', 'story_claim', m.claimId, { storyId: input.id, claimId: m.claimId }, null, [
        { entity: 'claim', id: m.claimId },
        { entity: 'story', id: input.id },
      ]);
    }
    await q.deleteStory(trx, input.id);
    await recordAudit(trx, actor, 'delete', 'story', input.id, before, null);
    return { id: input.id, claimsDetached: members.length };
  });
}

/** Adds a claim to a story inside an existing transaction (no-op if it is there already). */
export async function addClaimToStoryIn(trx: Kysely<Database>, actor: Actor, storyId: number, claimId: number, field = 'storyId') {
  found('story', storyId, await q.getStory(trx, storyId), field);
  found('claim', claimId, await getClaimRow(trx, claimId), 'claimId');
  if (await q.getStoryClaim(trx, storyId, claimId)) return false;
  const row = await q.insertStoryClaim(trx, storyId, claimId, nowIso());
  await recordAudit(trx, actor, 'create', 'story_claim', claimId, null, row, [{ entity: 'claim', id: claimId }, { entity: 'story', id: storyId }]);
  return true;
}

export async function removeClaimFromStoryIn(trx: Kysely<Database>, actor: Actor, storyId: number, claimId: number) {
  const row = await q.getStoryClaim(trx, storyId, claimId);
  if (!row) return false;
  await q.deleteStoryClaim(trx, storyId, claimId);
  await recordAudit(trx, actor, 'delete', 'story_claim', claimId, row, null, [{ entity: 'claim', id: claimId }, { entity: 'story', id: storyId }]);
  return true;
}

export function addClaimToStory(db: Kysely<Database>, actor: Actor, input: z.output<typeof storyClaimInput>) {
  return db.transaction().execute((trx) => addClaimToStoryIn(trx, actor, input.storyId, input.claimId));
}

export function removeClaimFromStory(db: Kysely<Database>, actor: Actor, input: z.output<typeof storyClaimInput>) {
  return db.transaction().execute((trx) => removeClaimFromStoryIn(trx, actor, input.storyId, input.claimId));
}
