import { createDb, migrateToLatest, type DB } from '~/db/client';
import type { Role } from '~/db/schema';
import { createCaller } from '~/server/root';
import type { SessionUser } from '~/server/trpc';

/** A fresh, migrated, in-memory database for one test. */
export async function freshDb(): Promise<DB> {
  const db = createDb(':memory:');
  await migrateToLatest(db);
  return db;
}

/** Adds a desk member straight to the user table (no password: for callers, not sign-in). */
export async function addUser(db: DB, id: string, role: Role, name = id): Promise<SessionUser> {
  const at = new Date().toISOString();
  const email = `${id}@desk.test`;
  await db.insertInto('user').values({ id, name, email, emailVerified: 1, image: null, role, banned: 0, banReason: null, banExpires: null, createdAt: at, updatedAt: at }).execute();
  return { id, name, email, role };
}

/** A tRPC caller as `user` (null: signed out). */
export const callerAs = (db: DB, user: SessionUser | null) => createCaller({ db, user });

/**
 * A tRPC caller on a fresh database, signed in as `userId` with `role` (an admin by default,
 * so a test of a rule is not a test of permissions; tests/integration/authorization.test.ts
 * covers those).
 */
export async function freshCaller(userId = 'desk-admin', role: Role = 'admin') {
  const db = await freshDb();
  const user = await addUser(db, userId, role);
  return { db, user, caller: callerAs(db, user) };
}
