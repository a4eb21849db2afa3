import { z } from 'zod';
import { id, optionalText, text, version } from '../shared/fields';

export const storyFields = {
  title: text('Title', 1, 200),
  description: optionalText('Description', 4000),
};
export const createStoryInput = z.object(storyFields);
export type CreateStoryInput = z.input<typeof createStoryInput>;
export const updateStoryInput = z.object({ id, version, ...storyFields });
export type UpdateStoryInput = z.input<typeof updateStoryInput>;
export const storyClaimInput = z.object({ storyId: id, claimId: id });
