import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadDemoStory } from '~/db/demo-story';
import { exportClaims, claimsCsv } from '~/server/export/export.service';
import { jsonForScript } from '~/server/publish/claim-review';
import { publishedClaim, publishedFeed } from '~/server/publish/publish.service';
import { addUser, callerAs, freshDb } from '../helpers/db';
import { claimReviewDocument, claimReviewFeedSchema, googleStructuredDataTest } from '../helpers/claim-review-schema';
import { makeAttribution, makeClaim, makeDocument, makeSource, makeStory, type Caller } from '../helpers/fixtures';

const desk = { name: 'Test Desk', baseUrl: 'https://desk.example' };

async function review(caller: Caller, claimId: number, verdict: number, rationale = 'Checked against the evidence listed.') {
  const [claim, a] = await Promise.all([caller.claims.get({ id: claimId }), caller.claims.assessment({ id: claimId })]);
  return caller.reviews.create({ claimId, claimVersion: claim.version, evidenceFingerprint: a.fingerprint, verdict, rationale });
}

async function desk2() {
  const db = await freshDb();
  const editor = callerAs(db, await addUser(db, 'ed', 'editor', 'Ed Itor'));
  return { db, editor };
}

const page = (json: string) => `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body></body></html>`;

describe('publishing reviewed claims', () => {
  it('publishes only reviewed claims, with the latest verdict; unknown and unreviewed claims are not published', async () => {
    const { db, editor } = await desk2();
    const reviewed = await makeClaim(editor);
    const unreviewed = await makeClaim(editor);
    await review(editor, reviewed.id, 4);
    await review(editor, reviewed.id, 2, 'A second, independent origin turned up.');
    expect(await publishedClaim(db, desk, unreviewed.id)).toBeNull();
    expect(await publishedClaim(db, desk, 999_999)).toBeNull();
    const got = (await publishedClaim(db, desk, reviewed.id))!;
    expect(got.review).toMatchObject({ verdict: 2, rationale: 'A second, independent origin turned up.', reviewerName: 'Ed Itor' });
    expect(got.claimReview.reviewRating).toMatchObject({ ratingValue: 4, alternateName: 'Probably true' });
    const feed = await publishedFeed(db, desk);
    expect(feed.itemListElement).toHaveLength(1);
  });

  it('gives every item of the reference story feed valid ClaimReview JSON-LD (zod schema and the structured-data validator)', async () => {
    const { db, editor } = await desk2();
    await loadDemoStory(db);
    const claims = await editor.claims.list({ sort: 'oldest', limit: 100 });
    const levels = [1, 2, 3, 4, 5, 6];
    for (const [i, c] of claims.items.entries()) await review(editor, c.id, levels[i % 6]!);
    const feed = await publishedFeed(db, desk);
    const parsed = claimReviewFeedSchema.parse(feed);
    expect(parsed.itemListElement.length).toBe(claims.items.length);
    expect(parsed.numberOfItems).toBe(claims.items.length);
    // The reference story's claims have sources and documents: item authors and appearances are there.
    expect(parsed.itemListElement.some((e) => e.item.itemReviewed.appearance?.length)).toBe(true);
    expect(parsed.itemListElement.some((e) => e.item.itemReviewed.author)).toBe(true);
    for (const { item } of parsed.itemListElement) {
      const one = (await publishedClaim(db, desk, Number(item.url.split('/').at(-1))))!;
      expect(claimReviewDocument.parse(one.claimReview)).toBeTruthy();
      const result = await googleStructuredDataTest(page(jsonForScript(one.claimReview)));
      expect(result.failed, `Google preset on claim ${one.id}`).toEqual([]);
      // Required and recommended properties both present: no warnings either.
      expect(result.warnings).toEqual([]);
      expect(result.passed).toEqual(expect.arrayContaining(['ClaimReview[0].url', 'ClaimReview[0].reviewRating', 'ClaimReview[0].claimReviewed']));
    }
  });

  it('the validator does fail a ClaimReview missing required properties (the check is real)', async () => {
    const result = await googleStructuredDataTest(page(JSON.stringify({ '@context': 'https://schema.org', '@type': 'ClaimReview', claimReviewed: 'x' })));
    expect(result.failed).toEqual(expect.arrayContaining(['ClaimReview[0].url', 'ClaimReview[0].reviewRating']));
  });

  it('a claim whose text closes the script element stays inside the JSON-LD', async () => {
    const { db, editor } = await desk2();
    const evil = 'He said </script><script>alert(1)</script> & <!-- left';
    const c = await makeClaim(editor, { text: evil });
    await review(editor, c.id, 3, '</script><img src=x onerror=alert(2)>');
    const got = (await publishedClaim(db, desk, c.id))!;
    const embedded = jsonForScript(got.claimReview);
    const html = page(embedded);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(JSON.parse(embedded).claimReviewed).toBe(evil);
  });
});

describe('export of claims', () => {
  async function ledger() {
    const { db, editor } = await desk2();
    const story = await makeStory(editor, { title: 'Export story' });
    const agency = await makeSource(editor, { name: 'Agency, "Wire"', kind: 'wire_agency' });
    const person = await makeSource(editor, { name: '=HYPERLINK("x")', kind: 'person' });
    const doc = await makeDocument(editor, { url: 'https://news.example/one', title: 'Line one\nline two', archiveUrl: 'https://archive.ph/one' });
    const a = await makeClaim(editor, { text: 'Claim, with "quotes" and a comma', storyId: story.id });
    await makeAttribution(editor, { claimId: a.id, sourceId: agency.id, documentId: doc.id, quote: 'said "so"' });
    await makeAttribution(editor, { claimId: a.id, sourceId: person.id, stance: 'denies' });
    await review(editor, a.id, 2);
    const b = await makeClaim(editor, { text: 'A claim with no attribution', storyId: story.id });
    const other = await makeClaim(editor, { text: 'A claim of no story' });
    return { db, editor, story, a, b, other, doc };
  }

  it('JSON: claims with their stories, attributions and reviews; filters by story and status like the list', async () => {
    const { db, story, a, b, other } = await ledger();
    const all = await exportClaims(db, { story: null, status: null });
    expect(all.map((c) => c.id)).toEqual([a.id, b.id, other.id]);
    const first = all[0]!;
    expect(first).toMatchObject({ verdict: 2, verdictLabel: 'Probably true', status: 'reviewed', stories: [{ title: 'Export story' }] });
    expect(first.attributions.map((x) => [x.sourceName, x.stance])).toEqual([
      ['Agency, "Wire"', 'asserts'],
      ['=HYPERLINK("x")', 'denies'],
    ]);
    expect(first.attributions[0]).toMatchObject({ documentUrl: 'https://news.example/one', documentArchiveUrl: 'https://archive.ph/one' });
    expect(first.reviews).toEqual([expect.objectContaining({ verdict: 2, reviewerName: 'Ed Itor', rationale: 'Checked against the evidence listed.' })]);
    expect((await exportClaims(db, { story: story.id, status: null })).map((c) => c.id)).toEqual([a.id, b.id]);
    expect((await exportClaims(db, { story: story.id, status: 'reviewed' })).map((c) => c.id)).toEqual([a.id]);
    expect((await exportClaims(db, { story: null, status: 'open' })).map((c) => c.id)).toEqual([b.id, other.id]);
  });

  it('CSV: one row per attribution with the verdict, properly quoted, formulas defused, claims without attributions kept', async () => {
    const { db, a, b } = await ledger();
    const csv = claimsCsv(await exportClaims(db, { story: null, status: null }));
    expect(csv.startsWith('\ufeffclaim_id,claim_text,')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.claim_id === String(a.id)).map((r) => [r.claim_text, r.verdict, r.verdict_label, r.source, r.stance])).toEqual([
      ['Claim, with "quotes" and a comma', '2', 'Probably true', 'Agency, "Wire"', 'asserts'],
      ['Claim, with "quotes" and a comma', '2', 'Probably true', `'=HYPERLINK("x")`, 'denies'],
    ]);
    expect(rows[0]).toMatchObject({ quote: 'said "so"', document_title: 'Line one\nline two', archive_url: 'https://archive.ph/one', reviewer: 'Ed Itor' });
    expect(rows.find((r) => r.claim_id === String(b.id))).toMatchObject({ source: '', attribution_id: '', verdict: '' });
  });
});
