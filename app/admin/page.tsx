import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { sessionUser } from '~/server/context';
import { hasRole } from '~/server/users/roles';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { AdminScreen } from './AdminScreen';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const me = await sessionUser(await headers());
  if (!hasRole(me?.role, 'admin'))
    return (
      <Stack gap="xs" maw={560}>
        <Title order={1}>Admins only</Title>
        <Text>Managing accounts needs an admin. Ask an admin of your desk if you need a role changed or someone invited.</Text>
      </Stack>
    );
  await Promise.all([
    prefetch(trpc.users.list.queryOptions()),
    prefetch(trpc.users.invitations.queryOptions()),
    prefetch(trpc.users.auditChain.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <AdminScreen />
    </HydrateClient>
  );
}
