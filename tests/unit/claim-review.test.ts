import { describe, expect, it } from 'vitest';
import { appearancesOf, claimReviewFeed, claimReviewOf, jsonForScript, ratingOf, type PublishableClaim } from '~/server/publish/claim-review';
import { claimReviewDocument, claimReviewFeedSchema } from '../helpers/claim-review-schema';

const desk = { name: 'Verification Desk', baseUrl: 'https://desk.example/' };

const claim = (o: Partial<PublishableClaim> = {}): PublishableClaim => ({
  id: 7,
  text: 'Bashar al-Assad has left Syria.',
  review: { verdict: 2, rationale: 'Two independent lines.', reviewerName: 'Ed Itor', createdAt: '2024-12-08T10:00:00.000Z' },
  assertedBy: [
    { name: 'Rami Abdurrahman', kind: 'person' },
    { name: 'Syrian Observatory for Human Rights', kind: 'ngo', homepage: 'https://syriahr.com' },
  ],
  documents: [
    { url: 'https://news.example/b', archiveUrl: 'https://web.archive.org/web/2/https://news.example/b', publishedAt: '2024-12-08T06:00:00Z', title: 'B' },
    { url: 'https://news.example/a', archiveUrl: 'https://archive.ph/a', publishedAt: '2024-12-08T03:00:00Z', title: 'A' },
    { url: 'https://news.example/undated', archiveUrl: null, publishedAt: null },
  ],
  ...o,
});

describe('the verdict as a schema.org Rating (DESIGN.md §2)', () => {
  it('level 1 (confirmed) is 5, the best; level 5 (improbable) is 1, the worst; each with its words', () => {
    expect(ratingOf(1)).toEqual({ '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'Confirmed' });
    expect(ratingOf(5)).toEqual({ '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Improbable' });
  });

  it('maps every level 1–5 to 6 − level, always stating bestRating 5 > worstRating 1', () => {
    for (const level of [1, 2, 3, 4, 5]) {
      const r = ratingOf(level) as { ratingValue: number; bestRating: number; worstRating: number };
      expect(r.ratingValue).toBe(6 - level);
      expect(r.bestRating).toBe(5);
      expect(r.worstRating).toBe(1);
      expect(r.bestRating).toBeGreaterThan(r.worstRating);
    }
    expect([2, 3, 4].map((l) => ratingOf(l).alternateName)).toEqual(['Probably true', 'Possibly true', 'Doubtful']);
  });

  it('level 6 (cannot be judged) goes out as alternateName alone: no ratingValue, no scale', () => {
    expect(ratingOf(6)).toEqual({ '@type': 'Rating', alternateName: 'Cannot be judged' });
    const json = claimReviewOf(claim({ review: { ...claim().review, verdict: 6 } }), desk);
    expect(json.reviewRating).not.toHaveProperty('ratingValue');
    expect(claimReviewDocument.safeParse(json).success).toBe(true);
  });

  it('refuses a level off the scale', () => {
    for (const bad of [0, 7, 2.5, Number.NaN]) expect(() => ratingOf(bad)).toThrow(RangeError);
  });
});

describe('claimReviewOf', () => {
  const json = claimReviewOf(claim(), desk) as Record<string, any>;

  it('states the claim, the review url on the public page, the date and the authors of the review', () => {
    expect(json['@context']).toBe('https://schema.org');
    expect(json['@type']).toBe('ClaimReview');
    expect(json.claimReviewed).toBe('Bashar al-Assad has left Syria.');
    expect(json.url).toBe('https://desk.example/published/claims/7');
    expect(json.datePublished).toBe('2024-12-08T10:00:00.000Z');
    expect(json.author).toEqual([
      { '@type': 'Organization', name: 'Verification Desk', url: 'https://desk.example' },
      { '@type': 'Person', name: 'Ed Itor' },
    ]);
  });

  it("makes the asserting sources the claim's author, a person as Person and any other kind as Organization", () => {
    expect(json.itemReviewed['@type']).toBe('Claim');
    expect(json.itemReviewed.author).toEqual([
      { '@type': 'Person', name: 'Rami Abdurrahman' },
      { '@type': 'Organization', name: 'Syrian Observatory for Human Rights', url: 'https://syriahr.com' },
    ]);
  });

  it('lists the original URLs as appearances, never the archive URLs', () => {
    const urls = json.itemReviewed.appearance.map((a: { url: string }) => a.url);
    expect(urls.sort()).toEqual(['https://news.example/a', 'https://news.example/b', 'https://news.example/undated']);
    expect(JSON.stringify(json.itemReviewed)).not.toMatch(/archive\.ph|web\.archive\.org/);
    for (const a of json.itemReviewed.appearance) expect(a['@type']).toBe('CreativeWork');
  });

  it('takes the earliest published document as firstAppearance (undated ones cannot be first)', () => {
    expect(json.itemReviewed.firstAppearance).toEqual({ '@type': 'CreativeWork', url: 'https://news.example/a', headline: 'A', datePublished: '2024-12-08T03:00:00Z' });
    const undatedOnly = claimReviewOf(claim({ documents: [{ url: 'https://x.example/1', archiveUrl: null, publishedAt: null }] }), desk);
    expect(undatedOnly.itemReviewed).not.toHaveProperty('firstAppearance');
  });

  it('lists a document attributed twice once, and omits author/appearance when there are none', () => {
    const twice = claim().documents[0]!;
    expect(appearancesOf([twice, twice]).length).toBe(1);
    const bare = claimReviewOf(claim({ assertedBy: [], documents: [] }), desk) as Record<string, any>;
    expect(bare.itemReviewed).toEqual({ '@type': 'Claim' });
    expect(bare.reviewRating.ratingValue).toBe(4);
  });

  it('without a reviewer name, the desk alone is the author', () => {
    const j = claimReviewOf(claim({ review: { ...claim().review, reviewerName: null } }), desk);
    expect(j.author).toEqual({ '@type': 'Organization', name: 'Verification Desk', url: 'https://desk.example' });
  });

  it('passes the ClaimReview schema, alone and in the feed', () => {
    expect(claimReviewDocument.parse(json)).toBeTruthy();
    const feed = claimReviewFeed([claimReviewOf(claim(), desk), claimReviewOf(claim({ id: 8 }), desk)], desk);
    expect(claimReviewFeedSchema.parse(feed).itemListElement.map((e) => e.position)).toEqual([1, 2]);
    expect(feed.itemListElement).toHaveLength(2);
  });
});

describe('jsonForScript', () => {
  it('escapes <, > and & so stored text cannot close the script element, and parses back to the same value', () => {
    const value = { text: '</script><script>alert(1)</script> & <!-- \u2028' };
    const s = jsonForScript(value);
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(s.toLowerCase()).not.toContain('</script');
    expect(JSON.parse(s)).toEqual(value);
  });
});
