import { z } from 'zod';
import { createTRPCRouter, checkerProcedure, editorProcedure } from '../trpc';
import { id } from '../shared/fields';
import { createClaimInput, deleteInput, listClaimsInput, suggestClaimsInput, updateClaimInput } from './claims.schema';
import * as service from './claims.service';
import { claimAssessment } from '../assessment/assessment.service';
import { similarClaimsInput } from '../search/search.schema';
import { similarClaims } from '../search/search.service';
import { mergeInput, unmergeInput } from '../merge/merge.schema';
import { mergeClaims, unmergeClaims } from '../merge/merge.service';

export const claimsRouter = createTRPCRouter({
  list: checkerProcedure.input(listClaimsInput).query(({ ctx, input }) => service.listClaims(ctx.db, input)),
  get: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.getClaim(ctx.db, input.id)),
  assessment: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => claimAssessment(ctx.db, input.id)),
  history: checkerProcedure.input(z.object({ id })).query(({ ctx, input }) => service.claimHistory(ctx.db, input.id)),
  suggest: checkerProcedure.input(suggestClaimsInput).query(({ ctx, input }) => service.suggestClaims(ctx.db, input)),
  similar: checkerProcedure.input(similarClaimsInput).query(({ ctx, input }) => similarClaims(ctx.db, input)),
  create: checkerProcedure.input(createClaimInput).mutation(({ ctx, input }) => service.createClaim(ctx.db, ctx.actorId, input)),
  update: checkerProcedure.input(updateClaimInput).mutation(({ ctx, input }) => service.updateClaim(ctx.db, ctx.actorId, input)),
  delete: editorProcedure.input(deleteInput).mutation(({ ctx, input }) => service.deleteClaim(ctx.db, ctx.actorId, input)),
  merge: editorProcedure.input(mergeInput).mutation(({ ctx, input }) => mergeClaims(ctx.db, ctx.actorId, input)),
  unmerge: editorProcedure.input(unmergeInput).mutation(({ ctx, input }) => unmergeClaims(ctx.db, ctx.actorId, input)),
});
