import { checkerProcedure, createTRPCRouter } from '../trpc';
import { acceptIntakeInput, extractIntakeInput } from './intake.schema';
import * as service from './intake.service';

export const intakeRouter = createTRPCRouter({
  // A mutation only so the article (up to 2 MB) travels in a POST body, not a URL; it writes nothing.
  extract: checkerProcedure.input(extractIntakeInput).mutation(({ ctx, input }) => service.extractProposals(ctx.db, input)),
  accept: checkerProcedure.input(acceptIntakeInput).mutation(({ ctx, input }) => service.acceptIntake(ctx.db, ctx.actorId, input)),
});
