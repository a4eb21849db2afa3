import { z } from 'zod';
import { CLAIM_STATUSES } from '~/db/schema';

/** The export's filters, as query parameters named like the claims list's (`story`, `status`). */
export const exportFilterInput = z.object({
  story: z.coerce.number().int().positive().nullish().transform((v) => v ?? null),
  status: z.enum(CLAIM_STATUSES).nullish().transform((v) => v ?? null),
});
export type ExportFilter = z.output<typeof exportFilterInput>;

/** Reads the filters from a URL's search parameters (empty ones are no filter). */
export const exportFilterFrom = (params: URLSearchParams) =>
  exportFilterInput.safeParse({ story: params.get('story') || null, status: params.get('status') || null });
