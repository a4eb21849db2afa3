import { describe, expect, it } from 'vitest';
import { freshCaller } from '../helpers/db';
import { eventsWrittenBy, expectTRPCError, longText, makeClaim, snapshot, type Caller } from '../helpers/fixtures';

async function threeClaims(caller: Caller) {
  const left = await makeClaim(caller, { text: 'Assad has left Syria' });
  const denial = await makeClaim(caller, { text: 'The government denies that Assad has left' });
  const fled = await makeClaim(caller, { text: 'Assad fled Damascus' });
  return { left, denial, fled };
}

describe('links.create', () => {
  it('links two claims and shows the link from both sides', async () => {
    const { db, caller } = await freshCaller();
    const { left, fled } = await threeClaims(caller);
    const events = await eventsWrittenBy(db, async () => {
      const link = await caller.links.create({ fromClaimId: fled.id, toClaimId: left.id, kind: 'supports', note: 'fleeing implies leaving' });
      expect(link).toMatchObject({ fromClaimId: fled.id, toClaimId: left.id, kind: 'supports', note: 'fleeing implies leaving', version: 1 });
    });
    expect(events.map((e) => [e.action, e.entity])).toEqual([['create', 'claim_link']]);
    expect((await caller.claims.get({ id: fled.id })).links).toEqual([
      expect.objectContaining({ kind: 'supports', direction: 'out', otherId: left.id, otherText: 'Assad has left Syria', otherStatus: 'open' }),
    ]);
    expect((await caller.claims.get({ id: left.id })).links).toEqual([
      expect.objectContaining({ kind: 'supports', direction: 'in', otherId: fled.id, note: 'fleeing implies leaving' }),
    ]);
    // The event concerns both claims, so both histories show it.
    for (const id of [fled.id, left.id]) expect((await caller.claims.history({ id }))[0]).toMatchObject({ entity: 'claim_link', action: 'create' });
  });

  it('refuses to link a claim to itself, naming toClaimId', async () => {
    const { db, caller } = await freshCaller();
    const { left } = await threeClaims(caller);
    const before = await snapshot(db);
    for (const kind of ['contradicts', 'supports', 'duplicate_of', 'part_of'] as const) {
      const err = await expectTRPCError(caller.links.create({ fromClaimId: left.id, toClaimId: left.id, kind }), 'BAD_REQUEST');
      expect(err.fieldErrors).toEqual({ toClaimId: 'A claim cannot be linked to itself: pick another claim.' });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers NOT_FOUND naming the side that does not exist', async () => {
    const { caller } = await freshCaller();
    const { left } = await threeClaims(caller);
    const from = await expectTRPCError(caller.links.create({ fromClaimId: 99, toClaimId: left.id, kind: 'supports' }), 'NOT_FOUND');
    expect(from.fieldErrors).toEqual({ fromClaimId: 'Claim #99 does not exist (it may have been deleted).' });
    const to = await expectTRPCError(caller.links.create({ fromClaimId: left.id, toClaimId: 98, kind: 'supports' }), 'NOT_FOUND');
    expect(to.fieldErrors).toEqual({ toClaimId: 'Claim #98 does not exist (it may have been deleted).' });
  });

  it('validates kind and note', async () => {
    const { caller } = await freshCaller();
    const { left, fled } = await threeClaims(caller);
    const kind = await expectTRPCError(caller.links.create({ fromClaimId: left.id, toClaimId: fled.id, kind: 'refutes' as never }), 'BAD_REQUEST');
    expect(kind.fieldErrors).toEqual({ kind: 'Choose how the claims relate' });
    const note = await expectTRPCError(
      caller.links.create({ fromClaimId: left.id, toClaimId: fled.id, kind: 'supports', note: longText(4001) }),
      'BAD_REQUEST',
    );
    expect(note.fieldErrors).toEqual({ note: 'Note can be 4000 characters at most' });
  });

  it('stores a contradiction once, lower id first, whichever way it is entered', async () => {
    const { db, caller } = await freshCaller();
    const { left, denial } = await threeClaims(caller);
    const link = await caller.links.create({ fromClaimId: denial.id, toClaimId: left.id, kind: 'contradicts' });
    expect(link).toMatchObject({ fromClaimId: left.id, toClaimId: denial.id });
    const before = await snapshot(db);
    for (const [fromClaimId, toClaimId] of [
      [left.id, denial.id],
      [denial.id, left.id],
    ] as const) {
      const err = await expectTRPCError(caller.links.create({ fromClaimId, toClaimId, kind: 'contradicts' }), 'CONFLICT');
      expect(err).toMatchObject({ reason: 'duplicate', fieldErrors: { toClaimId: 'These claims are linked this way already.' } });
    }
    expect(await snapshot(db)).toEqual(before);
    expect(await db.selectFrom('claimLink').selectAll().execute()).toHaveLength(1);
  });

  it('treats supports as directed: each direction once', async () => {
    const { caller } = await freshCaller();
    const { left, fled } = await threeClaims(caller);
    await caller.links.create({ fromClaimId: fled.id, toClaimId: left.id, kind: 'supports' });
    await caller.links.create({ fromClaimId: left.id, toClaimId: fled.id, kind: 'supports' });
    await expectTRPCError(caller.links.create({ fromClaimId: fled.id, toClaimId: left.id, kind: 'supports' }), 'CONFLICT');
    // Another kind between the same claims is a different relation.
    await caller.links.create({ fromClaimId: fled.id, toClaimId: left.id, kind: 'part_of' });
    expect((await caller.claims.get({ id: fled.id })).links.map((l) => [l.kind, l.direction])).toEqual([
      ['supports', 'out'],
      ['part_of', 'out'],
      ['supports', 'in'],
    ]);
  });

  describe('duplicate_of', () => {
    it('points at the canonical claim, never into a chain', async () => {
      const { caller } = await freshCaller();
      const canonical = await makeClaim(caller, { text: 'Assad has left Syria' });
      const dup = await makeClaim(caller, { text: 'Assad left the country' });
      const dupOfDup = await makeClaim(caller, { text: 'Assad is gone' });
      await caller.links.create({ fromClaimId: dup.id, toClaimId: canonical.id, kind: 'duplicate_of' });
      const link = await caller.links.create({ fromClaimId: dupOfDup.id, toClaimId: dup.id, kind: 'duplicate_of' });
      expect(link).toMatchObject({ fromClaimId: dupOfDup.id, toClaimId: canonical.id });
      expect((await caller.claims.get({ id: canonical.id })).links.map((l) => [l.otherId, l.direction])).toEqual([
        [dup.id, 'in'],
        [dupOfDup.id, 'in'],
      ]);
    });

    it('never leaves a chain when a claim that has duplicates becomes a duplicate itself', async () => {
      const { db, caller } = await freshCaller();
      const canonical = await makeClaim(caller, { text: 'Assad has left Syria' });
      const dup = await makeClaim(caller, { text: 'Assad left the country' });
      const dupOfDup = await makeClaim(caller, { text: 'Assad is gone' });
      await caller.links.create({ fromClaimId: dupOfDup.id, toClaimId: dup.id, kind: 'duplicate_of' });
      // Either refused, or the existing duplicates are moved to the canonical claim: no chain either way.
      await caller.links.create({ fromClaimId: dup.id, toClaimId: canonical.id, kind: 'duplicate_of' }).catch(() => null);
      const dupLinks = await db.selectFrom('claimLink').select(['fromClaimId', 'toClaimId']).where('kind', '=', 'duplicate_of').execute();
      const isDuplicate = new Set(dupLinks.map((l) => l.fromClaimId));
      expect(dupLinks.filter((l) => isDuplicate.has(l.toClaimId))).toEqual([]);
    });

    it('refuses a loop and a second canonical claim, changing nothing', async () => {
      const { db, caller } = await freshCaller();
      const { left, denial, fled } = await threeClaims(caller);
      await caller.links.create({ fromClaimId: fled.id, toClaimId: left.id, kind: 'duplicate_of' });
      const before = await snapshot(db);
      const loop = await expectTRPCError(caller.links.create({ fromClaimId: left.id, toClaimId: fled.id, kind: 'duplicate_of' }), 'BAD_REQUEST');
      expect(loop.fieldErrors).toEqual({ toClaimId: expect.stringContaining('loop') });
      const second = await expectTRPCError(caller.links.create({ fromClaimId: fled.id, toClaimId: denial.id, kind: 'duplicate_of' }), 'BAD_REQUEST');
      expect(second.fieldErrors).toEqual({ toClaimId: 'This claim is already marked as a duplicate of another claim.' });
      expect(await snapshot(db)).toEqual(before);
    });
  });
});

describe('links.update', () => {
  it('changes the note, bumps the version and records it for both claims', async () => {
    const { db, caller } = await freshCaller();
    const { left, denial } = await threeClaims(caller);
    const link = await caller.links.create({ fromClaimId: left.id, toClaimId: denial.id, kind: 'contradicts' });
    const events = await eventsWrittenBy(db, async () => {
      const updated = await caller.links.update({ id: link.id, version: 1, note: 'Official denial on state TV' });
      expect(updated).toMatchObject({ note: 'Official denial on state TV', version: 2, kind: 'contradicts' });
    });
    expect(events.map((e) => [e.action, e.entity, e.entityId])).toEqual([['update', 'claim_link', link.id]]);
    for (const id of [left.id, denial.id]) {
      expect((await caller.claims.history({ id }))[0]).toMatchObject({
        action: 'update',
        changes: [{ field: 'note', from: '', to: 'Official denial on state TV' }],
      });
    }
  });

  it('refuses a stale version and an unknown link', async () => {
    const { db, caller } = await freshCaller();
    const { left, denial } = await threeClaims(caller);
    const link = await caller.links.create({ fromClaimId: left.id, toClaimId: denial.id, kind: 'contradicts' });
    await caller.links.update({ id: link.id, version: 1, note: 'first' });
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.links.update({ id: link.id, version: 1, note: 'second' }), 'CONFLICT');
    expect(err.reason).toBe('stale');
    expect(err.message).toMatch(/claim link/);
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.links.update({ id: 404, version: 1, note: 'x' }), 'NOT_FOUND');
  });
});

describe('links.delete', () => {
  it('removes the link, records it, and then lets the claims be deleted', async () => {
    const { db, caller } = await freshCaller();
    const { left, denial } = await threeClaims(caller);
    const link = await caller.links.create({ fromClaimId: left.id, toClaimId: denial.id, kind: 'contradicts' });
    await expectTRPCError(caller.claims.delete({ id: left.id, version: 1 }), 'CONFLICT');
    const events = await eventsWrittenBy(db, async () => {
      expect(await caller.links.delete({ id: link.id, version: 1 })).toEqual({ id: link.id });
    });
    expect(events).toMatchObject([{ action: 'delete', entity: 'claim_link', entityId: link.id }]);
    expect((await caller.claims.get({ id: denial.id })).links).toEqual([]);
    await caller.claims.delete({ id: left.id, version: 1 });
  });

  it('refuses a stale version and an unknown link', async () => {
    const { db, caller } = await freshCaller();
    const { left, denial } = await threeClaims(caller);
    const link = await caller.links.create({ fromClaimId: left.id, toClaimId: denial.id, kind: 'contradicts' });
    await caller.links.update({ id: link.id, version: 1, note: 'edited' });
    const before = await snapshot(db);
    expect((await expectTRPCError(caller.links.delete({ id: link.id, version: 1 }), 'CONFLICT')).reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.links.delete({ id: 404, version: 1 }), 'NOT_FOUND');
  });
});
