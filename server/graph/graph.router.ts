import { checkerProcedure, createTRPCRouter } from '../trpc';
import { neighbourhoodInput } from './graph.schema';
import * as service from './graph.service';

export const graphRouter = createTRPCRouter({
  neighbourhood: checkerProcedure.input(neighbourhoodInput).query(({ ctx, input }) => service.neighbourhood(ctx.db, input)),
});
