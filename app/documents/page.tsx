import type { Metadata } from 'next';
import type { ParamRecord } from '../_components/search-params';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { DocumentsList } from './DocumentsList';
import { documentListInput } from './params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Documents' };

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<ParamRecord> }) {
  const input = documentListInput(await searchParams);
  await Promise.all([
    prefetch(trpc.documents.list.queryOptions(input)),
    input.publisherId ? prefetch(trpc.sources.get.queryOptions({ id: input.publisherId })) : null,
  ]);
  return (
    <HydrateClient>
      <DocumentsList />
    </HydrateClient>
  );
}
