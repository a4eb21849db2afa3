import { createDb, databasePath, migrateToLatest } from './client';
import { loadDemoStory } from './demo-story';

const db = createDb();
try {
  await migrateToLatest(db);
  const { created } = await loadDemoStory(db);
  console.log(created ? `Loaded the demo story into ${databasePath()} (${created} records).` : 'The demo story is loaded already; nothing to add.');
} finally {
  await db.destroy();
}
