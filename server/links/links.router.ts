import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, checkerProcedure, editorProcedure } from '../trpc';
import { createLinkInput, updateLinkInput } from './links.schema';
import * as service from './links.service';

export const linksRouter = createTRPCRouter({
  create: checkerProcedure.input(createLinkInput).mutation(({ ctx, input }) => service.createLink(ctx.db, ctx.actorId, input)),
  update: checkerProcedure.input(updateLinkInput).mutation(({ ctx, input }) => service.updateLink(ctx.db, ctx.actorId, input)),
  delete: editorProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteLink(ctx.db, ctx.actorId, input)),
});
