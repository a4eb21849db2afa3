import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '~/db/client';
import type { MergeRecord } from '~/server/merge/merge.service';
import { freshCaller } from '../helpers/db';
import { eventsWrittenBy, expectTRPCError, makeAttribution, makeClaim, makeDocument, makeSource, makeStory, snapshot, type Caller } from '../helpers/fixtures';

/** Every ledger table, reviews and merges included, audit log apart: "the state" an undo must restore. */
async function ledger(db: DB): Promise<Record<string, unknown[]>> {
  const { auditEvent: _e, auditSubject: _s, ...rest } = await snapshot(db);
  const tables: Record<string, unknown[]> = { ...rest, review: await db.selectFrom('review').selectAll().execute() };
  // A table is a set of rows: compare them in one order (a re-inserted row may come back elsewhere physically).
  for (const t of Object.keys(tables)) tables[t] = tables[t]!.map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as unknown);
  return tables;
}
const everything = async (db: DB) => ({ ...(await snapshot(db)), review: await db.selectFrom('review').selectAll().execute(), merge: await db.selectFrom('merge').selectAll().execute() });
const claimRow = (db: DB, id: number) => db.selectFrom('claim').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

/**
 * A canonical claim C and a reworded duplicate D with every case a merge meets: an identical
 * attribution, near-identical ones, a link C already has, links that become self-links, a
 * contradiction that must keep its lower-id-first order, a duplicate of D, a shared story and
 * a story only D is in, and a review of C.
 */
async function desk(caller: Caller) {
  const s1 = await makeStory(caller, { title: 'Fall of Damascus' });
  const s2 = await makeStory(caller, { title: 'Assad in Moscow' });
  const y = await makeClaim(caller, { text: 'Assad is still in Damascus.' }); // lowest id: contradictions store it first
  const canonical = await makeClaim(caller, { text: 'Bashar al-Assad has left Syria.', storyId: s1.id });
  const x = await makeClaim(caller, { text: 'A plane left Damascus airport at night.' });
  const z = await makeClaim(caller, { text: 'Assad is out of Syria.' });
  const w = await makeClaim(caller, { text: 'Russian state media report Assad arrived in Moscow.' });
  const dup = await makeClaim(caller, { text: 'Syrian president Assad has fled the country.', storyId: s1.id });
  await caller.stories.addClaim({ storyId: s2.id, claimId: dup.id });

  const sohr = await makeSource(caller, { name: 'SOHR' });
  const gov = await makeSource(caller, { name: 'Syrian government' });
  const doc = await makeDocument(caller);
  const onCanonical = await makeAttribution(caller, { claimId: canonical.id, sourceId: sohr.id, quote: 'Assad has left', documentId: doc.id });
  const identical = await makeAttribution(caller, { claimId: dup.id, sourceId: sohr.id, quote: 'Assad has left', documentId: doc.id, note: 'seen twice' });
  const otherDoc = await makeAttribution(caller, { claimId: dup.id, sourceId: sohr.id, quote: 'Assad has left' });
  const denial = await makeAttribution(caller, { claimId: dup.id, sourceId: gov.id, stance: 'denies', quote: 'The president is in Damascus' });

  const link = (fromClaimId: number, toClaimId: number, kind: 'contradicts' | 'supports' | 'duplicate_of' | 'part_of') =>
    caller.links.create({ fromClaimId, toClaimId, kind });
  const links = {
    canonicalSupportsX: await link(canonical.id, x.id, 'supports'),
    dupSupportsX: await link(dup.id, x.id, 'supports'), // C has it already: dropped
    dupContradictsY: await link(dup.id, y.id, 'contradicts'), // moves, stored (y, C)
    canonicalPartOfDup: await link(canonical.id, dup.id, 'part_of'), // would be a self-link: dropped
    dupContradictsCanonical: await link(dup.id, canonical.id, 'contradicts'), // self-link: dropped
    zDuplicateOfDup: await link(z.id, dup.id, 'duplicate_of'), // re-pointed at C, no chain
    wSupportsDup: await link(w.id, dup.id, 'supports'), // moves
  };
  const c = await caller.claims.get({ id: canonical.id });
  const fingerprint = (await caller.claims.assessment({ id: canonical.id })).fingerprint;
  await caller.reviews.create({ claimId: c.id, claimVersion: c.version, evidenceFingerprint: fingerprint, verdict: 3, rationale: 'One source so far.' });
  return {
    s1, s2, x, y, z, w, sohr, gov, links,
    attributions: { onCanonical, identical, otherDoc, denial },
    canonical: await caller.claims.get({ id: canonical.id }),
    dup: await caller.claims.get({ id: dup.id }),
  };
}

const mergeOf = (caller: Caller, dup: { id: number; version: number }, canonical: { id: number; version: number }) =>
  caller.claims.merge({ duplicateId: dup.id, canonicalId: canonical.id, duplicateVersion: dup.version, canonicalVersion: canonical.version });

describe('claims.merge', () => {
  it('moves every attribution, link and story membership to the canonical claim, dropping only duplicates and self-links', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const d = await desk(caller);
    const attributionsBefore = await db.selectFrom('attribution').selectAll().execute();
    const linksBefore = await db.selectFrom('claimLink').selectAll().execute();
    const canonicalBefore = await claimRow(db, d.canonical.id);

    const result = await mergeOf(caller, d.dup, d.canonical);
    expect(result).toMatchObject({
      duplicateId: d.dup.id,
      canonicalId: d.canonical.id,
      moved: { attributions: 2, links: 3, stories: 1 },
      removed: { attributions: 1, links: 3, stories: 1 },
    });

    // Attributions: same ids on the canonical claim; the identical one removed and kept in the record.
    const a = d.attributions;
    const onCanonical = await db.selectFrom('attribution').selectAll().where('claimId', '=', d.canonical.id).execute();
    expect(ids(onCanonical)).toEqual([a.onCanonical.id, a.otherDoc.id, a.denial.id]);
    expect(await db.selectFrom('attribution').selectAll().where('claimId', '=', d.dup.id).execute()).toEqual([]);
    const merge = await db.selectFrom('merge').selectAll().executeTakeFirstOrThrow();
    const record = JSON.parse(merge.moved) as MergeRecord;
    const removedAttribution = attributionsBefore.find((r) => r.id === a.identical.id);
    expect(record.removedAttributions).toEqual([{ ...removedAttribution, sameAs: a.onCanonical.id }]);
    // Nothing lost: every attribution is on the canonical claim or in the record, once.
    expect([...ids(onCanonical), ...record.removedAttributions.map((r) => r.id)].sort((p, q) => p - q)).toEqual(ids(attributionsBefore));
    for (const r of onCanonical.filter((r) => r.id !== a.onCanonical.id)) {
      const was = attributionsBefore.find((b) => b.id === r.id)!;
      expect(r).toEqual({ ...was, claimId: d.canonical.id, updatedAt: r.updatedAt, version: was.version + 1 });
    }

    // Links: moved ones keep their ids; self-links and the one C already had are removed and recorded.
    const l = d.links;
    const linksAfter = await db.selectFrom('claimLink').selectAll().orderBy('id').execute();
    expect(linksAfter.every((x) => x.fromClaimId !== x.toClaimId)).toBe(true);
    expect(linksAfter.every((x) => x.fromClaimId !== d.dup.id || x.kind === 'duplicate_of')).toBe(true);
    expect(linksAfter.every((x) => x.toClaimId !== d.dup.id)).toBe(true);
    const byId = new Map(linksAfter.map((x) => [x.id, x]));
    expect(byId.get(l.dupContradictsY.id)).toMatchObject({ fromClaimId: d.y.id, toClaimId: d.canonical.id, kind: 'contradicts' });
    expect(byId.get(l.zDuplicateOfDup.id)).toMatchObject({ fromClaimId: d.z.id, toClaimId: d.canonical.id, kind: 'duplicate_of' });
    expect(byId.get(l.wSupportsDup.id)).toMatchObject({ fromClaimId: d.w.id, toClaimId: d.canonical.id, kind: 'supports' });
    expect(byId.get(l.canonicalSupportsX.id)).toEqual(linksBefore.find((x) => x.id === l.canonicalSupportsX.id));
    expect(record.removedLinks.map((x) => [x.id, x.why, x.sameAs])).toEqual([
      [l.dupSupportsX.id, 'exists', l.canonicalSupportsX.id],
      [l.canonicalPartOfDup.id, 'self', null],
      [l.dupContradictsCanonical.id, 'self', null],
    ]);
    const duplicateLink = linksAfter.find((x) => x.fromClaimId === d.dup.id)!;
    expect(duplicateLink).toMatchObject({ toClaimId: d.canonical.id, kind: 'duplicate_of', id: record.createdLinkId });
    // Every link from before is still there (same id) or in the record; one new link, the duplicate-of.
    const kept = linksAfter.filter((x) => x.id !== duplicateLink.id).map((x) => x.id);
    expect([...kept, ...record.removedLinks.map((x) => x.id)].sort((p, q) => p - q)).toEqual(ids(linksBefore));

    // Stories: C is in both, once each; D in none.
    const members = await db.selectFrom('storyClaim').selectAll().orderBy('storyId').execute();
    expect(members.filter((m) => m.claimId === d.dup.id)).toEqual([]);
    expect(members.filter((m) => m.claimId === d.canonical.id).map((m) => m.storyId)).toEqual([d.s1.id, d.s2.id]);

    // The duplicate is archived; the canonical claim keeps its text, verdict and review; counts refreshed.
    expect(await claimRow(db, d.dup.id)).toMatchObject({ status: 'archived', attributionCount: 0, version: d.dup.version + 1 });
    expect(await claimRow(db, d.canonical.id)).toEqual({ ...canonicalBefore, attributionCount: 3 });
    expect((await caller.reviews.list({ claimId: d.canonical.id })).length).toBe(1);

    // The history of both claims shows the merge, labelled.
    for (const id of [d.dup.id, d.canonical.id])
      expect((await caller.claims.history({ id }))[0]).toMatchObject({ entity: 'merge', action: 'create', entityId: merge.id, label: result.summary });
    expect(result.summary).toBe(`Claim #${d.dup.id} merged into claim #${d.canonical.id}: 2 attributions, 3 links, 1 story moved; dropped as already there or self-links: 1 attribution, 3 links, 1 story membership`);
  });

  it('keeps an existing duplicate-of link to the canonical claim rather than adding another', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const canonical = await makeClaim(caller);
    const dup = await makeClaim(caller);
    const link = await caller.links.create({ fromClaimId: dup.id, toClaimId: canonical.id, kind: 'duplicate_of' });
    const { mergeId } = await mergeOf(caller, dup, canonical);
    expect(await db.selectFrom('claimLink').selectAll().execute()).toEqual([link]);
    const before = await ledger(db);
    await caller.claims.unmerge({ mergeId });
    // Undo leaves the link the checker made.
    expect(await db.selectFrom('claimLink').selectAll().execute()).toEqual([link]);
    expect(await claimRow(db, dup.id)).toEqual({ ...(before.claim as { id: number }[]).find((c) => c.id === dup.id), status: 'open', version: dup.version, updatedAt: dup.updatedAt });
  });

  it('writes the audit events in the same transaction as the change: an audit failure leaves nothing behind', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const d = await desk(caller);
    const { mergeId } = await mergeOf(caller, d.dup, d.canonical).then(async (r) => {
      await caller.claims.unmerge({ mergeId: r.mergeId });
      return r;
    });
    const dup = await caller.claims.get({ id: d.dup.id });
    await sql`create trigger audit_down before insert on audit_event begin select raise(abort, 'audit log unavailable'); end`.execute(db);
    const before = await everything(db);
    await expectTRPCError(mergeOf(caller, dup, d.canonical), 'CONFLICT');
    expect(await everything(db)).toEqual(before);
    await sql`drop trigger audit_down`.execute(db);
    const again = await mergeOf(caller, dup, d.canonical);
    await sql`create trigger audit_down before insert on audit_event begin select raise(abort, 'audit log unavailable'); end`.execute(db);
    const merged = await everything(db);
    await expectTRPCError(caller.claims.unmerge({ mergeId: again.mergeId }), 'CONFLICT');
    expect(await everything(db)).toEqual(merged);
    expect(mergeId).not.toBe(again.mergeId);
  });

  it('records one event per changed record, the merge last', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const d = await desk(caller);
    const events = await eventsWrittenBy(db, () => mergeOf(caller, d.dup, d.canonical));
    expect(events.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'delete attribution',
      'update attribution',
      'update attribution',
      'delete claim_link',
      'update claim_link',
      'delete claim_link',
      'delete claim_link',
      'update claim_link',
      'update claim_link',
      'delete story_claim',
      'delete story_claim',
      'create story_claim',
      'create claim_link',
      'update claim',
      'create merge',
    ]);
    expect(new Set(events.map((e) => e.actorId))).toEqual(new Set(['ed']));
  });

  it('refuses to merge a claim into itself, into its own duplicate, into a duplicate, or at a stale version, naming the field', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const a = await makeClaim(caller);
    const b = await makeClaim(caller);
    const c = await makeClaim(caller);
    await caller.links.create({ fromClaimId: b.id, toClaimId: a.id, kind: 'duplicate_of' });
    const before = await everything(db);
    const self = await expectTRPCError(mergeOf(caller, a, a), 'BAD_REQUEST');
    expect(self.fieldErrors).toEqual({ canonicalId: 'A claim cannot be merged into itself: pick another claim.' });
    const intoOwnDuplicate = await expectTRPCError(mergeOf(caller, a, b), 'BAD_REQUEST');
    expect(intoOwnDuplicate.fieldErrors).toEqual({ canonicalId: `Claim #${b.id} is a duplicate of this claim: merge it into this one instead.` });
    const intoADuplicate = await expectTRPCError(mergeOf(caller, c, b), 'BAD_REQUEST');
    expect(intoADuplicate.fieldErrors?.canonicalId).toContain(`merge into claim #${a.id} instead`);
    const elsewhere = await expectTRPCError(mergeOf(caller, b, c), 'BAD_REQUEST');
    expect(elsewhere.fieldErrors?.canonicalId).toContain(`already marked as a duplicate of claim #${a.id}`);
    const staleDup = await expectTRPCError(mergeOf(caller, { id: c.id, version: 7 }, a), 'CONFLICT');
    expect(Object.keys(staleDup.fieldErrors ?? {})).toEqual(['duplicateVersion']);
    expect(staleDup.reason).toBe('stale');
    const staleCanonical = await expectTRPCError(mergeOf(caller, c, { id: a.id, version: 7 }), 'CONFLICT');
    expect(Object.keys(staleCanonical.fieldErrors ?? {})).toEqual(['canonicalVersion']);
    expect(staleCanonical.message).toContain(`Claim #${a.id}`);
    expect((await expectTRPCError(mergeOf(caller, { id: 99, version: 1 }, a), 'NOT_FOUND')).fieldErrors).toEqual({ duplicateId: expect.any(String) });
    expect(await everything(db)).toEqual(before);
  });
});

describe('claims.unmerge', () => {
  it('restores the exact previous state of every ledger table, and records each step', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const d = await desk(caller);
    const before = await ledger(db);
    const { mergeId } = await mergeOf(caller, d.dup, d.canonical);
    const events = await eventsWrittenBy(db, () => caller.claims.unmerge({ mergeId }));
    const after = await ledger(db);
    expect(after).toEqual(before);
    // The merge row stays, marked undone: the history keeps both.
    const merge = await db.selectFrom('merge').selectAll().executeTakeFirstOrThrow();
    expect(merge).toMatchObject({ id: mergeId, undoneBy: 'ed', undoneAt: expect.any(String), version: 2 });
    expect(events.at(-1)).toMatchObject({ action: 'update', entity: 'merge', entityId: mergeId });
    expect(events.length).toBe(15);
    const history = await caller.claims.history({ id: d.canonical.id });
    expect(history.slice(0, 1)).toMatchObject([{ entity: 'merge', action: 'update', changes: [{ field: 'undoneBy', from: null, to: 'ed' }, { field: 'undoneAt', from: null, to: merge.undoneAt }] }]);
    // A second undo is refused clearly.
    const twice = await expectTRPCError(caller.claims.unmerge({ mergeId }), 'CONFLICT');
    expect(twice.message).toMatch(/undone already/);
    // And the claims can be merged again.
    const dup = await caller.claims.get({ id: d.dup.id });
    await mergeOf(caller, dup, await caller.claims.get({ id: d.canonical.id }));
  });

  it('refuses (CONFLICT, nothing written) when records changed since the merge so exact undo is impossible', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const d = await desk(caller);
    const { mergeId } = await mergeOf(caller, d.dup, d.canonical);
    const moved = (await db.selectFrom('attribution').selectAll().where('id', '=', d.attributions.denial.id).executeTakeFirstOrThrow());
    await caller.attributions.update({ id: moved.id, version: moved.version, sourceId: moved.sourceId, stance: 'reports', quote: moved.quote });
    await caller.stories.removeClaim({ storyId: d.s2.id, claimId: d.canonical.id });
    const before = await everything(db);
    const err = await expectTRPCError(caller.claims.unmerge({ mergeId }), 'CONFLICT');
    expect(err.message).toContain(`attribution #${moved.id} was edited`);
    expect(err.message).toContain(`claim #${d.canonical.id} was removed from story #${d.s2.id}`);
    expect(err.fieldErrors).toEqual({ mergeId: err.message });
    expect(await everything(db)).toEqual(before);
    await expectTRPCError(caller.claims.unmerge({ mergeId: 99 }), 'NOT_FOUND');
  });

  it('refuses to undo a merge whose canonical claim was merged in turn, until that later merge is undone', async () => {
    const { db, caller } = await freshCaller('ed', 'editor');
    const [d, c, e] = [await makeClaim(caller), await makeClaim(caller), await makeClaim(caller)];
    const before = await ledger(db);
    const first = await mergeOf(caller, d, c);
    const second = await mergeOf(caller, await caller.claims.get({ id: c.id }), e);
    // D's duplicate-of link now points straight at E (no chain).
    expect((await caller.claims.get({ id: d.id })).links).toEqual([expect.objectContaining({ kind: 'duplicate_of', direction: 'out', otherId: e.id })]);
    const err = await expectTRPCError(caller.claims.unmerge({ mergeId: first.mergeId }), 'CONFLICT');
    expect(err.message).toContain('may have been merged in turn');
    await caller.claims.unmerge({ mergeId: second.mergeId });
    await caller.claims.unmerge({ mergeId: first.mergeId });
    expect(await ledger(db)).toEqual(before);
  });
});
