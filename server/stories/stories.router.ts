import { z } from 'zod';
import { id, version } from '../shared/fields';
import { createTRPCRouter, checkerProcedure, editorProcedure } from '../trpc';
import { createStoryInput, storyClaimInput, updateStoryInput } from './stories.schema';
import * as service from './stories.service';

export const storiesRouter = createTRPCRouter({
  list: checkerProcedure.query(({ ctx }) => service.listStories(ctx.db)),
  get: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.getStory(ctx.db, input.id)),
  timeline: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.storyTimeline(ctx.db, input.id)),
  history: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.storyHistory(ctx.db, input.id)),
  create: checkerProcedure.input(createStoryInput).mutation(({ ctx, input }) => service.createStory(ctx.db, ctx.actorId, input)),
  update: checkerProcedure.input(updateStoryInput).mutation(({ ctx, input }) => service.updateStory(ctx.db, ctx.actorId, input)),
  delete: editorProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => service.deleteStory(ctx.db, ctx.actorId, input)),
  addClaim: checkerProcedure.input(storyClaimInput).mutation(({ ctx, input }) => service.addClaimToStory(ctx.db, ctx.actorId, input)),
  removeClaim: checkerProcedure.input(storyClaimInput).mutation(({ ctx, input }) => service.removeClaimFromStory(ctx.db, ctx.actorId, input)),
});
