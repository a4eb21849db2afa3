import { z } from 'zod';
import { LINK_KINDS } from '~/db/schema';
import { id, optionalText, version } from '../shared/fields';

export const createLinkInput = z.object({
  fromClaimId: id,
  toClaimId: id,
  kind: z.enum(LINK_KINDS, 'Choose how the claims relate'),
  note: optionalText('Note', 4000),
});
export type CreateLinkInput = z.input<typeof createLinkInput>;

export const updateLinkInput = z.object({ id, version, note: optionalText('Note', 4000) });
