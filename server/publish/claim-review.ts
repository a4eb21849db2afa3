import type { ClaimReview, CreativeWork, ItemList, Organization, Person, WithContext } from 'schema-dts';
import type { SourceKind } from '~/db/schema';
import { VERDICT_LABEL } from '../shared/enums';

// From a reviewed claim to schema.org ClaimReview JSON-LD (DESIGN.md §2, "Scales"). Pure: no
// database, no clock, no environment; the base URL and the desk come in as arguments.

export type VerdictLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface PublishableClaim {
  id: number;
  text: string;
  /** The claim's latest review. */
  review: { verdict: number; rationale: string; reviewerName: string | null; createdAt: string };
  /** The sources asserting the claim: the claim's author(s). */
  assertedBy: { name: string; kind: SourceKind; homepage?: string | null }[];
  /** The documents the claim was attributed in (any stance). */
  documents: { url: string; archiveUrl: string | null; publishedAt: string | null; title?: string | null }[];
}

export interface Desk {
  name: string;
  /** The public address of the app, e.g. https://factcheck.example.org (no trailing slash needed). */
  baseUrl: string;
}

export const BEST_RATING = 5;
export const WORST_RATING = 1;

const isLevel = (n: number): n is VerdictLevel => Number.isInteger(n) && n >= 1 && n <= 6;

/**
 * The verdict as a schema.org Rating, whose numbers run from worst to best: ratingValue = 6 − level
 * for levels 1–5 (confirmed → 5, improbable → 1), always with bestRating 5 and worstRating 1 and
 * the level's words as alternateName. Level 6 (cannot be judged) is not a point on the scale: it
 * goes out as alternateName alone.
 */
export function ratingOf(level: number) {
  if (!isLevel(level)) throw new RangeError(`A verdict is a level from 1 to 6, not ${level}`);
  const alternateName = VERDICT_LABEL[level];
  if (level === 6) return { '@type': 'Rating' as const, alternateName };
  return { '@type': 'Rating' as const, ratingValue: 6 - level, bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName };
}

/** A source as schema.org author: a person is a Person; every other kind speaks as an Organization. */
export function sourceAsAuthor(s: PublishableClaim['assertedBy'][number]): Person | Organization {
  const base = { name: s.name, ...(s.homepage ? { url: s.homepage } : {}) };
  return s.kind === 'person' ? { '@type': 'Person', ...base } : { '@type': 'Organization', ...base };
}

/** The public page of a published claim. */
export const publicClaimUrl = (baseUrl: string, claimId: number) => `${baseUrl.replace(/\/+$/, '')}/published/claims/${claimId}`;

/**
 * Where the claim appeared: the original URL of each document it was attributed in, once each
 * (archive URLs apart: they are copies, not appearances), oldest first; undated ones last.
 */
export function appearancesOf(documents: PublishableClaim['documents']) {
  const byUrl = new Map<string, PublishableClaim['documents'][number]>();
  for (const d of documents) {
    const seen = byUrl.get(d.url);
    // The same URL twice: keep the dated one (or the earlier date).
    if (!seen || (d.publishedAt && (!seen.publishedAt || d.publishedAt < seen.publishedAt))) byUrl.set(d.url, d);
  }
  return [...byUrl.values()].sort((a, b) =>
    a.publishedAt === b.publishedAt ? (a.url < b.url ? -1 : 1) : !a.publishedAt ? 1 : !b.publishedAt ? -1 : a.publishedAt < b.publishedAt ? -1 : 1,
  );
}

function creativeWork(d: PublishableClaim['documents'][number]): CreativeWork {
  return {
    '@type': 'CreativeWork',
    url: d.url,
    ...(d.title ? { headline: d.title } : {}),
    ...(d.publishedAt ? { datePublished: d.publishedAt } : {}),
  };
}

/** One reviewed claim as ClaimReview JSON-LD. */
export function claimReviewOf(claim: PublishableClaim, desk: Desk): WithContext<ClaimReview> {
  const appearances = appearancesOf(claim.documents);
  const first = appearances.find((d) => d.publishedAt);
  const authors = dedupe(claim.assertedBy, (s) => `${s.kind === 'person'}:${s.name}`).map(sourceAsAuthor);
  const deskOrg: Organization = { '@type': 'Organization', name: desk.name, url: desk.baseUrl.replace(/\/+$/, '') || undefined };
  const reviewer: Person | null = claim.review.reviewerName ? { '@type': 'Person', name: claim.review.reviewerName } : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: publicClaimUrl(desk.baseUrl, claim.id),
    claimReviewed: claim.text,
    reviewRating: ratingOf(claim.review.verdict),
    reviewBody: claim.review.rationale,
    itemReviewed: {
      '@type': 'Claim',
      ...(authors.length === 1 ? { author: authors[0] } : authors.length > 1 ? { author: authors } : {}),
      ...(appearances.length ? { appearance: appearances.map(creativeWork) } : {}),
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
    },
    author: reviewer ? [deskOrg, reviewer] : deskOrg,
    publisher: deskOrg,
    datePublished: claim.review.createdAt,
  };
}

/** Every published claim of the desk, as one ItemList of ClaimReviews (each without its own @context). */
export function claimReviewFeed(reviews: WithContext<ClaimReview>[], desk: Desk): WithContext<ItemList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: `${desk.name}: claim reviews`,
    numberOfItems: reviews.length,
    itemListElement: reviews.map((r, i) => {
      const { '@context': _, ...item } = r as WithContext<ClaimReview> & Record<string, unknown>;
      return { '@type': 'ListItem', position: i + 1, item: item as ClaimReview };
    }),
  };
}

function dedupe<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as
 * \u003c, \u003e and \u0026 (JSON readers decode them back), so no stored text can close the
 * script or open a comment; U+2028/U+2029 are escaped too for older JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
