import { z } from 'zod';
import { EVIDENCE_KINDS, STANCES } from '~/db/schema';
import { createDocumentInput } from '../documents/documents.schema';
import { id, optionalId, optionalText, version } from '../shared/fields';
import { createSourceInput } from '../sources/sources.schema';

export const attributionFields = {
  claimId: id,
  stance: z.enum(STANCES, 'Choose whether the source asserts, denies or only reports the claim'),
  quote: optionalText('Quote', 4000),
  evidenceKind: z.enum(EVIDENCE_KINDS).default('statement'),
  viaSourceId: optionalId,
  note: optionalText('Note', 4000),
};

/**
 * An attribution names its source and document either by id, or inline (a new source or a
 * new document created in the same transaction): a checker can log everything in one go.
 */
export const createAttributionInput = z
  .object({
    ...attributionFields,
    sourceId: optionalId,
    newSource: createSourceInput.nullish(),
    documentId: optionalId,
    newDocument: createDocumentInput.nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.sourceId && !v.newSource) ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'Pick a source or create one' });
    if (v.sourceId && v.newSource)
      ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'Pick an existing source or create a new one, not both' });
    if (v.documentId && v.newDocument)
      ctx.addIssue({ code: 'custom', path: ['documentId'], message: 'Pick an existing document or create a new one, not both' });
  });
export type CreateAttributionInput = z.input<typeof createAttributionInput>;

export const updateAttributionInput = z.object({
  id,
  version,
  sourceId: id,
  documentId: optionalId,
  stance: attributionFields.stance,
  quote: attributionFields.quote,
  evidenceKind: attributionFields.evidenceKind,
  viaSourceId: attributionFields.viaSourceId,
  note: attributionFields.note,
});
export type UpdateAttributionInput = z.input<typeof updateAttributionInput>;
