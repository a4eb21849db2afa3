import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, checkerProcedure, editorProcedure } from '../trpc';
import { createAttributionInput, updateAttributionInput } from './attributions.schema';
import * as service from './attributions.service';

export const attributionsRouter = createTRPCRouter({
  create: checkerProcedure.input(createAttributionInput).mutation(({ ctx, input }) => service.createAttribution(ctx.db, ctx.actorId, input)),
  update: checkerProcedure.input(updateAttributionInput).mutation(({ ctx, input }) => service.updateAttribution(ctx.db, ctx.actorId, input)),
  delete: editorProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteAttribution(ctx.db, ctx.actorId, input)),
});
