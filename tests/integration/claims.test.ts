import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, type DB } from '~/db/client';
import type { Database } from '~/db/schema';
import { openSqlite } from '~/db/sqlite';
import { addUser, callerAs, freshCaller } from '../helpers/db';
import {
  allPages,
  auditEvents,
  countRows,
  eventsWrittenBy,
  expectTRPCError,
  longText,
  makeAttribution,
  makeClaim,
  makeDocument,
  makeSource,
  makeStory,
  snapshot,
  type Caller,
} from '../helpers/fixtures';

const setCreatedAt = (db: DB, id: number, at: string) => sql`update claim set created_at = ${at} where id = ${id}`.execute(db);

describe('claims.create and claims.get', () => {
  it('logs a claim with defaults and reads it back with its stories, attributions and links', async () => {
    const { caller } = await freshCaller();
    const created = await caller.claims.create({
      text: '  Bashar al-Assad has left Syria.  ',
      contextNote: 'Per SOHR, relayed by agencies',
      eventDate: '2024-12-08',
    });
    expect(created).toMatchObject({
      text: 'Bashar al-Assad has left Syria.',
      contextNote: 'Per SOHR, relayed by agencies',
      eventDate: '2024-12-08',
      status: 'open',
      verdict: null,
      attributionCount: 0,
      version: 1,
    });
    const got = await caller.claims.get({ id: created.id });
    expect(got).toMatchObject({ ...created, stories: [], attributions: [], links: [] });
  });

  it('files the claim under a story when storyId is given', async () => {
    const { caller } = await freshCaller();
    const story = await makeStory(caller, { title: 'Fall of Damascus' });
    const claim = await makeClaim(caller, { storyId: story.id });
    expect((await caller.claims.get({ id: claim.id })).stories).toEqual([{ id: story.id, title: 'Fall of Damascus' }]);
  });

  it('treats an empty event date as none', async () => {
    const { caller } = await freshCaller();
    expect((await makeClaim(caller, { eventDate: '' })).eventDate).toBeNull();
  });

  it('refuses an unknown story and leaves no claim behind', async () => {
    const { db, caller } = await freshCaller();
    const before = await snapshot(db);
    const err = await expectTRPCError(makeClaim(caller, { storyId: 404 }), 'NOT_FOUND');
    expect(err.fieldErrors).toEqual({ storyId: expect.stringContaining('#404') });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['text', { text: 'ab' }, 'Claim text needs at least 3 characters'],
    ['text', { text: '   ab   ' }, 'Claim text needs at least 3 characters'],
    ['text', { text: longText(1001) }, 'Claim text can be 1000 characters at most'],
    ['contextNote', { contextNote: longText(4001) }, 'Context note can be 4000 characters at most'],
    ['eventDate', { eventDate: '2024-13-45' }, 'Use a date like 2024-12-08'],
    ['eventDate', { eventDate: '8 Dec 2024' }, 'Use a date like 2024-12-08'],
  ])('names the field %s when the input is invalid (%j)', async (field, input, message) => {
    const { db, caller } = await freshCaller();
    const err = await expectTRPCError(caller.claims.create({ text: 'A valid claim', ...input }), 'BAD_REQUEST');
    expect(err.reason).toBe('invalid');
    expect(err.fieldErrors).toEqual({ [field]: message });
    expect((await countRows(db)).claim).toBe(0);
  });

  it('accepts text at exactly the length limits', async () => {
    const { caller } = await freshCaller();
    await expect(caller.claims.create({ text: 'abc' })).resolves.toMatchObject({ text: 'abc' });
    await expect(caller.claims.create({ text: longText(1000), contextNote: longText(4000) })).resolves.toBeTruthy();
  });

  it('refuses an unknown status', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.claims.create({ text: 'A valid claim', status: 'true' as never }), 'BAD_REQUEST');
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['status']);
  });

  it('answers NOT_FOUND for an unknown claim and BAD_REQUEST for a malformed id', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.claims.get({ id: 999 }), 'NOT_FOUND');
    expect(err.reason).toBe('not_found');
    expect(err.message).toBe('Claim #999 does not exist (it may have been deleted).');
    const bad = await expectTRPCError(caller.claims.get({ id: 0 }), 'BAD_REQUEST');
    expect(bad.fieldErrors).toEqual({ id: 'Must be a positive id' });
  });
});

describe('claims.update', () => {
  it('changes the claim, bumps its version and records one audit event', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller, { text: 'Assad has left Syria' });
    const events = await eventsWrittenBy(db, async () => {
      const updated = await caller.claims.update({
        id: claim.id,
        version: claim.version,
        text: 'Bashar al-Assad has left Syria',
        status: 'ready_for_review',
        eventDate: '2024-12-08',
      });
      expect(updated).toMatchObject({ text: 'Bashar al-Assad has left Syria', status: 'ready_for_review', version: 2 });
    });
    expect(events).toMatchObject([{ action: 'update', entity: 'claim', entityId: claim.id }]);
    expect(await caller.claims.get({ id: claim.id })).toMatchObject({ version: 2, status: 'ready_for_review' });
  });

  it('refuses a stale version with CONFLICT, returns the current record and changes nothing', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const first = await caller.claims.update({ id: claim.id, version: 1, text: 'First editor wins' });
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.claims.update({ id: claim.id, version: 1, text: 'Second editor loses' }), 'CONFLICT');
    expect(err.reason).toBe('stale');
    expect(err.message).toMatch(/Someone else changed this claim/);
    expect(err.detail).toMatchObject({ current: { id: claim.id, version: first.version, text: 'First editor wins' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown claim', async () => {
    const { caller } = await freshCaller();
    await expectTRPCError(caller.claims.update({ id: 77, version: 1, text: 'Nobody here' }), 'NOT_FOUND');
  });

  it('validates like create', async () => {
    const { caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const err = await expectTRPCError(caller.claims.update({ id: claim.id, version: 1, text: longText(1001) }), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ text: 'Claim text can be 1000 characters at most' });
  });

  it('sets the claim’s stories to exactly storyIds, recording each membership change', async () => {
    const { db, caller } = await freshCaller();
    const [a, b, c] = [await makeStory(caller), await makeStory(caller), await makeStory(caller)];
    const claim = await makeClaim(caller, { storyId: a.id });
    const events = await eventsWrittenBy(db, () =>
      caller.claims.update({ id: claim.id, version: claim.version, text: claim.text, storyIds: [b.id, c.id] }),
    );
    const got = await caller.claims.get({ id: claim.id });
    expect(got.stories.map((s) => s.id).sort()).toEqual([b.id, c.id].sort());
    expect(events.map((e) => [e.action, e.entity])).toEqual([
      ['update', 'claim'],
      ['delete', 'story_claim'],
      ['create', 'story_claim'],
      ['create', 'story_claim'],
    ]);
  });

  it('refuses an unknown story in storyIds and changes nothing', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const before = await snapshot(db);
    await expectTRPCError(caller.claims.update({ id: claim.id, version: 1, text: 'Changed', storyIds: [404] }), 'NOT_FOUND');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('claims.delete', () => {
  it('deletes the claim with its own attributions and story memberships, each recorded', async () => {
    const { db, caller } = await freshCaller();
    const story = await makeStory(caller);
    const claim = await makeClaim(caller, { storyId: story.id });
    const source = await makeSource(caller);
    const doc = await makeDocument(caller, { publisherId: source.id });
    const a1 = await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, documentId: doc.id });
    const a2 = await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, stance: 'reports' });

    const events = await eventsWrittenBy(db, async () => {
      expect(await caller.claims.delete({ id: claim.id, version: claim.version })).toEqual({ id: claim.id, attributionsDeleted: 2 });
    });
    expect(events.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['delete', 'attribution', a1.id],
      ['delete', 'attribution', a2.id],
      ['delete', 'story_claim', claim.id],
      ['delete', 'claim', claim.id],
    ]);
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ id: a1.id, quote: a1.quote });

    const rows = await countRows(db);
    expect(rows).toMatchObject({ claim: 0, attribution: 0, storyClaim: 0, source: 1, document: 1, story: 1 });
    await expectTRPCError(caller.claims.get({ id: claim.id }), 'NOT_FOUND');
    // The deleted attributions stay in the source's and the document's history.
    const sourceHistory = await caller.sources.history({ id: source.id });
    expect(sourceHistory.filter((h) => h.entity === 'attribution' && h.action === 'delete').map((h) => h.entityId)).toEqual([a2.id, a1.id]);
    const docHistory = await caller.documents.history({ id: doc.id });
    expect(docHistory[0]).toMatchObject({ action: 'delete', entity: 'attribution', entityId: a1.id });
  });

  it.each(['from', 'to'] as const)('refuses while the claim is linked (%s side), naming the links, and deletes nothing', async (side) => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const other = await makeClaim(caller);
    const source = await makeSource(caller);
    await makeAttribution(caller, { claimId: claim.id, sourceId: source.id });
    await caller.links.create(
      side === 'from'
        ? { fromClaimId: claim.id, toClaimId: other.id, kind: 'supports' }
        : { fromClaimId: other.id, toClaimId: claim.id, kind: 'supports' },
    );
    const current = await caller.claims.get({ id: claim.id });
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.claims.delete({ id: claim.id, version: current.version }), 'CONFLICT');
    expect(err.reason).toBe('in_use');
    expect(err.message).toContain('linked to 1 other claim');
    expect(err.detail).toEqual({ dependents: [expect.stringContaining('linked to 1 other claim')] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a stale version and deletes nothing', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    await caller.claims.update({ id: claim.id, version: 1, text: 'Edited meanwhile' });
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.claims.delete({ id: claim.id, version: 1 }), 'CONFLICT');
    expect(err.reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown claim', async () => {
    const { caller } = await freshCaller();
    await expectTRPCError(caller.claims.delete({ id: 5, version: 1 }), 'NOT_FOUND');
  });
});

describe('claims.list', () => {
  async function world(caller: Caller) {
    const damascus = await makeStory(caller, { title: 'Fall of Damascus' });
    const other = await makeStory(caller, { title: 'Gaza ceasefire' });
    const sohr = await makeSource(caller, { name: 'SOHR', kind: 'ngo' });
    const gov = await makeSource(caller, { name: 'Syrian government', kind: 'government_body' });
    const left = await makeClaim(caller, { text: 'Assad has left Syria', storyId: damascus.id, contextNote: 'From SOHR' });
    const entered = await makeClaim(caller, { text: 'Opposition groups entered Damascus', storyId: damascus.id, status: 'ready_for_review' });
    const talks = await makeClaim(caller, { text: 'UN envoy urges talks', storyId: other.id, contextNote: 'Geneva, 100% official' });
    await makeAttribution(caller, { claimId: left.id, sourceId: sohr.id, stance: 'asserts' });
    await makeAttribution(caller, { claimId: left.id, sourceId: gov.id, stance: 'denies' });
    await makeAttribution(caller, { claimId: entered.id, sourceId: sohr.id, stance: 'reports' });
    return { damascus, other, sohr, gov, left, entered, talks };
  }
  const ids = (r: { items: { id: number }[] }) => r.items.map((i) => i.id);

  it('lists newest first with stance counts and stories for each claim', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    const page = await caller.claims.list({});
    expect(ids(page)).toEqual([w.talks.id, w.entered.id, w.left.id]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[2]).toMatchObject({
      text: 'Assad has left Syria',
      attributionCount: 2,
      stances: { asserts: 1, denies: 1, reports: 0 },
      stories: [{ id: w.damascus.id, title: 'Fall of Damascus' }],
    });
  });

  it('filters by words (as prefixes) in the claim or its context note, case-insensitively, through the full-text index', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    expect(ids(await caller.claims.list({ q: 'DAMASCUS' }))).toEqual([w.entered.id]);
    expect(ids(await caller.claims.list({ q: 'damas' }))).toEqual([w.entered.id]);
    expect(ids(await caller.claims.list({ q: 'from sohr' }))).toEqual([w.left.id]);
    expect(ids(await caller.claims.list({ q: '100%' }))).toEqual([w.talks.id]);
    // Punctuation and query syntax are separators, never wildcards: "%" alone holds no word.
    expect(ids(await caller.claims.list({ q: '%' }))).toEqual([]);
    expect(ids(await caller.claims.list({ q: '"assad" AND (syria' }))).toEqual([w.left.id]);
    expect(ids(await caller.claims.list({ q: 'nothing like this' }))).toEqual([]);
  });

  it('filters by story, status, source, stance and their combination', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    expect(ids(await caller.claims.list({ storyId: w.damascus.id }))).toEqual([w.entered.id, w.left.id]);
    expect(ids(await caller.claims.list({ status: 'ready_for_review' }))).toEqual([w.entered.id]);
    expect(ids(await caller.claims.list({ status: 'open' }))).toEqual([w.talks.id, w.left.id]);
    expect(ids(await caller.claims.list({ sourceId: w.sohr.id }))).toEqual([w.entered.id, w.left.id]);
    expect(ids(await caller.claims.list({ stance: 'denies' }))).toEqual([w.left.id]);
    // Source and stance hold for the same attribution: SOHR never denies anything here.
    expect(ids(await caller.claims.list({ sourceId: w.sohr.id, stance: 'denies' }))).toEqual([]);
    expect(ids(await caller.claims.list({ sourceId: w.sohr.id, stance: 'reports' }))).toEqual([w.entered.id]);
    expect(ids(await caller.claims.list({ storyId: w.damascus.id, status: 'open', stance: 'asserts', q: 'assad' }))).toEqual([w.left.id]);
  });

  it('sorts by creation time (not id) newest or oldest first, and by attribution count', async () => {
    const { db, caller } = await freshCaller();
    const w = await world(caller);
    await setCreatedAt(db, w.left.id, '2030-01-01T00:00:00.000Z'); // logged "last"
    expect(ids(await caller.claims.list({ sort: 'newest' }))).toEqual([w.left.id, w.talks.id, w.entered.id]);
    expect(ids(await caller.claims.list({ sort: 'oldest' }))).toEqual([w.entered.id, w.talks.id, w.left.id]);
    expect(ids(await caller.claims.list({ sort: 'most_attributed' }))).toEqual([w.left.id, w.entered.id, w.talks.id]);
  });

  it.each(['newest', 'oldest', 'most_attributed'] as const)(
    'walks every page (%s) without duplicates or omissions, in the unpaginated order',
    async (sort) => {
      const { db, caller } = await freshCaller();
      const sources = [await makeSource(caller), await makeSource(caller), await makeSource(caller)];
      const claims = [];
      for (let i = 0; i < 31; i++) {
        const claim = await makeClaim(caller, { text: `Claim on page walk ${i}` });
        // Few distinct timestamps and counts, so the keyset must break ties by id.
        await setCreatedAt(db, claim.id, `2024-12-0${(i % 4) + 1}T10:00:00.000Z`);
        for (let j = 0; j < i % 4; j++) await makeAttribution(caller, { claimId: claim.id, sourceId: sources[j]!.id });
        claims.push(claim);
      }
      const whole = (await caller.claims.list({ sort, limit: 100 })).items.map((c) => c.id);
      expect(whole).toHaveLength(31);
      const pages = await allPages((cursor) => caller.claims.list({ sort, limit: 7, cursor }));
      expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 3]);
      const walked = pages.flat().map((c) => c.id);
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked).toEqual(whole);
    },
  );

  it('pages with filters applied', async () => {
    const { caller } = await freshCaller();
    const story = await makeStory(caller);
    for (let i = 0; i < 12; i++) await makeClaim(caller, { storyId: i % 2 ? story.id : null });
    const pages = await allPages((cursor) => caller.claims.list({ storyId: story.id, limit: 4, cursor }));
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
  });

  it('refuses a tampered cursor, naming the cursor', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.claims.list({ cursor: 'not-a-cursor' }), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ cursor: expect.stringContaining('first page') });
  });

  it('refuses a page size above 100', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.claims.list({ limit: 101 }), 'BAD_REQUEST');
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['limit']);
  });
});

describe('claims.suggest', () => {
  it('suggests prefix matches first, then matches anywhere, and can exclude the claim being edited', async () => {
    const { caller } = await freshCaller();
    const inside = await makeClaim(caller, { text: 'Rebels say Assad fled' });
    const prefix = await makeClaim(caller, { text: 'Assad has left Syria' });
    await makeClaim(caller, { text: 'UN envoy urges talks' });
    expect((await caller.claims.suggest({ q: 'assad' })).map((c) => c.id)).toEqual([prefix.id, inside.id]);
    expect((await caller.claims.suggest({ q: 'assad', excludeId: prefix.id })).map((c) => c.id)).toEqual([inside.id]);
    expect(await caller.claims.suggest({ q: 'assad', limit: 1 })).toHaveLength(1);
    expect(await caller.claims.suggest({ q: '   ' })).toEqual([]);
  });
});

describe('claims.history', () => {
  it('shows the claim’s changes field by field, newest first, with its attributions and links', async () => {
    const { caller } = await freshCaller();
    const claim = await makeClaim(caller, { text: 'Assad left', eventDate: '2024-12-08' });
    const v2 = await caller.claims.update({ id: claim.id, version: 1, text: 'Assad has left Syria', eventDate: '2024-12-08' });
    const source = await makeSource(caller);
    const attribution = await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, quote: 'has left the country' });
    const other = await makeClaim(caller, { text: 'The government denies it' });
    const link = await caller.links.create({ fromClaimId: other.id, toClaimId: claim.id, kind: 'contradicts' });

    const history = await caller.claims.history({ id: claim.id });
    expect(history.map((h) => [h.action, h.entity, h.entityId])).toEqual([
      ['create', 'claim_link', link.id],
      ['create', 'attribution', attribution.id],
      ['update', 'claim', claim.id],
      ['create', 'claim', claim.id],
    ]);
    expect(history[2]).toMatchObject({ label: 'Assad has left Syria', changes: [{ field: 'text', from: 'Assad left', to: 'Assad has left Syria' }] });
    expect(v2.version).toBe(2);
    expect(history[3]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'text', from: null, to: 'Assad left' },
        { field: 'eventDate', from: null, to: '2024-12-08' },
        { field: 'status', from: null, to: 'open' },
      ]),
    );
    // Bookkeeping columns are not shown as changes.
    const fields = history.flatMap((h) => h.changes.map((c) => c.field));
    for (const hidden of ['id', 'version', 'createdAt', 'updatedAt', 'attributionCount']) expect(fields).not.toContain(hidden);
  });

  it('answers NOT_FOUND for an unknown claim', async () => {
    const { caller } = await freshCaller();
    await expectTRPCError(caller.claims.history({ id: 3 }), 'NOT_FOUND');
  });
});

describe('attributionCount', () => {
  it('follows attribution create and delete, and drives the most_attributed sort', async () => {
    const { caller } = await freshCaller();
    const a = await makeClaim(caller);
    const b = await makeClaim(caller);
    const s = await makeSource(caller);
    const a1 = await makeAttribution(caller, { claimId: a.id, sourceId: s.id });
    const a2 = await makeAttribution(caller, { claimId: a.id, sourceId: s.id });
    await makeAttribution(caller, { claimId: b.id, sourceId: s.id });
    const count = async (id: number) => (await caller.claims.get({ id })).attributionCount;
    expect([await count(a.id), await count(b.id)]).toEqual([2, 1]);
    expect((await caller.claims.list({ sort: 'most_attributed' })).items.map((c) => c.id)).toEqual([a.id, b.id]);

    await caller.attributions.delete({ id: a1.id, version: a1.version });
    await caller.attributions.delete({ id: a2.id, version: a2.version });
    expect([await count(a.id), await count(b.id)]).toEqual([0, 1]);
    expect((await caller.claims.list({ sort: 'most_attributed' })).items.map((c) => c.id)).toEqual([b.id, a.id]);
  });
});

describe('query counts (no N+1)', () => {
  it('claims.get and claims.list issue the same number of SQL queries for 1 and for 30 rows', async () => {
    let counting = false;
    let queries = 0;
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: openSqlite(':memory:') }),
      plugins: [new CamelCasePlugin()],
      log(e) {
        if (counting && e.level === 'query') queries++;
      },
    });
    await migrateToLatest(db);
    const caller = callerAs(db, await addUser(db, 'counter', 'admin'));

    const sohr = await makeSource(caller, { name: 'SOHR' });
    const rami = await makeSource(caller, { name: 'Rami Abdurrahman', kind: 'person', affiliationId: sohr.id });
    const agency = await makeSource(caller, { name: 'Agencies', kind: 'wire_agency' });
    const one = await makeClaim(caller);
    const thirty = await makeClaim(caller);
    await caller.links.create({ fromClaimId: one.id, toClaimId: thirty.id, kind: 'contradicts' });
    const story = await makeStory(caller);
    for (const c of [one, thirty]) await caller.stories.addClaim({ storyId: story.id, claimId: c.id });
    for (let i = 0; i < 30; i++) {
      const doc = await makeDocument(caller, { publisherId: agency.id });
      await makeAttribution(caller, { claimId: (i === 0 ? one : thirty).id, sourceId: rami.id, viaSourceId: agency.id, documentId: doc.id });
      if (i === 0) await makeAttribution(caller, { claimId: thirty.id, sourceId: rami.id, viaSourceId: agency.id });
    }

    const measure = async (id: number) => {
      queries = 0;
      counting = true;
      const got = await caller.claims.get({ id });
      counting = false;
      return { n: queries, attributions: got.attributions.length };
    };
    const measureList = async (storyId?: number) => {
      queries = 0;
      counting = true;
      const page = await caller.claims.list({ storyId, limit: 100 });
      counting = false;
      return { n: queries, items: page.items.length };
    };
    const story2 = await makeStory(caller);
    for (let i = 0; i < 30; i++) await makeClaim(caller, { storyId: story2.id });
    const listOne = await measureList(story.id);
    const listMany = await measureList();
    expect([listOne.items, listMany.items]).toEqual([2, 32]);
    expect(listMany.n).toBe(listOne.n);
    const small = await measure(one.id);
    const large = await measure(thirty.id);
    expect(small.attributions).toBe(1);
    expect(large.attributions).toBe(30);
    expect(large.n).toBe(small.n);
    expect(small.n).toBeLessThanOrEqual(6);
    await db.destroy();
  });
});

it('keeps the audit trail of claims consistent with what happened', async () => {
  const { db, caller } = await freshCaller('checker-1');
  const claim = await makeClaim(caller);
  await caller.claims.update({ id: claim.id, version: 1, text: 'Edited text' });
  await caller.claims.delete({ id: claim.id, version: 2 });
  expect((await auditEvents(db)).map((e) => [e.action, e.entity, e.entityId, e.actorId])).toEqual([
    ['create', 'claim', claim.id, 'checker-1'],
    ['update', 'claim', claim.id, 'checker-1'],
    ['delete', 'claim', claim.id, 'checker-1'],
  ]);
});
