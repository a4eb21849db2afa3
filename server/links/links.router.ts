import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { createLinkInput, updateLinkInput } from './links.schema';
import * as service from './links.service';

export const linksRouter = createTRPCRouter({
  create: publicProcedure.input(createLinkInput).mutation(({ ctx, input }) => service.createLink(ctx.db, ctx.actorId, input)),
  update: publicProcedure.input(updateLinkInput).mutation(({ ctx, input }) => service.updateLink(ctx.db, ctx.actorId, input)),
  delete: publicProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteLink(ctx.db, ctx.actorId, input)),
});
