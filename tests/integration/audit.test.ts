import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '~/db/client';
import type { AuditEntity } from '~/db/schema';
import { signInFailed } from '~/server/auth/sign-in-throttle';
import { appRouter } from '~/server/root';
import { freshCaller } from '../helpers/db';
import {
  allPages,
  eventsWrittenBy,
  expectTRPCError,
  makeAttribution,
  makeClaim,
  makeDocument,
  makeSource,
  makeStory,
  snapshot,
  type Caller,
} from '../helpers/fixtures';

/**
 * One scenario per mutation: `setup` builds what the mutation needs, `run` performs it and
 * returns the id of the record it changes, `event` is the one audit event expected.
 */
// Records a scenario built: rows with id and version, or an invitation token, or a user id.
type Records = Record<string, any>;
interface Scenario {
  setup: (caller: Caller, db: DB) => Promise<Records>;
  run: (caller: Caller, r: Records) => Promise<unknown>;
  event: (r: Records) => [action: string, entity: AuditEntity, entityId: number];
  /**
   * Further events the mutation writes in the same transaction, after the first (a review sets
   * its claim's verdict: the claim's own change is an event of the claim).
   */
  also?: (r: Records) => [action: string, entity: AuditEntity, entityId: number][];
  /** Who the event names as actor, when not the caller (a person accepting an invitation acts for themself). */
  actor?: 'self';
}

const claimAndSource = async (caller: Caller) => ({ claim: await makeClaim(caller), source: await makeSource(caller) });
const withAttribution = async (caller: Caller) => {
  const r = await claimAndSource(caller);
  return { ...r, attribution: await makeAttribution(caller, { claimId: r.claim.id, sourceId: r.source.id }) };
};
const twoClaims = async (caller: Caller) => ({ a: await makeClaim(caller), b: await makeClaim(caller) });
const withLink = async (caller: Caller) => {
  const r = await twoClaims(caller);
  return { ...r, link: await caller.links.create({ fromClaimId: r.a.id, toClaimId: r.b.id, kind: 'supports' }) };
};
const storyAndClaim = async (caller: Caller) => ({ story: await makeStory(caller), claim: await makeClaim(caller) });
const invited = async (caller: Caller): Promise<Records> => ({ token: (await caller.users.invite({ email: 'new@desk.test', role: 'checker' })).token });
const colleague = async (caller: Caller): Promise<Records> => {
  const { token } = await caller.users.invite({ email: 'colleague@desk.test', role: 'checker' });
  return { userId: (await caller.users.acceptInvitation({ token, name: 'A Colleague', password: 'a long password' })).id };
};

const SCENARIOS: Record<string, Scenario> = {
  'claims.create': {
    setup: async () => ({}),
    run: (c) => makeClaim(c).then((x) => x.id),
    event: () => ['create', 'claim', 1],
  },
  'claims.update': {
    setup: async (c) => ({ claim: await makeClaim(c) }),
    run: (c, r) => c.claims.update({ id: r.claim!.id, version: r.claim!.version, text: 'Edited claim text' }),
    event: (r) => ['update', 'claim', r.claim!.id],
  },
  'claims.delete': {
    setup: async (c) => ({ claim: await makeClaim(c) }),
    run: (c, r) => c.claims.delete({ id: r.claim!.id, version: r.claim!.version }),
    event: (r) => ['delete', 'claim', r.claim!.id],
  },
  'sources.create': {
    setup: async () => ({}),
    run: (c) => makeSource(c, { aliases: ['alias one', 'alias two'] }),
    event: () => ['create', 'source', 1],
  },
  'sources.update': {
    setup: async (c) => ({ source: await makeSource(c, { name: 'Reuters' }) }),
    run: (c, r) => c.sources.update({ id: r.source!.id, version: 1, name: 'Reuters', kind: 'wire_agency', aliases: ['Thomson Reuters'] }),
    event: (r) => ['update', 'source', r.source!.id],
  },
  'sources.grade': {
    setup: async (c) => ({ source: await makeSource(c, { name: 'Reuters', aliases: ['Thomson Reuters'] }) }),
    run: (c, r) => c.sources.grade({ id: r.source!.id, version: r.source!.version, reliability: 'A', reliabilityNote: 'Strong correction record' }),
    event: (r) => ['update', 'source', r.source!.id],
  },
  'sources.delete': {
    setup: async (c) => ({ source: await makeSource(c, { aliases: ['x'] }) }),
    run: (c, r) => c.sources.delete({ id: r.source!.id, version: 1 }),
    event: (r) => ['delete', 'source', r.source!.id],
  },
  'documents.create': {
    setup: async () => ({}),
    run: (c) => makeDocument(c),
    event: () => ['create', 'document', 1],
  },
  'documents.update': {
    setup: async (c) => ({ doc: await makeDocument(c, { url: 'https://a.example/1' }) }),
    run: (c, r) => c.documents.update({ id: r.doc!.id, version: 1, url: 'https://a.example/1', title: 'Edited' }),
    event: (r) => ['update', 'document', r.doc!.id],
  },
  'documents.delete': {
    setup: async (c) => ({ doc: await makeDocument(c) }),
    run: (c, r) => c.documents.delete({ id: r.doc!.id, version: 1 }),
    event: (r) => ['delete', 'document', r.doc!.id],
  },
  'attributions.create': {
    setup: claimAndSource,
    run: (c, r) => makeAttribution(c, { claimId: r.claim!.id, sourceId: r.source!.id }),
    event: () => ['create', 'attribution', 1],
  },
  'attributions.update': {
    setup: withAttribution,
    run: (c, r) => c.attributions.update({ id: r.attribution!.id, version: 1, sourceId: r.source!.id, stance: 'denies' }),
    event: (r) => ['update', 'attribution', r.attribution!.id],
  },
  'attributions.delete': {
    setup: withAttribution,
    run: (c, r) => c.attributions.delete({ id: r.attribution!.id, version: 1 }),
    event: (r) => ['delete', 'attribution', r.attribution!.id],
  },
  'links.create': {
    setup: twoClaims,
    run: (c, r) => c.links.create({ fromClaimId: r.b!.id, toClaimId: r.a!.id, kind: 'contradicts' }),
    event: () => ['create', 'claim_link', 1],
  },
  'links.update': {
    setup: withLink,
    run: (c, r) => c.links.update({ id: r.link!.id, version: 1, note: 'why' }),
    event: (r) => ['update', 'claim_link', r.link!.id],
  },
  'links.delete': {
    setup: withLink,
    run: (c, r) => c.links.delete({ id: r.link!.id, version: 1 }),
    event: (r) => ['delete', 'claim_link', r.link!.id],
  },
  'stories.create': {
    setup: async () => ({}),
    run: (c) => makeStory(c),
    event: () => ['create', 'story', 1],
  },
  'stories.update': {
    setup: async (c) => ({ story: await makeStory(c) }),
    run: (c, r) => c.stories.update({ id: r.story!.id, version: 1, title: 'Renamed story' }),
    event: (r) => ['update', 'story', r.story!.id],
  },
  'stories.delete': {
    setup: async (c) => ({ story: await makeStory(c) }),
    run: (c, r) => c.stories.delete({ id: r.story!.id, version: 1 }),
    event: (r) => ['delete', 'story', r.story!.id],
  },
  'stories.addClaim': {
    setup: storyAndClaim,
    run: (c, r) => c.stories.addClaim({ storyId: r.story!.id, claimId: r.claim!.id }),
    // A membership event is keyed by the claim and concerns both the claim and the story.
    event: (r) => ['create', 'story_claim', r.claim!.id],
  },
  'stories.removeClaim': {
    setup: async (c) => {
      const r = await storyAndClaim(c);
      await c.stories.addClaim({ storyId: r.story.id, claimId: r.claim.id });
      return r;
    },
    run: (c, r) => c.stories.removeClaim({ storyId: r.story!.id, claimId: r.claim!.id }),
    event: (r) => ['delete', 'story_claim', r.claim!.id],
  },
  // Users have text ids: their events carry entity id 0 and the user's id in before/after.
  'users.invite': {
    setup: async () => ({}),
    run: (c) => c.users.invite({ email: 'new@desk.test', role: 'editor' }),
    event: () => ['create', 'invitation', 1],
  },
  'users.acceptInvitation': {
    setup: invited,
    run: (c, r) => c.users.acceptInvitation({ token: r.token!, name: 'New Member', password: 'a long password' }),
    event: () => ['create', 'user', 0],
    actor: 'self',
  },
  'users.setRole': {
    setup: colleague,
    run: (c, r) => c.users.setRole({ userId: r.userId!, role: 'editor' }),
    event: () => ['update', 'user', 0],
  },
  'reviews.create': {
    setup: async (c) => {
      const claim = await makeClaim(c);
      return { claim, fingerprint: (await c.claims.assessment({ id: claim.id })).fingerprint };
    },
    run: (c, r) =>
      c.reviews.create({ claimId: r.claim!.id, claimVersion: r.claim!.version, evidenceFingerprint: r.fingerprint, verdict: 6, rationale: 'Nothing to go on yet.' }),
    event: () => ['create', 'review', 1],
    also: (r) => [['update', 'claim', r.claim!.id]],
  },
  // A merge records each record it changes, then the merge itself (entity `merge`, concerning both claims).
  'claims.merge': {
    setup: twoClaims,
    run: (c, r) => c.claims.merge({ duplicateId: r.b!.id, canonicalId: r.a!.id, duplicateVersion: r.b!.version, canonicalVersion: r.a!.version }),
    event: () => ['create', 'claim_link', 1],
    also: (r) => [
      ['update', 'claim', r.b!.id],
      ['create', 'merge', 1],
    ],
  },
  'claims.unmerge': {
    setup: async (c) => {
      const r = await twoClaims(c);
      return { ...r, merge: await c.claims.merge({ duplicateId: r.b.id, canonicalId: r.a.id, duplicateVersion: r.b.version, canonicalVersion: r.a.version }) };
    },
    run: (c, r) => c.claims.unmerge({ mergeId: r.merge!.mergeId }),
    event: (r) => ['update', 'claim', r.b!.id],
    also: () => [
      ['delete', 'claim_link', 1],
      ['update', 'merge', 1],
    ],
  },
  'users.setDisabled': {
    setup: colleague,
    run: (c, r) => c.users.setDisabled({ userId: r.userId!, disabled: true }),
    event: () => ['update', 'user', 0],
  },
  'users.unlock': {
    setup: async (c, db) => {
      const r = await colleague(c);
      for (let i = 0; i < 5; i++) await signInFailed(db, 'colleague@desk.test');
      return r;
    },
    run: (c, r) => c.users.unlock({ userId: r.userId! }),
    event: () => ['update', 'user', 0],
  },
  // A reset link is a row of the invitation table (the colleague's invitation is #1), audited as a password_reset.
  'users.createPasswordReset': {
    setup: colleague,
    run: (c, r) => c.users.createPasswordReset({ userId: r.userId! }),
    event: () => ['create', 'password_reset', 2],
  },
  'users.resetPassword': {
    setup: async (c) => {
      const r = await colleague(c);
      return { ...r, token: (await c.users.createPasswordReset({ userId: r.userId! })).token };
    },
    run: (c, r) => c.users.resetPassword({ token: r.token!, password: 'a new long password' }),
    event: () => ['update', 'user', 0],
    actor: 'self',
  },
};

// Intake: accepting an article writes its document, claim, source and attribution, in that order.
SCENARIOS['intake.accept'] = {
  setup: async () => ({}),
  run: (c) =>
    c.intake.accept({
      document: { url: 'https://news.example/intake/1', title: 'Assad flees' },
      proposals: [
        { claimText: 'Assad has left Syria.', newSource: { name: 'Rami Abdurrahman', kind: 'person' }, stance: 'asserts', quote: 'Assad has left the country' },
      ],
    }),
  event: () => ['create', 'document', 1],
  also: () => [
    ['create', 'claim', 1],
    ['create', 'source', 1],
    ['create', 'attribution', 1],
  ],
};

/** Mutations that only read (sent as POST because their input is large): they write nothing at all. */
const READ_ONLY: Record<string, Pick<Scenario, 'setup' | 'run'>> = {
  'intake.extract': {
    setup: async (c) => ({ source: await makeSource(c, { name: 'Syrian government' }) }),
    run: (c) => c.intake.extract({ text: 'The government denied that Assad had left Damascus, according to state media.' }),
  },
};

const MUTATIONS = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, p]) => p._def.type === 'mutation')
  .map(([path]) => path);

describe('every mutation is audited', () => {
  it('has a scenario for every mutation of the app router', () => {
    expect([...Object.keys(SCENARIOS), ...Object.keys(READ_ONLY)].sort()).toEqual([...MUTATIONS].sort());
  });

  it.each(Object.keys(READ_ONLY))('%s writes nothing and records no event', async (path) => {
    const scenario = READ_ONLY[path]!;
    const { db, caller } = await freshCaller();
    const records = await scenario.setup(caller, db);
    const before = await snapshot(db);
    await scenario.run(caller, records);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each(Object.keys(SCENARIOS))('%s writes exactly one audit event for each record it changes', async (path) => {
    const scenario = SCENARIOS[path]!;
    const { db, caller } = await freshCaller('checker-7');
    const records = await scenario.setup(caller, db);
    const events = await eventsWrittenBy(db, () => scenario.run(caller, records));
    const [action, entity, entityId] = scenario.event(records);
    const expected = [[action, entity, entityId], ...(scenario.also?.(records) ?? [])];
    expect(events.map((e) => [e.action, e.entity, e.entityId])).toEqual(expected);
    const actorId = scenario.actor === 'self' ? JSON.parse(events[0]!.after!).id : 'checker-7';
    for (const [i, [a]] of expected.entries())
      expect(events[i]).toMatchObject({ actorId, before: a === 'create' ? null : expect.any(String), after: a === 'delete' ? null : expect.any(String) });
    expect(Date.parse(events[0]!.at)).not.toBeNaN();
  });

  it.each(Object.keys(SCENARIOS))('%s writes its change and its audit event in one transaction', async (path) => {
    const scenario = SCENARIOS[path]!;
    const { db, caller } = await freshCaller();
    const records = await scenario.setup(caller, db);
    // The audit log refuses every write: the change itself must not land either.
    await sql`create trigger audit_down before insert on audit_event begin select raise(abort, 'audit log unavailable'); end`.execute(db);
    const before = await snapshot(db);
    await expectTRPCError(Promise.resolve().then(() => scenario.run(caller, records)), 'CONFLICT');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('audit.activity', () => {
  async function busyDay(caller: Caller, day = '') {
    const story = await makeStory(caller, { title: `Fall of Damascus${day}` });
    const claim = await makeClaim(caller, { text: 'Assad has left Syria', storyId: story.id });
    const source = await makeSource(caller, { name: `SOHR${day}` });
    const attribution = await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, quote: 'he left' });
    await caller.claims.update({ id: claim.id, version: 1, text: 'Bashar al-Assad has left Syria', status: 'ready_for_review' });
    return { story, claim, source, attribution };
  }

  it('lists every change newest first, with who, what, a label and field-by-field changes', async () => {
    const { caller } = await freshCaller('editor-1');
    const { claim, source, attribution } = await busyDay(caller);
    const { items, nextCursor } = await caller.audit.activity({});
    expect(nextCursor).toBeNull();
    expect(items.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['update', 'claim', claim.id],
      ['create', 'attribution', attribution.id],
      ['create', 'source', source.id],
      ['create', 'story_claim', claim.id],
      ['create', 'claim', claim.id],
      ['create', 'story', 1],
    ]);
    expect(items[0]).toMatchObject({
      actorId: 'editor-1',
      label: 'Bashar al-Assad has left Syria',
      changes: [
        { field: 'text', from: 'Assad has left Syria', to: 'Bashar al-Assad has left Syria' },
        { field: 'status', from: 'open', to: 'ready_for_review' },
      ],
    });
    expect(items[1]!.label).toBe('he left');
    expect(items[2]!.label).toBe('SOHR');
  });

  it('filters by entity', async () => {
    const { caller } = await freshCaller();
    const { claim } = await busyDay(caller);
    const { items } = await caller.audit.activity({ entity: 'claim' });
    expect(items.map((e) => [e.action, e.entityId])).toEqual([
      ['update', claim.id],
      ['create', claim.id],
    ]);
  });

  it('paginates through every event without duplicates or omissions', async () => {
    const { db, caller } = await freshCaller();
    for (let i = 0; i < 4; i++) {
      const { story } = await busyDay(caller, ` (day ${i})`);
      await caller.stories.update({ id: story.id, version: 1, title: `Story ${i}` });
    }
    const total = (await db.selectFrom('auditEvent').select('id').execute()).length;
    expect(total).toBeGreaterThan(20);
    const pages: number[][] = [];
    let cursor: number | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.audit.activity>> = await caller.audit.activity({ limit: 6, cursor });
      pages.push(page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 50);
    const walked = pages.flat();
    expect(pages.slice(0, -1).every((p) => p.length === 6)).toBe(true);
    expect(new Set(walked).size).toBe(total);
    expect(walked).toEqual([...walked].sort((a, b) => b - a));
    // Filtered pages walk too.
    const claimPages = await allPages(async (c) => {
      const r = await caller.audit.activity({ entity: 'claim', limit: 3, cursor: c === null ? null : Number(c) });
      return { items: r.items, nextCursor: r.nextCursor === null ? null : String(r.nextCursor) };
    });
    expect(claimPages.flat().map((e) => e.entity)).toEqual(Array(8).fill('claim'));
  });

  it('validates its input', async () => {
    const { caller } = await freshCaller();
    expect(Object.keys((await expectTRPCError(caller.audit.activity({ limit: 0 }), 'BAD_REQUEST')).fieldErrors ?? {})).toEqual(['limit']);
    expect(Object.keys((await expectTRPCError(caller.audit.activity({ entity: 'alien' as never }), 'BAD_REQUEST')).fieldErrors ?? {})).toEqual([
      'entity',
    ]);
    expect((await caller.audit.activity({})).items).toEqual([]);
  });
});

describe('refused calls leave no audit event', () => {
  it('validation, not-found, stale, duplicate and in-use refusals write nothing', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const source = await makeSource(caller, { name: 'SOHR' });
    await makeAttribution(caller, { claimId: claim.id, sourceId: source.id });
    const before = await snapshot(db);
    await expectTRPCError(caller.claims.create({ text: 'no' }), 'BAD_REQUEST');
    await expectTRPCError(caller.claims.update({ id: 99, version: 1, text: 'Nobody' }), 'NOT_FOUND');
    await expectTRPCError(caller.claims.update({ id: claim.id, version: 9, text: 'Stale' }), 'CONFLICT');
    await expectTRPCError(makeSource(caller, { name: 'sohr' }), 'CONFLICT');
    await expectTRPCError(caller.sources.delete({ id: source.id, version: 1 }), 'CONFLICT');
    await expectTRPCError(caller.links.create({ fromClaimId: claim.id, toClaimId: claim.id, kind: 'supports' }), 'BAD_REQUEST');
    expect(await snapshot(db)).toEqual(before);
  });
});
