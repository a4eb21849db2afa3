import { createDb, databasePath, migrateToLatest } from './client';

const db = createDb();
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${databasePath()}` : `Database is up to date (${databasePath()})`);
} finally {
  await db.destroy();
}
