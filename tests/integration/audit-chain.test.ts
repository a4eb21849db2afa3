import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, migrateToLatest } from '~/db/client';
import { migrations } from '~/db/migrations';
import { chainHash, GENESIS_HASH } from '~/server/audit/chain';
import { verifyAuditChain } from '~/server/audit/verify';
import { addUser, callerAs, freshCaller } from '../helpers/db';
import { makeClaim, makeSource } from '../helpers/fixtures';

async function someHistory() {
  const ctx = await freshCaller('ed');
  const claim = await makeClaim(ctx.caller);
  await ctx.caller.claims.update({ id: claim.id, version: 1, text: 'Assad has left Syria, says SOHR.' });
  const source = await makeSource(ctx.caller, { name: 'SOHR' });
  await ctx.caller.attributions.create({ claimId: claim.id, sourceId: source.id, stance: 'asserts', quote: 'has left' });
  return ctx;
}

describe('the audit hash chain', () => {
  it('links every event to the one before it, from the genesis hash', async () => {
    const { db } = await someHistory();
    const events = await db.selectFrom('auditEvent').selectAll().orderBy('id').execute();
    expect(events.length).toBeGreaterThanOrEqual(4);
    let prev = GENESIS_HASH;
    for (const e of events) {
      expect(e.prevHash).toBe(prev);
      expect(e.hash).toBe(chainHash(prev, e));
      prev = e.hash;
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: events.length, head: prev });
  });

  it('reports the first event whose row was edited directly', async () => {
    const { db } = await someHistory();
    const second = (await db.selectFrom('auditEvent').select('id').orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow()).id;
    await db.updateTable('auditEvent').set({ after: '{"text":"Assad never left."}' }).where('id', '=', second).execute();
    const state = await verifyAuditChain(db);
    expect(state).toMatchObject({ ok: false, brokenAt: second, events: 1 });
  });

  it('reports a removed event at the event after the gap', async () => {
    const { db } = await someHistory();
    const ids = (await db.selectFrom('auditEvent').select('id').orderBy('id').execute()).map((r) => r.id);
    await db.deleteFrom('auditSubject').where('eventId', '=', ids[1]!).execute();
    await db.deleteFrom('auditEvent').where('id', '=', ids[1]!).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: ids[2] });
  });

  it('stays one valid chain under a concurrent burst of writes', async () => {
    const { db, caller } = await freshCaller('burst');
    await Promise.all(Array.from({ length: 40 }, (_, i) => caller.claims.create({ text: `Concurrent claim number ${i}` })));
    const state = await verifyAuditChain(db);
    expect(state).toMatchObject({ ok: true, events: 40 });
  });

  it('refuses a fork: two events can never claim the same predecessor', async () => {
    const { db } = await someHistory();
    const first = await db.selectFrom('auditEvent').selectAll().orderBy('id').limit(1).executeTakeFirstOrThrow();
    const { id: _id, ...copy } = first;
    await expect(db.insertInto('auditEvent').values({ ...copy, hash: 'f'.repeat(64) }).execute()).rejects.toThrow(/UNIQUE/);
  });

  it('chains events written before the chain existed, with the same rule (migration 0002)', async () => {
    const db = createDb(':memory:');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    await migrator.migrateTo('0001_ledger');
    for (const [i, action] of ['create', 'update'].entries())
      await sql`insert into audit_event (at, actor_id, action, entity, entity_id, before, after) values (${`2024-12-08T09:0${i}:00.000Z`}, null, ${action}, 'claim', 1, null, ${'{"text":"x"}'})`.execute(db);
    await migrateToLatest(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 2 });
    await db.destroy();
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact chain and 1, naming the event, once a row is altered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-verify-'));
    const path = join(dir, 'desk.db');
    try {
      const db = createDb(path);
      await migrateToLatest(db);
      const caller = callerAs(db, await addUser(db, 'ed', 'editor'));
      await makeClaim(caller);
      await makeClaim(caller);
      const run = () =>
        spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/audit/cli.ts'], {
          env: { ...process.env, DATABASE_PATH: path },
          encoding: 'utf8',
        });
      const ok = run();
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/Audit chain intact: 2 events/);
      const last = await db.selectFrom('auditEvent').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      await db.updateTable('auditEvent').set({ actorId: 'someone-else' }).where('id', '=', last.id).execute();
      await db.destroy();
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`broken at event #${last.id}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lost updates', () => {
  it('gives the second of two editors a conflict with the current claim, and their re-apply works', async () => {
    const { db } = await freshCaller('setup');
    const alice = callerAs(db, await addUser(db, 'alice', 'checker', 'Alice'));
    const bob = callerAs(db, await addUser(db, 'bob', 'checker', 'Bob'));
    const claim = await alice.claims.create({ text: 'Assad has left Syria.' });
    // Both open the claim at version 1.
    const aliceRead = await alice.claims.get({ id: claim.id });
    const bobRead = await bob.claims.get({ id: claim.id });
    await alice.claims.update({ id: claim.id, version: aliceRead.version, text: 'Assad has left Syria, according to SOHR.' });
    const err = await bob.claims.update({ id: claim.id, version: bobRead.version, text: 'Bashar al-Assad has left Syria.' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('CONFLICT');
    const current = ((err as TRPCError).cause as unknown as { detail: { current: { text: string; version: number } } }).detail.current;
    expect(current).toMatchObject({ text: 'Assad has left Syria, according to SOHR.', version: 2 });
    // Nothing was overwritten.
    expect((await bob.claims.get({ id: claim.id })).text).toBe('Assad has left Syria, according to SOHR.');
    // Bob re-applies his edit on the version he has now seen.
    await bob.claims.update({ id: claim.id, version: current.version, text: 'Bashar al-Assad has left Syria.' });
    const history = await bob.claims.history({ id: claim.id });
    expect(history.map((h) => [h.action, h.actorName])).toEqual([
      ['update', 'Bob'],
      ['update', 'Alice'],
      ['create', 'Alice'],
    ]);
  });
});
