import type { Metadata } from 'next';
import type { ParamRecord } from '../_components/search-params';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { ActivityFeed } from './ActivityFeed';
import { activityInput } from './params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Activity' };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<ParamRecord> }) {
  await Promise.all([prefetch(trpc.audit.activity.queryOptions(activityInput(await searchParams))), prefetch(trpc.users.directory.queryOptions())]);
  return (
    <HydrateClient>
      <ActivityFeed />
    </HydrateClient>
  );
}
