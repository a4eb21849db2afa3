import { describe, expect, it } from 'vitest';
import type { DB } from '~/db/client';
import { loadDemoStory } from '~/db/demo-story';
import { addUser, callerAs, freshDb } from '../helpers/db';
import {
  eventsWrittenBy,
  expectTRPCError,
  gradeSource,
  longText,
  makeAttribution,
  makeClaim,
  makeSource,
  makeStory,
  snapshot,
  type Caller,
} from '../helpers/fixtures';

async function desk() {
  const db = await freshDb();
  const editor = callerAs(db, await addUser(db, 'ed', 'editor', 'Ed Itor'));
  const checker = callerAs(db, await addUser(db, 'che', 'checker', 'Che Cker'));
  return { db, editor, checker };
}

/** Reviews `claimId` as read now (its version and the fingerprint of its evidence). */
async function review(caller: Caller, claimId: number, verdict: number, rationale = 'Checked against the evidence listed.') {
  const [claim, a] = await Promise.all([caller.claims.get({ id: claimId }), caller.claims.assessment({ id: claimId })]);
  return caller.reviews.create({ claimId, claimVersion: claim.version, evidenceFingerprint: a.fingerprint, verdict, rationale });
}

async function assertedClaim(caller: Caller, grade: 'A' | 'B' | 'E' = 'B') {
  const source = await gradeSource(caller, await makeSource(caller), grade);
  const claim = await makeClaim(caller);
  await makeAttribution(caller, { claimId: claim.id, sourceId: source.id });
  return { claim, source };
}

describe('reviews.create', () => {
  it('records the verdict, the rationale and the assessment as it was; the claim takes the verdict and is reviewed', async () => {
    const { db, editor } = await desk();
    const { claim } = await assertedClaim(editor);
    const before = await editor.claims.assessment({ id: claim.id });
    expect(before.suggestedLevel).toBe(3);
    const events = await eventsWrittenBy(db, () => review(editor, claim.id, 3));
    expect(events.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'review'],
      ['update', 'claim'],
    ]);
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ verdict: 3, status: 'reviewed', version: claim.version + 1 });
    const got = await editor.claims.get({ id: claim.id });
    expect(got).toMatchObject({ verdict: 3, status: 'reviewed' });
    const row = await db.selectFrom('review').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ claimId: claim.id, reviewerId: 'ed', verdict: 3, acceptedSuggestion: 1, evidenceFingerprint: before.fingerprint });
    expect(JSON.parse(row.assessmentJson)).toMatchObject({ suggestedLevel: 3, explanation: before.explanation });
    const [listed] = await editor.reviews.list({ claimId: claim.id });
    expect(listed).toMatchObject({ reviewerName: 'Ed Itor', verdict: 3, acceptedSuggestion: true, suggestedLevel: 3, evidenceChanged: false, disagreement: 0 });
    // The claim's history shows the review.
    expect((await editor.claims.history({ id: claim.id })).map((e) => e.entity)).toContain('review');
  });

  it('an override is stored as not accepting the suggestion, and the claim page shows the disagreement', async () => {
    const { editor } = await desk();
    const { claim } = await assertedClaim(editor);
    const r = await review(editor, claim.id, 5, 'The monitor retracted this on air.');
    expect(r.review).toMatchObject({ acceptedSuggestion: false, verdict: 5, suggestedLevel: 3, disagreement: 2 });
    expect(await editor.claims.assessment({ id: claim.id })).toMatchObject({
      latestReview: { verdict: 5, reviewerName: 'Ed Itor' },
      disagreement: 2,
      evidenceChanged: false,
    });
  });

  it('is for editors only: a checker is refused and nothing is written', async () => {
    const { db, editor, checker } = await desk();
    const { claim } = await assertedClaim(editor);
    const a = await checker.claims.assessment({ id: claim.id });
    const before = await snapshot(db);
    await expectTRPCError(
      checker.reviews.create({ claimId: claim.id, claimVersion: claim.version, evidenceFingerprint: a.fingerprint, verdict: 3, rationale: 'x' }),
      'FORBIDDEN',
    );
    expect(await snapshot(db)).toEqual(before);
    // A checker may read the reviews.
    expect(await checker.reviews.list({ claimId: claim.id })).toEqual([]);
  });

  it('stores a rationale with HTML verbatim (it is rendered as inert Markdown)', async () => {
    const { db, editor } = await desk();
    const { claim } = await assertedClaim(editor);
    const rationale = '**Confirmed** by two wires.\n\n<script>alert("x")</script><img src=x onerror=alert(1)>';
    await review(editor, claim.id, 2, rationale);
    expect((await db.selectFrom('review').select('rationale').executeTakeFirstOrThrow()).rationale).toBe(rationale);
    expect((await editor.reviews.list({ claimId: claim.id }))[0]!.rationale).toBe(rationale);
  });

  it('validates verdict and rationale, naming the field', async () => {
    const { editor } = await desk();
    const { claim } = await assertedClaim(editor);
    const a = await editor.claims.assessment({ id: claim.id });
    const base = { claimId: claim.id, claimVersion: claim.version, evidenceFingerprint: a.fingerprint };
    expect((await expectTRPCError(editor.reviews.create({ ...base, verdict: 7, rationale: 'why' }), 'BAD_REQUEST')).fieldErrors).toEqual({
      verdict: 'Choose a verdict from 1 to 6',
    });
    expect(Object.keys((await expectTRPCError(editor.reviews.create({ ...base, verdict: 2, rationale: '   ' }), 'BAD_REQUEST')).fieldErrors!)).toEqual([
      'rationale',
    ]);
    expect(
      (await expectTRPCError(editor.reviews.create({ ...base, verdict: 2, rationale: longText(10_001) }), 'BAD_REQUEST')).fieldErrors,
    ).toEqual({ rationale: 'Rationale can be 10000 characters at most' });
    await expectTRPCError(editor.reviews.create({ ...base, claimId: 999, verdict: 2, rationale: 'why' }), 'NOT_FOUND');
  });

  it('refuses a review of evidence that changed while the editor was reading it, or of a claim edited meanwhile', async () => {
    const { db, editor, checker } = await desk();
    const { claim, source } = await assertedClaim(editor);
    const seen = await editor.claims.assessment({ id: claim.id });
    await makeAttribution(checker, { claimId: claim.id, sourceId: source.id, stance: 'denies' });
    const before = await snapshot(db);
    const err = await expectTRPCError(
      editor.reviews.create({ claimId: claim.id, claimVersion: claim.version, evidenceFingerprint: seen.fingerprint, verdict: 2, rationale: 'why' }),
      'CONFLICT',
    );
    expect(err).toMatchObject({ reason: 'stale', fieldErrors: { evidenceFingerprint: expect.stringMatching(/evidence of this claim changed/) } });
    const edited = await checker.claims.update({ id: claim.id, version: claim.version, text: 'Reworded by a checker' });
    const fresh = await editor.claims.assessment({ id: claim.id });
    expect(
      (await expectTRPCError(editor.reviews.create({ claimId: claim.id, claimVersion: claim.version, evidenceFingerprint: fresh.fingerprint, verdict: 2, rationale: 'why' }), 'CONFLICT')).reason,
    ).toBe('stale');
    expect((await snapshot(db)).review).toEqual(before.review);
    await editor.reviews.create({ claimId: claim.id, claimVersion: edited.version, evidenceFingerprint: fresh.fingerprint, verdict: 4, rationale: 'why' });
  });

  it('detects evidence that changed after the review: an attribution, a grade, a linked claim', async () => {
    const { editor, checker } = await desk();
    const { claim, source } = await assertedClaim(editor);
    await review(editor, claim.id, 3);
    const fresh = async () => editor.claims.assessment({ id: claim.id });
    expect((await fresh()).evidenceChanged).toBe(false);

    const other = await makeClaim(checker);
    await makeAttribution(checker, { claimId: other.id, sourceId: (await makeSource(checker)).id });
    await checker.links.create({ fromClaimId: other.id, toClaimId: claim.id, kind: 'supports' });
    expect((await fresh()).evidenceChanged).toBe(true);
    expect((await editor.reviews.list({ claimId: claim.id }))[0]!.evidenceChanged).toBe(true);

    await review(editor, claim.id, 3);
    expect((await fresh()).evidenceChanged).toBe(false);
    await gradeSource(editor, await editor.sources.get({ id: source.id }), 'A');
    const regraded = await fresh();
    expect(regraded).toMatchObject({ evidenceChanged: true, suggestedLevel: 2, disagreement: 1 });
    // Older reviews stay as they were.
    expect((await editor.reviews.list({ claimId: claim.id })).map((r) => r.suggestedLevel)).toEqual([2, 3]);
  });

  it('a reviewed claim cannot be deleted: it is archived instead', async () => {
    const { editor } = await desk();
    const { claim } = await assertedClaim(editor);
    const { claim: reviewed } = await review(editor, claim.id, 3);
    const err = await expectTRPCError(editor.claims.delete({ id: claim.id, version: reviewed.version }), 'CONFLICT');
    expect(err.message).toMatch(/1 editor review; set its status to Archived/);
  });
});

describe('reviews.queue', () => {
  async function loaded() {
    const { db, editor, checker } = await desk();
    return { db, editor, checker };
  }
  const ids = async (editor: Caller, input: Parameters<Caller['reviews']['queue']>[0] = {}) =>
    (await editor.reviews.queue(input)).items.map((i) => [i.id, i.reasons]);

  it('lists never reviewed, changed since review and disagreeing claims, most urgent first', async () => {
    const { db, editor, checker } = await loaded();
    const quiet = await assertedClaim(editor); // reviewed, agreeing, unchanged: not in the queue
    const changed = await assertedClaim(editor); // reviewed, then new evidence
    const disputed = await assertedClaim(editor); // reviewed against the suggestion
    const busy = await assertedClaim(editor); // never reviewed, three attributions
    for (let i = 0; i < 2; i++) await makeAttribution(checker, { claimId: busy.claim.id, sourceId: (await makeSource(checker)).id });
    const lone = await makeClaim(checker); // never reviewed, no evidence
    await review(editor, quiet.claim.id, 3);
    await review(editor, changed.claim.id, 3);
    await review(editor, disputed.claim.id, 1);
    await makeAttribution(checker, { claimId: changed.claim.id, sourceId: changed.source.id, stance: 'reports' });
    const archived = await makeClaim(checker, { status: 'archived' });

    const queue = await editor.reviews.queue({});
    expect(queue.items.map((i) => [i.id, i.reasons])).toEqual([
      [disputed.claim.id, ['disagrees']],
      [changed.claim.id, ['evidence_changed']],
      [busy.claim.id, ['never_reviewed']],
      [lone.id, ['never_reviewed']],
    ]);
    expect(queue).toMatchObject({ total: 4, page: 1, pages: 1 });
    expect(queue.items[0]).toMatchObject({ verdict: 1, suggestedLevel: 3, disagreement: 2, latestReview: { reviewerName: 'Ed Itor' } });
    expect(queue.items.map((i) => i.id)).not.toContain(archived.id);

    // The same claims by most attributions, and by recent activity.
    expect((await ids(editor, { sort: 'most_attributed' }))[0]).toEqual([busy.claim.id, ['never_reviewed']]);
    await db.updateTable('claim').set({ updatedAt: '2099-01-01T00:00:00.000Z' }).where('id', '=', lone.id).execute();
    expect((await ids(editor, { sort: 'recent' }))[0]).toEqual([lone.id, ['never_reviewed']]);
  });

  it('filters by story and pages', async () => {
    const { editor, checker } = await loaded();
    const story = await makeStory(checker);
    const inStory = [];
    for (let i = 0; i < 3; i++) inStory.push((await makeClaim(checker, { storyId: story.id })).id);
    await makeClaim(checker);
    const first = await editor.reviews.queue({ storyId: story.id, limit: 2 });
    const second = await editor.reviews.queue({ storyId: story.id, limit: 2, page: 2 });
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual(inStory.sort());
    expect(first).toMatchObject({ total: 3, pages: 2 });
    expect((await editor.reviews.queue({})).total).toBe(4);
  });

  it('is for editors only', async () => {
    const { checker } = await loaded();
    await expectTRPCError(checker.reviews.queue({}), 'FORBIDDEN');
  });

  it('the reference story: every claim waits for its first review, the departure claim among the most attributed', async () => {
    const db: DB = await freshDb();
    const editor = callerAs(db, await addUser(db, 'ed', 'editor'));
    await loadDemoStory(db, { grader: 'ed' });
    const queue = await editor.reviews.queue({ sort: 'most_attributed' });
    expect(queue.total).toBe(10);
    expect(queue.items.slice(0, 2).map((i) => i.text).sort()).toEqual([
      'Bashar al-Assad has left Syria.',
      'Opposition forces entered Damascus on 8 December 2024.',
    ]);
    expect(queue.items.find((i) => i.text === 'Bashar al-Assad has left Syria.')).toMatchObject({ suggestedLevel: 2, reasons: ['never_reviewed'] });
  });
});

describe('the editors’ dashboard and the sources’ track record', () => {
  it('counts claims by verdict and status, the week’s reviews, sources by grade, and the most contradicted claims', async () => {
    const db: DB = await freshDb();
    const editor = callerAs(db, await addUser(db, 'ed', 'editor'));
    await loadDemoStory(db, { grader: 'ed' });
    const left = (await db.selectFrom('claim').select('id').where('text', '=', 'Bashar al-Assad has left Syria.').executeTakeFirstOrThrow()).id;
    await review(editor, left, 2);
    const d = await editor.reviews.dashboard();
    expect(d.byVerdict).toEqual([
      { key: 1, n: 0 },
      { key: 2, n: 1 },
      { key: 3, n: 0 },
      { key: 4, n: 0 },
      { key: 5, n: 0 },
      { key: 6, n: 0 },
      { key: null, n: 9 },
    ]);
    expect(d.byStatus).toEqual([
      { key: 'open', n: 9 },
      { key: 'ready_for_review', n: 0 },
      { key: 'reviewed', n: 1 },
      { key: 'archived', n: 0 },
    ]);
    expect(d.reviewedThisWeek).toMatchObject({ reviews: 1, claims: 1 });
    expect(d.sourcesByGrade.filter((g) => g.n > 0)).toEqual([
      { key: 'B', n: 1 },
      { key: 'D', n: 1 },
      { key: 'E', n: 1 },
      { key: 'F', n: 9 },
    ]);
    expect(d.mostContradicted.map((c) => [c.text, c.contradictions])).toEqual([
      ['Bashar al-Assad is still in Syria.', 1],
      ['Bashar al-Assad has left Syria.', 1],
    ]);
    await expectTRPCError(callerAs(db, await addUser(db, 'c', 'checker')).reviews.dashboard(), 'FORBIDDEN');
  });

  it('a source’s track record: its asserted and denied claims against editors’ verdicts', async () => {
    const { editor } = await desk();
    const source = await makeSource(editor, { name: 'Syrian government', kind: 'government_body' });
    const claims = [];
    for (let i = 0; i < 4; i++) claims.push(await makeClaim(editor));
    for (const c of claims.slice(0, 3)) await makeAttribution(editor, { claimId: c.id, sourceId: source.id, stance: 'asserts' });
    await makeAttribution(editor, { claimId: claims[3]!.id, sourceId: source.id, stance: 'denies' });
    await review(editor, claims[0]!.id, 5); // asserted, improbable: refuted
    await review(editor, claims[1]!.id, 3); // asserted, possibly true: undecided
    await review(editor, claims[3]!.id, 1); // denied, confirmed: refuted
    const { trackRecord } = await editor.sources.get({ id: source.id });
    expect(trackRecord).toEqual({
      asserted: { confirmed: 0, refuted: 1, undecided: 1, notReviewed: 1 },
      denied: { confirmed: 0, refuted: 1, undecided: 0, notReviewed: 0 },
    });
  });
});
