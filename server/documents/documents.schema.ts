import { z } from 'zod';
import { DOCUMENT_KINDS } from '~/db/schema';
import { cursor, httpUrl, id, optionalDate, optionalHttpUrl, optionalId, pageSize, text, version } from '../shared/fields';

export const documentFields = {
  url: httpUrl,
  title: text('Title', 1, 500),
  kind: z.enum(DOCUMENT_KINDS).default('article'),
  publisherId: optionalId,
  publishedAt: optionalDate,
  retrievedAt: optionalDate,
  archiveUrl: optionalHttpUrl,
};

export const createDocumentInput = z.object(documentFields);
export type CreateDocumentInput = z.input<typeof createDocumentInput>;
export const updateDocumentInput = z.object({ id, version, ...documentFields });
export type UpdateDocumentInput = z.input<typeof updateDocumentInput>;

export const listDocumentsInput = z.object({
  q: z.string().trim().max(200).optional(),
  publisherId: optionalId,
  limit: pageSize,
  cursor,
});
export type ListDocumentsInput = z.input<typeof listDocumentsInput>;

export const suggestDocumentsInput = z.object({
  q: z.string().trim().max(200),
  limit: z.number().int().min(1).max(20).default(8),
});
