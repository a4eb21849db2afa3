import { structuredDataTest, type StructuredDataResult } from 'structured-data-testing-tool';
import { Google } from 'structured-data-testing-tool/presets';
import { z } from 'zod';

// ClaimReview as Google's fact-check structured-data documentation states it
// (developers.google.com/search/docs/appearance/structured-data/factcheck), written out because
// the npm validator (structured-data-testing-tool) only checks that the top-level properties are
// present. Required: claimReviewed, reviewRating (alternateName; ratingValue, bestRating and
// worstRating when numeric, best > worst, value between them), url, author. Recommended:
// itemReviewed (a Claim with author, appearance, firstAppearance) and datePublished; they are
// required here too, because every review we publish has them.

const httpUrl = z.url({ protocol: /^https?$/ });
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());
const named = z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string().min(1), url: httpUrl.optional() });
const creativeWork = z.object({ '@type': z.literal('CreativeWork'), url: httpUrl, datePublished: isoDate.optional(), headline: z.string().optional() });

const rating = z
  .object({
    '@type': z.literal('Rating'),
    alternateName: z.string().min(1),
    ratingValue: z.number().optional(),
    bestRating: z.number().optional(),
    worstRating: z.number().optional(),
  })
  .strict()
  .refine(
    (r) =>
      r.ratingValue === undefined
        ? r.bestRating === undefined && r.worstRating === undefined
        : r.bestRating !== undefined && r.worstRating !== undefined && r.bestRating > r.worstRating && r.ratingValue >= r.worstRating && r.ratingValue <= r.bestRating,
    'a numeric rating states bestRating > worstRating and a ratingValue between them',
  );

export const claimReviewItem = z.object({
  '@type': z.literal('ClaimReview'),
  url: httpUrl,
  claimReviewed: z.string().min(1),
  reviewRating: rating,
  author: named.or(z.array(named).min(1)),
  datePublished: isoDate,
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: named.or(z.array(named).min(1)).optional(),
    appearance: z.array(creativeWork).min(1).optional(),
    firstAppearance: creativeWork.optional(),
  }),
});

export const claimReviewDocument = claimReviewItem.extend({ '@context': z.literal('https://schema.org') });

export const claimReviewFeedSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ItemList'),
  numberOfItems: z.number().int(),
  itemListElement: z.array(z.object({ '@type': z.literal('ListItem'), position: z.number().int().positive(), item: claimReviewItem })),
});

/**
 * Runs structured-data-testing-tool's Google preset (offline: it is given the HTML, it fetches
 * nothing) on a page embedding `jsonLd`; resolves with the failed tests and the warnings.
 */
export async function googleStructuredDataTest(html: string) {
  try {
    const r = await structuredDataTest(html, { presets: [Google], schemas: ['ClaimReview'] });
    return { passed: r.passed.map((t) => t.test), failed: r.failed.map((t) => t.test), warnings: r.warnings.map((t) => t.test) };
  } catch (e) {
    const r = (e as { res?: StructuredDataResult }).res;
    if (!r) throw e;
    return { passed: r.passed.map((t) => t.test), failed: r.failed.map((t) => t.test), warnings: r.warnings.map((t) => t.test) };
  }
}
