import type { Metadata } from 'next';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { StoriesList } from './StoriesList';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Stories' };

export default async function StoriesPage() {
  await prefetch(trpc.stories.list.queryOptions());
  return (
    <HydrateClient>
      <StoriesList />
    </HydrateClient>
  );
}
