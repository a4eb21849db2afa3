import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshCaller } from '../helpers/db';
import { countRows, eventsWrittenBy, expectTRPCError, longText, makeClaim, makeStory, snapshot } from '../helpers/fixtures';

describe('stories.create, get and list', () => {
  it('creates a story and reads it back', async () => {
    const { db, caller } = await freshCaller();
    const events = await eventsWrittenBy(db, async () => {
      const story = await caller.stories.create({ title: ' Fall of Damascus, Dec 2024 ', description: 'Assad regime collapses' });
      expect(story).toMatchObject({ title: 'Fall of Damascus, Dec 2024', description: 'Assad regime collapses', version: 1 });
      expect(await caller.stories.get({ id: story.id })).toEqual(story);
    });
    expect(events.map((e) => [e.action, e.entity])).toEqual([['create', 'story']]);
  });

  it('lists stories, most recently updated first, with their claim counts', async () => {
    const { db, caller } = await freshCaller();
    const damascus = await makeStory(caller, { title: 'Fall of Damascus' });
    const gaza = await makeStory(caller, { title: 'Gaza ceasefire' });
    await makeClaim(caller, { storyId: damascus.id });
    await makeClaim(caller, { storyId: damascus.id });
    await sql`update story set updated_at = '2024-12-0' || id`.execute(db); // Gaza looks more recent…
    expect((await caller.stories.list()).map((s) => s.id)).toEqual([gaza.id, damascus.id]);
    await caller.stories.update({ id: damascus.id, version: 1, title: 'Fall of Damascus, Dec 2024' });
    const list = await caller.stories.list(); // …until Damascus is edited.
    expect(list.map((s) => [s.id, s.claimCount])).toEqual([
      [damascus.id, 2],
      [gaza.id, 0],
    ]);
  });

  it.each([
    ['title', { title: '  ' }, 'Title is required'],
    ['title', { title: longText(201) }, 'Title can be 200 characters at most'],
    ['description', { title: 'ok', description: longText(4001) }, 'Description can be 4000 characters at most'],
  ])('names the field %s when the input is invalid', async (field, input, message) => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.stories.create(input), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ [field]: message });
  });

  it('refuses a second story with the same title', async () => {
    const { db, caller } = await freshCaller();
    await makeStory(caller, { title: 'Fall of Damascus' });
    const before = await snapshot(db);
    const err = await expectTRPCError(makeStory(caller, { title: 'Fall of Damascus' }), 'CONFLICT');
    expect(err).toMatchObject({ reason: 'duplicate', fieldErrors: { title: 'A story called “Fall of Damascus” exists already.' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown story', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.stories.get({ id: 6 }), 'NOT_FOUND');
    expect(err.message).toBe('Story #6 does not exist (it may have been deleted).');
  });
});

describe('stories.update', () => {
  it('renames the story with one audit event', async () => {
    const { db, caller } = await freshCaller();
    const story = await makeStory(caller, { title: 'Damascus' });
    const events = await eventsWrittenBy(db, async () => {
      expect(await caller.stories.update({ id: story.id, version: 1, title: 'Fall of Damascus', description: 'Dec 2024' })).toMatchObject({
        title: 'Fall of Damascus',
        version: 2,
      });
    });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ title: 'Damascus' });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ title: 'Fall of Damascus', description: 'Dec 2024' });
  });

  it('refuses another story’s title, a stale version and an unknown story, changing nothing', async () => {
    const { db, caller } = await freshCaller();
    const a = await makeStory(caller, { title: 'A story' });
    const b = await makeStory(caller, { title: 'B story' });
    await caller.stories.update({ id: a.id, version: 1, title: 'A story', description: 'same title is fine' });
    const before = await snapshot(db);
    const dup = await expectTRPCError(caller.stories.update({ id: b.id, version: 1, title: 'A story' }), 'CONFLICT');
    expect(dup.fieldErrors).toEqual({ title: expect.stringContaining('exists already') });
    const stale = await expectTRPCError(caller.stories.update({ id: a.id, version: 1, title: 'Lost edit' }), 'CONFLICT');
    expect(stale.reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.stories.update({ id: 404, version: 1, title: 'x' }), 'NOT_FOUND');
  });
});

describe('stories.addClaim and stories.removeClaim', () => {
  it('adds and removes a claim, once each, recording each change', async () => {
    const { db, caller } = await freshCaller();
    const story = await makeStory(caller, { title: 'Fall of Damascus' });
    const claim = await makeClaim(caller);

    const added = await eventsWrittenBy(db, async () => expect(await caller.stories.addClaim({ storyId: story.id, claimId: claim.id })).toBe(true));
    expect(added.map((e) => [e.action, e.entity])).toEqual([['create', 'story_claim']]);
    // Adding again is a no-op and writes nothing.
    expect(await eventsWrittenBy(db, async () => expect(await caller.stories.addClaim({ storyId: story.id, claimId: claim.id })).toBe(false))).toEqual([]);
    expect((await caller.claims.get({ id: claim.id })).stories).toEqual([{ id: story.id, title: 'Fall of Damascus' }]);
    expect((await caller.claims.list({ storyId: story.id })).items.map((c) => c.id)).toEqual([claim.id]);
    expect((await caller.claims.history({ id: claim.id }))[0]).toMatchObject({ action: 'create', entity: 'story_claim' });

    const removed = await eventsWrittenBy(db, async () => expect(await caller.stories.removeClaim({ storyId: story.id, claimId: claim.id })).toBe(true));
    expect(removed.map((e) => [e.action, e.entity])).toEqual([['delete', 'story_claim']]);
    expect(await eventsWrittenBy(db, async () => expect(await caller.stories.removeClaim({ storyId: story.id, claimId: claim.id })).toBe(false))).toEqual([]);
    expect((await caller.claims.get({ id: claim.id })).stories).toEqual([]);
  });

  it('answers NOT_FOUND naming the unknown story or claim', async () => {
    const { db, caller } = await freshCaller();
    const story = await makeStory(caller);
    const claim = await makeClaim(caller);
    const before = await snapshot(db);
    expect((await expectTRPCError(caller.stories.addClaim({ storyId: 50, claimId: claim.id }), 'NOT_FOUND')).fieldErrors).toEqual({
      storyId: expect.any(String),
    });
    expect((await expectTRPCError(caller.stories.addClaim({ storyId: story.id, claimId: 50 }), 'NOT_FOUND')).fieldErrors).toEqual({
      claimId: expect.any(String),
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('stories.delete', () => {
  it('deletes the story and its memberships but keeps the claims, recording each', async () => {
    const { db, caller } = await freshCaller();
    const story = await makeStory(caller);
    const c1 = await makeClaim(caller, { storyId: story.id });
    const c2 = await makeClaim(caller, { storyId: story.id });
    const events = await eventsWrittenBy(db, async () => {
      expect(await caller.stories.delete({ id: story.id, version: 1 })).toEqual({ id: story.id, claimsDetached: 2 });
    });
    expect(events.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['delete', 'story_claim', c1.id],
      ['delete', 'story_claim', c2.id],
      ['delete', 'story', story.id],
    ]);
    expect(await countRows(db)).toMatchObject({ story: 0, storyClaim: 0, claim: 2 });
    expect((await caller.claims.get({ id: c1.id })).stories).toEqual([]);
    expect((await caller.claims.history({ id: c1.id }))[0]).toMatchObject({ action: 'delete', entity: 'story_claim' });
  });

  it('refuses a stale version and an unknown story', async () => {
    const { db, caller } = await freshCaller();
    const story = await makeStory(caller);
    await makeClaim(caller, { storyId: story.id });
    await caller.stories.update({ id: story.id, version: 1, title: 'Renamed' });
    const before = await snapshot(db);
    expect((await expectTRPCError(caller.stories.delete({ id: story.id, version: 1 }), 'CONFLICT')).reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.stories.delete({ id: 404, version: 1 }), 'NOT_FOUND');
  });
});
