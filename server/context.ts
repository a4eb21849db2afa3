import { createDb, type DB } from '~/db/client';
import type { Context } from './trpc';

// One connection per server process, kept across hot reloads in development. Services never
// see this: they get the database from the tRPC context, as their first argument.
const g = globalThis as unknown as { corroborateDb?: DB };

export function appDb(): DB {
  g.corroborateDb ??= createDb();
  return g.corroborateDb;
}

export function createContext(): Context {
  return { db: appDb(), actorId: null };
}
