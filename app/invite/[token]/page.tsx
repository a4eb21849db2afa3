import type { Metadata } from 'next';
import { AuthCard } from '../../_components/AuthCard';
import { HydrateClient, prefetch, trpc } from '../../_trpc/server';
import { AcceptInvitation } from './AcceptInvitation';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Join the desk' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await prefetch(trpc.users.invitation.queryOptions({ token }));
  return (
    <AuthCard title="Join the desk" subtitle="Choose your name and a password to finish setting up your account.">
      <HydrateClient>
        <AcceptInvitation token={token} />
      </HydrateClient>
    </AuthCard>
  );
}
