'use client';

import { createContext, useContext } from 'react';
import type { Role } from '~/server/users/roles';
import type { SessionUser } from '~/server/trpc';
import { hasRole } from '~/server/users/roles';

const MeContext = createContext<SessionUser | null>(null);

export function MeProvider({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  return <MeContext.Provider value={user}>{children}</MeContext.Provider>;
}

/** The signed-in user. */
export function useMe(): SessionUser {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in frame');
  return me;
}

/**
 * Whether the signed-in user's role allows an action: the UI hides what a role cannot do
 * (the server refuses it anyway).
 */
export function useCan(role: Role): boolean {
  return hasRole(useContext(MeContext)?.role, role);
}
