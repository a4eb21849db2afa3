import 'server-only';

import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { TRPCError } from '@trpc/server';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { createContext } from '~/server/context';
import { appRouter } from '~/server/root';
import { makeQueryClient } from './query-client';

/** One query client per request, shared by every server component of that request. */
export const getQueryClient = cache(makeQueryClient);

const requestContext = cache(async () => createContext({ headers: await headers() }));

export const trpc = createTRPCOptionsProxy({ ctx: requestContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * Fetches a query on the server so the client renders it without a waterfall. A NOT_FOUND
 * from the procedure becomes the 404 page.
 */
export async function prefetch(options: { queryKey: readonly unknown[]; queryFn?: unknown }) {
  try {
    await getQueryClient().fetchQuery(options as Parameters<ReturnType<typeof getQueryClient>['fetchQuery']>[0]);
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') notFound();
    // Signed out: the layout shows the sign-in screen instead of the page.
    if (err instanceof TRPCError && err.code === 'UNAUTHORIZED') return;
    throw err;
  }
}
