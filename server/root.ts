import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { attributionsRouter } from './attributions/attributions.router';
import { auditRouter } from './audit/audit.router';
import { claimsRouter } from './claims/claims.router';
import { documentsRouter } from './documents/documents.router';
import { graphRouter } from './graph/graph.router';
import { intakeRouter } from './intake/intake.router';
import { linksRouter } from './links/links.router';
import { searchRouter } from './search/search.router';
import { sourcesRouter } from './sources/sources.router';
import { storiesRouter } from './stories/stories.router';
import { reviewsRouter } from './reviews/reviews.router';
import { createCallerFactory, createTRPCRouter } from './trpc';
import { usersRouter } from './users/users.router';

export const appRouter = createTRPCRouter({
  claims: claimsRouter,
  sources: sourcesRouter,
  documents: documentsRouter,
  attributions: attributionsRouter,
  links: linksRouter,
  stories: storiesRouter,
  audit: auditRouter,
  users: usersRouter,
  reviews: reviewsRouter,
  search: searchRouter,
  intake: intakeRouter,
  graph: graphRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
