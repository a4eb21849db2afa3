import { isDemoMode } from '~/server/auth/auth';
import { DEMO_ACCOUNTS } from '~/server/users/demo';
import { findUserByEmail } from '~/server/users/users.queries';
import { createUser } from '~/server/users/users.service';
import { createDb, databasePath, migrateToLatest } from './client';
import { loadDemoStory } from './demo-story';

const db = createDb();
try {
  await migrateToLatest(db);
  // Demo accounts first, so the demo's source grades are recorded as the demo editor's.
  if (isDemoMode()) for (const a of DEMO_ACCOUNTS) if (!(await findUserByEmail(db, a.email))) await createUser(db, null, a);
  const editor = isDemoMode() ? await findUserByEmail(db, DEMO_ACCOUNTS.find((a) => a.role === 'editor')!.email) : undefined;
  const { created } = await loadDemoStory(db, { grader: editor?.id ?? null });
  console.log(created ? `Loaded the demo story into ${databasePath()} (${created} records).` : 'The demo story is loaded already; nothing to add.');
  if (isDemoMode()) {
    console.log('Demo mode: sign in with one of these accounts (shown on the sign-in page too):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(8)} ${a.email}  /  ${a.password}`);
  }
} finally {
  await db.destroy();
}
