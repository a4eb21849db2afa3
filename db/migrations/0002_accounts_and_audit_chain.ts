import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Accounts (better-auth's tables, with the admin plugin's role and ban columns), invitations,
// the login rate limit, and the hash chain over the audit log. Never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('image', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('checker').check(sql`role in ('checker', 'editor', 'admin')`))
    .addColumn('banned', 'integer', (c) => c.defaultTo(0))
    .addColumn('ban_reason', 'text')
    .addColumn('ban_expires', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('impersonated_by', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('id_token', 'text')
    .addColumn('access_token_expires_at', 'text')
    .addColumn('refresh_token_expires_at', 'text')
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_user_idx').on('account').column('user_id').execute();

  await db.schema
    .createTable('verification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('verification_identifier_idx').on('verification').column('identifier').execute();

  await db.schema
    .createTable('rate_limit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_request', 'integer', (c) => c.notNull())
    .execute();

  // One-time invitation links: only the token's hash is stored.
  await db.schema
    .createTable('invitation')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('checker', 'editor', 'admin')`))
    .addColumn('invited_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // The audit chain: each event stores the previous event's hash and its own.
  await db.schema.alterTable('audit_event').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_event').addColumn('hash', 'text').execute();
  // Plain column names here, whatever plugins the caller's instance carries.
  const raw = db.withoutPlugins();
  const rows = await raw.selectFrom('audit_event').selectAll().orderBy('id').execute();
  let prev = GENESIS;
  for (const r of rows) {
    const hash = chainHash(prev, r as Parameters<typeof chainHash>[1]);
    await raw.updateTable('audit_event').set({ prev_hash: prev, hash }).where('id', '=', r.id).execute();
    prev = hash;
  }
  // A fork (two events claiming the same predecessor) is impossible.
  await db.schema.createIndex('audit_event_prev_hash_uq').on('audit_event').column('prev_hash').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_event_prev_hash_uq').execute();
  await db.schema.alterTable('audit_event').dropColumn('hash').execute();
  await db.schema.alterTable('audit_event').dropColumn('prev_hash').execute();
  for (const t of ['invitation', 'rate_limit', 'verification', 'account', 'session', 'user']) await db.schema.dropTable(t).execute();
}

// Frozen copy of the chain rule as of this migration (server/audit/chain.ts is the live one;
// a test checks they agree).
const GENESIS = '0'.repeat(64);
function chainHash(
  prev: string,
  e: { at: string; actor_id: string | null; action: string; entity: string; entity_id: number; before: string | null; after: string | null },
) {
  const payload = JSON.stringify([prev, e.at, e.actor_id, e.action, e.entity, e.entity_id, e.before, e.after]);
  return createHash('sha256').update(payload).digest('hex');
}
