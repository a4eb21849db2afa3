import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ParamRecord } from '../../_components/search-params';
import { HydrateClient, prefetch, trpc } from '../../_trpc/server';
import { storyClaimsInput } from '../params';
import { StoryView } from './StoryView';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Story' };

export default async function StoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<ParamRecord> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await prefetch(trpc.stories.get.queryOptions({ id }));
  await Promise.all([
    prefetch(trpc.claims.list.queryOptions(storyClaimsInput(id, await searchParams))),
    prefetch(trpc.stories.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <StoryView id={id} />
    </HydrateClient>
  );
}
