import { createDb, type DB } from '~/db/client';
import { createAuth, type Auth } from './auth/auth';
import type { Role } from '~/db/schema';
import type { Context, SessionUser } from './trpc';

// One connection and one auth instance per server process, kept across hot reloads in
// development. Services never see these: they get the database as their first argument.
const g = globalThis as unknown as { corroborateDb?: DB; corroborateAuth?: Auth };

export function appDb(): DB {
  g.corroborateDb ??= createDb();
  return g.corroborateDb;
}

export function appAuth(): Auth {
  g.corroborateAuth ??= createAuth(appDb());
  return g.corroborateAuth;
}

/** The signed-in user of a request, from its session cookie (null when there is none). */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await appAuth().api.getSession({ headers });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string | null; banned?: boolean | null };
  if (u.banned) return null;
  return { id: u.id, name: u.name, email: u.email, role: (u.role ?? 'checker') as Role };
}

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  return { db: appDb(), user: await sessionUser(opts.headers) };
}
