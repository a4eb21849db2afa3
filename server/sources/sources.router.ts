import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, checkerProcedure, editorProcedure } from '../trpc';
import { createSourceInput, gradeSourceInput, listSourcesInput, suggestSourcesInput, updateSourceInput } from './sources.schema';
import * as service from './sources.service';

export const sourcesRouter = createTRPCRouter({
  list: checkerProcedure.input(listSourcesInput).query(({ ctx, input }) => service.listSources(ctx.db, input)),
  get: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.getSource(ctx.db, input.id)),
  history: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.sourceHistory(ctx.db, input.id)),
  suggest: checkerProcedure.input(suggestSourcesInput).query(({ ctx, input }) => service.suggestSources(ctx.db, input)),
  create: checkerProcedure.input(createSourceInput).mutation(({ ctx, input }) => service.createSource(ctx.db, ctx.actorId, input)),
  update: checkerProcedure.input(updateSourceInput).mutation(({ ctx, input }) => service.updateSource(ctx.db, ctx.actorId, input)),
  // Grading is an editor's judgement (DESIGN.md §2); checkers create and edit sources ungraded.
  grade: editorProcedure.input(gradeSourceInput).mutation(({ ctx, input }) => service.gradeSource(ctx.db, ctx.actorId, input)),
  delete: editorProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteSource(ctx.db, ctx.actorId, input)),
});
