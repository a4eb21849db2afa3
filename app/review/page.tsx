import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { sessionUser } from '~/server/context';
import { hasRole } from '~/server/users/roles';
import type { ParamRecord } from '../_components/search-params';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { reviewQueueParams } from './params';
import { ReviewQueue } from './ReviewQueue';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<ParamRecord> }) {
  const me = await sessionUser(await headers());
  if (!hasRole(me?.role, 'editor'))
    return (
      <Stack gap="xs" maw={560}>
        <Title order={1}>Editors only</Title>
        <Text>The review queue is where editors publish verdicts. Mark a claim “Ready for review” and an editor will find it here.</Text>
      </Stack>
    );
  const input = reviewQueueParams(await searchParams);
  await Promise.all([prefetch(trpc.reviews.queue.queryOptions(input)), prefetch(trpc.stories.list.queryOptions())]);
  return (
    <HydrateClient>
      <ReviewQueue />
    </HydrateClient>
  );
}
