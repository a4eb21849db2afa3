import { z } from 'zod';
import { AUDIT_ENTITIES } from '~/db/schema';
import { optionalDate } from '../shared/fields';
import { createTRPCRouter, checkerProcedure } from '../trpc';
import { activity } from './audit.service';

export const auditRouter = createTRPCRouter({
  activity: checkerProcedure
    .input(
      z.object({
        entity: z.enum(AUDIT_ENTITIES).nullish(),
        actorId: z.string().max(100).nullish(),
        from: optionalDate,
        to: optionalDate,
        cursor: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(({ ctx, input }) => activity(ctx.db, input)),
});
