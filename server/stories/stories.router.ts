import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { createStoryInput, storyClaimInput, updateStoryInput } from './stories.schema';
import * as service from './stories.service';

export const storiesRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => service.listStories(ctx.db)),
  get: publicProcedure.input(z.object({ id })).query(({ ctx, input }) => service.getStory(ctx.db, input.id)),
  history: publicProcedure.input(z.object({ id })).query(({ ctx, input }) => service.storyHistory(ctx.db, input.id)),
  create: publicProcedure.input(createStoryInput).mutation(({ ctx, input }) => service.createStory(ctx.db, ctx.actorId, input)),
  update: publicProcedure.input(updateStoryInput).mutation(({ ctx, input }) => service.updateStory(ctx.db, ctx.actorId, input)),
  delete: publicProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteStory(ctx.db, ctx.actorId, input)),
  addClaim: publicProcedure.input(storyClaimInput).mutation(({ ctx, input }) => service.addClaimToStory(ctx.db, ctx.actorId, input)),
  removeClaim: publicProcedure.input(storyClaimInput).mutation(({ ctx, input }) => service.removeClaimFromStory(ctx.db, ctx.actorId, input)),
});
