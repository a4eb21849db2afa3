import type { Kysely } from 'kysely';

// Failed sign-ins per account (server/auth/sign-in-throttle.ts): after five in fifteen minutes an
// account takes no more password attempts until the oldest of them is fifteen minutes old,
// whichever address they come from. The per-address limit alone let a guesser who changes
// X-Forwarded-For on every request try passwords without end. Never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failure')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failure_email_at_idx').on('sign_in_failure').columns(['email', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failure').execute();
}
