import { z } from 'zod';
import { CLAIM_STATUSES, STANCES } from '~/db/schema';
import { cursor, id, optionalDate, optionalId, optionalText, pageSize, text, version } from '../shared/fields';

export const claimFields = {
  text: text('Claim text', 3, 1000),
  contextNote: optionalText('Context note', 4000),
  eventDate: optionalDate,
  status: z.enum(CLAIM_STATUSES).default('open'),
};

export const createClaimInput = z.object({ ...claimFields, storyId: optionalId });
export type CreateClaimInput = z.input<typeof createClaimInput>;

export const updateClaimInput = z.object({ id, version, ...claimFields, storyIds: z.array(id).max(50).optional() });
export type UpdateClaimInput = z.input<typeof updateClaimInput>;

export const deleteInput = z.object({ id, version });

export const CLAIM_SORTS = ['newest', 'oldest', 'most_attributed'] as const;

export const listClaimsInput = z.object({
  q: z.string().trim().max(200).optional(),
  storyId: optionalId,
  status: z.enum(CLAIM_STATUSES).nullish(),
  sourceId: optionalId,
  stance: z.enum(STANCES).nullish(),
  sort: z.enum(CLAIM_SORTS).default('newest'),
  limit: pageSize,
  cursor,
});
export type ListClaimsInput = z.input<typeof listClaimsInput>;

export const suggestClaimsInput = z.object({
  q: z.string().trim().max(200),
  excludeId: optionalId,
  limit: z.number().int().min(1).max(20).default(8),
});
