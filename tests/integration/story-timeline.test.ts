import { describe, expect, it } from 'vitest';
import { freshCaller } from '../helpers/db';
import { expectTRPCError, makeAttribution, makeClaim, makeDocument, makeSource, makeStory } from '../helpers/fixtures';

describe('stories.timeline', () => {
  it('lists attributions by publication date (else when logged) and reviews, oldest first', async () => {
    const { db, user, caller } = await freshCaller();
    const story = await makeStory(caller, { title: 'Fall of Damascus' });
    const elsewhere = await makeStory(caller, { title: 'Elsewhere' });
    const left = await makeClaim(caller, { text: 'Bashar al-Assad has left Syria.', storyId: story.id });
    const other = await makeClaim(caller, { text: 'Not in this story.', storyId: elsewhere.id });
    const sohr = await makeSource(caller, { name: 'SOHR', kind: 'ngo' });
    const gov = await makeSource(caller, { name: 'Syrian government', kind: 'government_body' });
    const agencies = await makeSource(caller, { name: 'News agencies', kind: 'wire_agency' });
    const early = await makeDocument(caller, { title: 'Assad flies out', publishedAt: '2024-12-08' });
    const later = await makeDocument(caller, { title: 'Damascus denies', publishedAt: '2024-12-09' });
    // Logged in the opposite order to publication: the timeline follows publication.
    const denial = await makeAttribution(caller, { claimId: left.id, sourceId: gov.id, stance: 'denies', documentId: later.id });
    const assertion = await makeAttribution(caller, { claimId: left.id, sourceId: sohr.id, stance: 'asserts', documentId: early.id, viaSourceId: agencies.id });
    const undated = await makeAttribution(caller, { claimId: left.id, sourceId: sohr.id, stance: 'reports' });
    await makeAttribution(caller, { claimId: other.id, sourceId: sohr.id });
    const { id: reviewId } = await db
      .insertInto('review')
      .values({ claimId: left.id, reviewerId: user.id, verdict: 3, rationale: 'One line.', acceptedSuggestion: 1, assessmentJson: '{}', evidenceFingerprint: 'x', createdAt: '2024-12-09T12:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();

    const { events, truncated } = await caller.stories.timeline({ id: story.id });
    expect(truncated).toBe(false);
    expect(events.map((e) => `${e.type}:${e.id}`)).toEqual([
      `attribution:${assertion.id}`,
      `attribution:${denial.id}`,
      `review:${reviewId}`,
      `attribution:${undated.id}`, // logged today, published on no known date
    ]);
    expect(events[0]).toMatchObject({ at: '2024-12-08', dated: 'published', sourceName: 'SOHR', viaSourceName: 'News agencies', stance: 'asserts', claimText: left.text, documentTitle: 'Assad flies out' });
    expect(events[1]).toMatchObject({ stance: 'denies', sourceName: 'Syrian government' });
    expect(events[2]).toMatchObject({ type: 'review', verdict: 3, reviewerName: user.name, dated: 'reviewed' });
    expect(events[3]).toMatchObject({ dated: 'logged' });
  });

  it('answers NOT_FOUND for an unknown story', async () => {
    const { caller } = await freshCaller();
    await expectTRPCError(caller.stories.timeline({ id: 99 }), 'NOT_FOUND');
  });
});
