import { createTRPCRouter, checkerProcedure, editorProcedure } from '../trpc';
import { createReviewInput, listReviewsInput, reviewQueueInput } from './reviews.schema';
import * as service from './reviews.service';

export const reviewsRouter = createTRPCRouter({
  list: checkerProcedure.input(listReviewsInput).query(({ ctx, input }) => service.listReviews(ctx.db, input.claimId)),
  queue: editorProcedure.input(reviewQueueInput).query(({ ctx, input }) => service.reviewQueue(ctx.db, input)),
  dashboard: editorProcedure.query(({ ctx }) => service.dashboard(ctx.db)),
  create: editorProcedure.input(createReviewInput).mutation(({ ctx, input }) => service.createReview(ctx.db, ctx.actorId, input)),
});
