import type { Metadata } from 'next';
import { HydrateClient, prefetch, trpc } from '../../_trpc/server';
import { NewClaim } from './NewClaim';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New claim' };

export default async function NewClaimPage({ searchParams }: { searchParams: Promise<{ story?: string }> }) {
  await prefetch(trpc.stories.list.queryOptions());
  const story = Number((await searchParams).story);
  return (
    <HydrateClient>
      <NewClaim storyId={Number.isInteger(story) && story > 0 ? story : null} />
    </HydrateClient>
  );
}
