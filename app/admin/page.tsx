import type { Metadata } from 'next';
import { HydrateClient, prefetch, trpc } from '../_trpc/server';
import { AdminScreen } from './AdminScreen';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
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
