import type { Metadata } from 'next';
import { isDemoMode } from '~/server/auth/auth';
import { DEMO_ACCOUNTS } from '~/server/users/demo';
import { AuthCard } from '../_components/AuthCard';
import { SignInForm } from './SignInForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = (await searchParams).next;
  // Only same-site paths: never send someone on to another site after signing in.
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : '/claims';
  return (
    <AuthCard title="Sign in">
      <SignInForm next={safeNext} demoAccounts={isDemoMode() ? DEMO_ACCOUNTS : []} />
    </AuthCard>
  );
}
