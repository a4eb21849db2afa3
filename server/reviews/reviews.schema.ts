import { z } from 'zod';
import { id, version } from '../shared/fields';

/** The credibility scale of a verdict: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const verdictLevel = z
  .number({ error: 'Choose a verdict' })
  .int('Choose a verdict from 1 to 6')
  .min(1, 'Choose a verdict from 1 to 6')
  .max(6, 'Choose a verdict from 1 to 6');

export const RATIONALE_MAX = 10_000;

/** Shared by the review form and `reviews.create`. */
export const reviewFields = {
  verdict: verdictLevel,
  rationale: z
    .string()
    .trim()
    .min(1, 'Rationale is required: say why this verdict, so the desk can defend it')
    .max(RATIONALE_MAX, `Rationale can be ${RATIONALE_MAX} characters at most`),
};

export const createReviewInput = z.object({
  claimId: id,
  /** The claim's version as read: a claim edited meanwhile is a conflict. */
  claimVersion: version,
  /** The fingerprint of the evidence the editor saw (claims.assessment): changed evidence is a conflict. */
  evidenceFingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Reload the assessment before reviewing'),
  ...reviewFields,
});
export type CreateReviewInput = z.input<typeof createReviewInput>;

export const listReviewsInput = z.object({ claimId: id });

export const QUEUE_SORTS = ['attention', 'most_attributed', 'recent', 'disagreement'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const reviewQueueInput = z.object({
  storyId: id.nullish().transform((v) => v ?? null),
  sort: z.enum(QUEUE_SORTS).default('attention'),
  page: z.number().int().min(1).max(10_000).default(1),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ReviewQueueInput = z.input<typeof reviewQueueInput>;
