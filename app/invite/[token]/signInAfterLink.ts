'use client';

import type { useRouter } from 'next/navigation';
import { authClient } from '../../_auth/client';

/**
 * After a link (invitation or password reset) has set a password: sign in with it and open the
 * claims. Returns what to tell the person when signing in fails (the password is set either way).
 */
export async function signInAfterLink(router: ReturnType<typeof useRouter>, email: string, password: string): Promise<string | null> {
  const { error } = await authClient.signIn.email({ email, password });
  if (error) return 'Your password is set, but signing in failed. Sign in on the sign-in page with your new password.';
  router.replace('/claims');
  router.refresh();
  return null;
}
