import { Text } from '@mantine/core';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '../../_components/AuthCard';
import { getQueryClient, HydrateClient, trpc } from '../../_trpc/server';
import { AcceptInvitation } from './AcceptInvitation';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Join the desk' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    await getQueryClient().fetchQuery(trpc.users.invitation.queryOptions({ token }));
  } catch (err) {
    if (!(err instanceof TRPCError) || (err.code !== 'NOT_FOUND' && err.code !== 'BAD_REQUEST')) throw err;
    return (
      <AuthCard title="Join the desk">
        <Text role="alert">This invitation link is not valid any more (it was used, or it expired). Ask an admin for a new one.</Text>
        <Text size="sm" mt="md">
          Have an account already? <Link href="/sign-in" className="cb-link">Sign in</Link>.
        </Text>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join the desk" subtitle="Choose your name and a password to finish setting up your account.">
      <HydrateClient>
        <AcceptInvitation token={token} />
      </HydrateClient>
    </AuthCard>
  );
}
