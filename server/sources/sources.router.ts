import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { createSourceInput, listSourcesInput, suggestSourcesInput, updateSourceInput } from './sources.schema';
import * as service from './sources.service';

export const sourcesRouter = createTRPCRouter({
  list: publicProcedure.input(listSourcesInput).query(({ ctx, input }) => service.listSources(ctx.db, input)),
  get: publicProcedure.input(z.object({ id })).query(({ ctx, input }) => service.getSource(ctx.db, input.id)),
  history: publicProcedure.input(z.object({ id })).query(({ ctx, input }) => service.sourceHistory(ctx.db, input.id)),
  suggest: publicProcedure.input(suggestSourcesInput).query(({ ctx, input }) => service.suggestSources(ctx.db, input)),
  create: publicProcedure.input(createSourceInput).mutation(({ ctx, input }) => service.createSource(ctx.db, ctx.actorId, input)),
  update: publicProcedure.input(updateSourceInput).mutation(({ ctx, input }) => service.updateSource(ctx.db, ctx.actorId, input)),
  delete: publicProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteSource(ctx.db, ctx.actorId, input)),
});
