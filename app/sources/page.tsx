import type { Metadata } from 'next';
import type { ParamRecord } from '../_components/search-params';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { sourceListInput } from './params';
import { SourcesList } from './SourcesList';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sources' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<ParamRecord> }) {
  await prefetch(trpc.sources.list.queryOptions(sourceListInput(await searchParams)));
  return (
    <HydrateClient>
      <SourcesList />
    </HydrateClient>
  );
}
