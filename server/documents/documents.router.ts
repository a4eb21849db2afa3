import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, checkerProcedure, editorProcedure } from '../trpc';
import { createDocumentInput, listDocumentsInput, suggestDocumentsInput, updateDocumentInput } from './documents.schema';
import * as service from './documents.service';

export const documentsRouter = createTRPCRouter({
  list: checkerProcedure.input(listDocumentsInput).query(({ ctx, input }) => service.listDocuments(ctx.db, input)),
  get: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.getDocument(ctx.db, input.id)),
  history: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.documentHistory(ctx.db, input.id)),
  suggest: checkerProcedure.input(suggestDocumentsInput).query(({ ctx, input }) => service.suggestDocuments(ctx.db, input)),
  create: checkerProcedure.input(createDocumentInput).mutation(({ ctx, input }) => service.createDocument(ctx.db, ctx.actorId, input)),
  update: checkerProcedure.input(updateDocumentInput).mutation(({ ctx, input }) => service.updateDocument(ctx.db, ctx.actorId, input)),
  delete: editorProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteDocument(ctx.db, ctx.actorId, input)),
});
