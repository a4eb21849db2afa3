import { createDb, databasePath, migrateToLatest } from '~/db/client';
import { verifyAuditChain } from './verify';

// npm run audit:verify — exit code 0 when the chain is intact, 1 at the first broken event.
const db = createDb();
try {
  await migrateToLatest(db);
  const state = await verifyAuditChain(db);
  if (state.ok) {
    console.log(`Audit chain intact: ${state.events} events in ${databasePath()}, head ${state.head.slice(0, 16)}…`);
  } else {
    console.error(`Audit chain broken at event #${state.brokenAt}: ${state.problem}. ${state.events} events before it verify.`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
