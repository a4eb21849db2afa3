import { z } from 'zod';
import { RELIABILITY_GRADES, SOURCE_KINDS } from '~/db/schema';
import { cursor, id, optionalHttpUrl, optionalId, optionalText, pageSize, text, version } from '../shared/fields';

/**
 * What a checker records about a source. The reliability grade is not here: a source is created
 * ungraded ('F', cannot be judged) and only an editor grades it, through `gradeSourceInput`.
 */
export const sourceFields = {
  name: text('Name', 1, 200),
  kind: z.enum(SOURCE_KINDS, 'Choose what kind of source this is'),
  description: optionalText('Description', 4000),
  affiliationId: optionalId,
  affiliationRole: optionalText('Role', 200),
  homepage: optionalHttpUrl,
  aliases: z.array(text('Alias', 1, 200)).max(30, 'At most 30 aliases').default([]),
};

export const createSourceInput = z.object(sourceFields);
export type CreateSourceInput = z.input<typeof createSourceInput>;
export const updateSourceInput = z.object({ id, version, ...sourceFields });
export type UpdateSourceInput = z.input<typeof updateSourceInput>;

/** An editor's grade (DESIGN.md §2: A completely reliable … F cannot be judged), always with its reason. */
export const gradeSourceInput = z.object({
  id,
  version,
  reliability: z.enum(RELIABILITY_GRADES, 'Choose a grade from A to F'),
  reliabilityNote: text('Grade rationale', 1, 4000),
});
export type GradeSourceInput = z.input<typeof gradeSourceInput>;

export const SOURCE_SORTS = ['name', 'newest', 'most_attributed'] as const;
export const listSourcesInput = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(SOURCE_KINDS).nullish(),
  reliability: z.enum(RELIABILITY_GRADES).nullish(),
  sort: z.enum(SOURCE_SORTS).default('name'),
  limit: pageSize,
  cursor,
});
export type ListSourcesInput = z.input<typeof listSourcesInput>;

export const suggestSourcesInput = z.object({
  q: z.string().trim().max(200),
  limit: z.number().int().min(1).max(20).default(8),
});
