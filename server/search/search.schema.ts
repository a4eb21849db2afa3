import { z } from 'zod';
import { CLAIM_STATUSES, STANCES } from '~/db/schema';
import { optionalDate, optionalId } from '../shared/fields';

/** What the one search box reaches. */
export const SEARCH_KINDS = ['claim', 'source', 'document', 'quote'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchInput = z
  .object({
    q: z.string().trim().max(200, 'Search text can be 200 characters at most'),
    kind: z.enum(SEARCH_KINDS).nullish().transform((v) => v ?? null),
    storyId: optionalId,
    status: z.enum(CLAIM_STATUSES).nullish().transform((v) => v ?? null),
    verdict: z.number().int().min(1).max(6).nullish().transform((v) => v ?? null),
    sourceId: optionalId,
    stance: z.enum(STANCES).nullish().transform((v) => v ?? null),
    from: optionalDate,
    to: optionalDate,
    /** Results per kind. */
    limit: z.number().int().min(1).max(50).default(8),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'The end date is before the start date' });
export type SearchInput = z.input<typeof searchInput>;
export type SearchFilters = Omit<z.output<typeof searchInput>, 'q' | 'kind' | 'limit'>;

export const similarClaimsInput = z.object({
  text: z.string().trim().max(1000, 'Claim text can be 1000 characters at most'),
  excludeId: optionalId,
  limit: z.number().int().min(1).max(10).default(5),
});
