import { Text } from '@mantine/core';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { UNKNOWN_LINK } from '~/server/users/users.service';
import { AuthCard } from '../../_components/AuthCard';
import { getQueryClient, HydrateClient, trpc } from '../../_trpc/server';
import { AcceptInvitation } from './AcceptInvitation';
import { ResetPassword } from './ResetPassword';

export const dynamic = 'force-dynamic';

/** The link behind the token (an invitation or a password reset), or why it does not work. */
const lookUp = cache(async (token: string) => {
  try {
    return { link: await getQueryClient().fetchQuery(trpc.users.invitation.queryOptions({ token })) };
  } catch (err) {
    if (!(err instanceof TRPCError) || (err.code !== 'NOT_FOUND' && err.code !== 'BAD_REQUEST')) throw err;
    // NOT_FOUND says whether the link was used, expired or never existed; BAD_REQUEST: a mangled token.
    return { problem: err.code === 'NOT_FOUND' ? err.message : UNKNOWN_LINK };
  }
});

const TITLE = { join: 'Join the desk', password_reset: 'Set a new password' } as const;

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const { link } = await lookUp((await params).token);
  return { title: link ? TITLE[link.purpose] : 'Link not valid' };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { link, problem } = await lookUp(token);
  if (!link)
    return (
      <AuthCard title="This link does not work">
        <Text role="alert">{problem}</Text>
        <Text size="sm" mt="md">
          Have an account already? <Link href="/sign-in" className="cb-link">Sign in</Link>.
        </Text>
      </AuthCard>
    );
  return link.purpose === 'password_reset' ? (
    <AuthCard title={TITLE.password_reset} subtitle={`For ${link.name ?? link.email} (${link.email}). Choose a new password; you will be signed in with it.`}>
      <HydrateClient>
        <ResetPassword token={token} />
      </HydrateClient>
    </AuthCard>
  ) : (
    <AuthCard title={TITLE.join} subtitle="Choose your name and a password to finish setting up your account.">
      <HydrateClient>
        <AcceptInvitation token={token} />
      </HydrateClient>
    </AuthCard>
  );
}
