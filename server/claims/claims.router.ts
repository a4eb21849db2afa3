import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { id } from '../shared/fields';
import { createClaimInput, deleteInput, listClaimsInput, suggestClaimsInput, updateClaimInput } from './claims.schema';
import * as service from './claims.service';

export const claimsRouter = createTRPCRouter({
  list: publicProcedure.input(listClaimsInput).query(({ ctx, input }) => service.listClaims(ctx.db, input)),
  get: publicProcedure.input(z.object({ id })).query(({ ctx, input }) => service.getClaim(ctx.db, input.id)),
  history: publicProcedure.input(z.object({ id })).query(({ ctx, input }) => service.claimHistory(ctx.db, input.id)),
  suggest: publicProcedure.input(suggestClaimsInput).query(({ ctx, input }) => service.suggestClaims(ctx.db, input)),
  create: publicProcedure.input(createClaimInput).mutation(({ ctx, input }) => service.createClaim(ctx.db, ctx.actorId, input)),
  update: publicProcedure.input(updateClaimInput).mutation(({ ctx, input }) => service.updateClaim(ctx.db, ctx.actorId, input)),
  delete: publicProcedure.input(deleteInput).mutation(({ ctx, input }) => service.deleteClaim(ctx.db, ctx.actorId, input)),
});
