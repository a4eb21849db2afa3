import type { Kysely, Updateable } from 'kysely';
import type { Database, StoryTable } from '~/db/schema';

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
    .where('storyClaim.claimId', 'in', claimIds.length ? claimIds : [-1])
    .orderBy('story.title')
    .execute();
