import type { Metadata } from 'next';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import type { ParamRecord } from '../_components/search-params';
import { ClaimsList } from './ClaimsList';
import { claimListInput } from './params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Claims' };

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<ParamRecord> }) {
  const input = claimListInput(await searchParams);
  await Promise.all([
    prefetch(trpc.claims.list.queryOptions(input)),
    prefetch(trpc.stories.list.queryOptions()),
    input.sourceId ? prefetch(trpc.sources.get.queryOptions({ id: input.sourceId })) : null,
  ]);
  return (
    <HydrateClient>
      <ClaimsList />
    </HydrateClient>
  );
}
