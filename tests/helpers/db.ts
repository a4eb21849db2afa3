import { createDb, migrateToLatest, type DB } from '~/db/client';
import { createCaller } from '~/server/root';

/** A fresh, migrated, in-memory database for one test. */
export async function freshDb(): Promise<DB> {
  const db = createDb(':memory:');
  await migrateToLatest(db);
  return db;
}

/** A tRPC caller on a fresh database, as the app's procedures see it. */
export async function freshCaller(actorId: string | null = null) {
  const db = await freshDb();
  return { db, caller: createCaller({ db, actorId }) };
}
