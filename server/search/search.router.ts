import { checkerProcedure, createTRPCRouter } from '../trpc';
import { searchInput } from './search.schema';
import * as service from './search.service';

export const searchRouter = createTRPCRouter({
  query: checkerProcedure.input(searchInput).query(({ ctx, input }) => service.search(ctx.db, input)),
});
