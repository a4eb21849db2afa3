import type { Kysely, Updateable } from 'kysely';
import type { Database, StoryTable } from '~/db/schema';
import { inList } from '../shared/in-list';

export const getStory = (db: Kysely<Database>, id: number) =>
  db.selectFrom('story').selectAll().where('id', '=', id).executeTakeFirst();

export const findStoryByTitle = (db: Kysely<Database>, title: string) =>
  db.selectFrom('story').selectAll().where('title', '=', title).executeTakeFirst();

export const listStories = (db: Kysely<Database>) =>
  db
    .selectFrom('story')
    .selectAll('story')
    .select((eb) =>
      eb.selectFrom('storyClaim').whereRef('storyClaim.storyId', '=', 'story.id').select((e) => e.fn.countAll<number>().as('n')).as('claimCount'),
    )
    .orderBy('updatedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const insertStory = (db: Kysely<Database>, v: { title: string; description: string; at: string }) =>
  db
    .insertInto('story')
    .values({ title: v.title, description: v.description, createdAt: v.at, updatedAt: v.at })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateStory = (db: Kysely<Database>, id: number, version: number, patch: Updateable<StoryTable>) =>
  db
    .updateTable('story')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteStory = (db: Kysely<Database>, id: number) => db.deleteFrom('story').where('id', '=', id).execute();

export const storyClaimIds = (db: Kysely<Database>, storyId: number) =>
  db.selectFrom('storyClaim').select('claimId').where('storyId', '=', storyId).execute();

export const getStoryClaim = (db: Kysely<Database>, storyId: number, claimId: number) =>
  db.selectFrom('storyClaim').selectAll().where('storyId', '=', storyId).where('claimId', '=', claimId).executeTakeFirst();

export const insertStoryClaim = (db: Kysely<Database>, storyId: number, claimId: number, at: string) =>
  db.insertInto('storyClaim').values({ storyId, claimId, addedAt: at }).returningAll().executeTakeFirstOrThrow();

export const deleteStoryClaim = (db: Kysely<Database>, storyId: number, claimId: number) =>
  db.deleteFrom('storyClaim').where('storyId', '=', storyId).where('claimId', '=', claimId).execute();

export const storiesOfClaims = (db: Kysely<Database>, claimIds: number[]) =>
  db
    .selectFrom('storyClaim')
    .innerJoin('story', 'story.id', 'storyClaim.storyId')
    .select(['storyClaim.claimId', 'story.id', 'story.title'])
    .where('storyClaim.claimId', 'in', inList(claimIds))
    .orderBy('story.title')
    .execute();

/** How many events a story's timeline shows at most (the latest ones). */
export const TIMELINE_LIMIT = 500;

/**
 * The attributions of a story's claims, for its timeline: dated by the document's publication
 * when known, else by when the attribution was logged. One query, however many claims.
 */
export const timelineAttributions = (db: Kysely<Database>, storyId: number) =>
  db
    .selectFrom('storyClaim')
    .innerJoin('claim', 'claim.id', 'storyClaim.claimId')
    .innerJoin('attribution', 'attribution.claimId', 'claim.id')
    .innerJoin('source', 'source.id', 'attribution.sourceId')
    .leftJoin('source as via', 'via.id', 'attribution.viaSourceId')
    .leftJoin('document', 'document.id', 'attribution.documentId')
    .select([
      'attribution.id',
      'attribution.stance',
      'attribution.quote',
      'attribution.evidenceKind',
      'attribution.createdAt',
      'claim.id as claimId',
      'claim.text as claimText',
      'source.id as sourceId',
      'source.name as sourceName',
      'source.reliability as sourceReliability',
      'via.name as viaSourceName',
      'document.id as documentId',
      'document.title as documentTitle',
      'document.publishedAt',
    ])
    .where('storyClaim.storyId', '=', storyId)
    .orderBy((eb) => eb.fn.coalesce('document.publishedAt', 'attribution.createdAt'), 'desc')
    .orderBy('attribution.id', 'desc')
    .limit(TIMELINE_LIMIT)
    .execute();

/** The reviews of a story's claims, with the reviewer's name, for its timeline. */
export const timelineReviews = (db: Kysely<Database>, storyId: number) =>
  db
    .selectFrom('storyClaim')
    .innerJoin('claim', 'claim.id', 'storyClaim.claimId')
    .innerJoin('review', 'review.claimId', 'claim.id')
    .leftJoin('user', 'user.id', 'review.reviewerId')
    .select(['review.id', 'review.verdict', 'review.createdAt', 'claim.id as claimId', 'claim.text as claimText', 'user.name as reviewerName'])
    .where('storyClaim.storyId', '=', storyId)
    .orderBy('review.createdAt', 'desc')
    .orderBy('review.id', 'desc')
    .limit(TIMELINE_LIMIT)
    .execute();
