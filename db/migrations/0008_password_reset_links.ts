import { type Kysely, sql } from 'kysely';

// Password reset links: an admin makes a one-time link with which a desk member sets a new
// password. They are the invitation mechanism (a token shown once, only its hash kept, an expiry,
// used once), so they live in the invitation table with a purpose and the account they reset;
// `role` of a reset row is the account's role when the link was made. Never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('invitation')
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('join').check(sql`purpose in ('join', 'password_reset')`))
    .execute();
  await db.schema
    .alterTable('invitation')
    .addColumn('user_id', 'text', (c) => c.references('user.id').onDelete('cascade').check(sql`(purpose = 'join') = (user_id is null)`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('invitation').where('purpose', '<>', 'join').execute();
  await db.schema.alterTable('invitation').dropColumn('user_id').execute();
  await db.schema.alterTable('invitation').dropColumn('purpose').execute();
}
