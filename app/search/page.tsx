import type { Metadata } from 'next';
import type { ParamRecord } from '../_components/search-params';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { searchPageInput } from './params';
import { SearchPage } from './SearchPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Search' };

export default async function Search({ searchParams }: { searchParams: Promise<ParamRecord> }) {
  const input = searchPageInput(await searchParams);
  const validRange = !input.from || !input.to || input.from <= input.to;
  await Promise.all([
    validRange ? prefetch(trpc.search.query.queryOptions(input)) : null,
    prefetch(trpc.stories.list.queryOptions()),
    input.sourceId ? prefetch(trpc.sources.get.queryOptions({ id: input.sourceId })) : null,
  ]);
  return (
    <HydrateClient>
      <SearchPage />
    </HydrateClient>
  );
}
