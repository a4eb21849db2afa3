import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { sessionUser } from '~/server/context';
import { hasRole } from '~/server/users/roles';
import { HydrateClient, prefetch, trpc } from '../../_trpc/server';
import { Dashboard } from './Dashboard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Editors’ dashboard' };

export default async function DashboardPage() {
  const me = await sessionUser(await headers());
  if (!hasRole(me?.role, 'editor'))
    return (
      <Stack gap="xs" maw={560}>
        <Title order={1}>Editors only</Title>
        <Text>The dashboard sums up the desk’s verdicts for editors.</Text>
      </Stack>
    );
  await prefetch(trpc.reviews.dashboard.queryOptions());
  return (
    <HydrateClient>
      <Dashboard />
    </HydrateClient>
  );
}
