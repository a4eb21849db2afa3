import { APIError } from 'better-auth/api';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { historyOf } from '~/server/audit/audit.service';
import { createAuth } from '~/server/auth/auth';
import { lockedFor } from '~/server/auth/sign-in-throttle';
import { createUser } from '~/server/users/users.service';
import { addUser, callerAs, freshDb } from '../helpers/db';
import { eventsWrittenBy, expectTRPCError } from '../helpers/fixtures';

/**
 * An admin's remedies for a locked account (unlock) and a forgotten password (a one-time reset
 * link), through the real sign-in of better-auth on a fresh database.
 */
const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const EMAIL = 'ed@desk.test';
const OLD = 'correct horse battery';
const NEW = 'a brand new passphrase';

async function setup() {
  const db = await freshDb();
  const auth = createAuth(db, { secret: SECRET });
  const admin = callerAs(db, await addUser(db, 'admin-1', 'admin', 'Ana Admin'));
  const ed = await createUser(db, null, { email: EMAIL, name: 'Ed Itor', role: 'editor', password: OLD });
  // a refusal by the throttle's before-hook comes back as a thrown APIError (a 429 over HTTP)
  const signIn = (password: string) =>
    auth.api.signInEmail({ body: { email: EMAIL, password }, asResponse: true }).then(
      (r) => ({ status: r.status, cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') }),
      (e: unknown) => {
        if (e instanceof APIError) return { status: e.statusCode, cookie: '' };
        throw e;
      },
    );
  const lockOut = async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(`wrong guess ${i}`)).status).toBe(401);
    expect((await signIn(OLD)).status).toBe(429);
  };
  return { db, auth, admin, ed, signIn, lockOut };
}

describe('unlocking an account the sign-in throttle locked', () => {
  it('shows the lock in the admin list, and an unlock lets the right password in again, audited', async () => {
    const { db, admin, ed, signIn, lockOut } = await setup();
    await lockOut();
    const listed = (await admin.users.list()).find((u) => u.id === ed.id)!;
    expect(listed.signInLock).toEqual({ until: expect.any(String), minutesLeft: 15 });
    expect((await admin.users.list()).find((u) => u.id === 'admin-1')!.signInLock).toBeNull();

    const events = await eventsWrittenBy(db, () => admin.users.unlock({ userId: ed.id }));
    expect((await admin.users.list()).find((u) => u.id === ed.id)!.signInLock).toBeNull();
    expect((await signIn(OLD)).status).toBe(200);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: 'admin-1', action: 'update', entity: 'user' });
    const before = JSON.parse(events[0]!.before!);
    expect(before).toMatchObject({ id: ed.id, email: EMAIL, signInLockedUntil: expect.any(String) });
    expect(Math.abs(Date.parse(before.signInLockedUntil) - Date.parse(listed.signInLock!.until))).toBeLessThan(5_000);
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ id: ed.id, email: EMAIL, signInLockedUntil: null });
    // Unlocking an account that is not locked changes nothing and records nothing.
    expect(await eventsWrittenBy(db, () => admin.users.unlock({ userId: ed.id }))).toEqual([]);
  });

  it('is for admins only: an editor or a checker is FORBIDDEN, and the account stays locked', async () => {
    const { db, ed, lockOut } = await setup();
    await lockOut();
    for (const role of ['editor', 'checker'] as const) {
      const caller = callerAs(db, await addUser(db, `${role}-2`, role));
      await expectTRPCError(caller.users.unlock({ userId: ed.id }), 'FORBIDDEN');
      await expectTRPCError(caller.users.createPasswordReset({ userId: ed.id }), 'FORBIDDEN');
    }
    await expectTRPCError(callerAs(db, null).users.unlock({ userId: ed.id }), 'UNAUTHORIZED');
    expect(await lockedFor(db, EMAIL)).toBeGreaterThan(0);
  });

  it('names the field of a bad or unknown account', async () => {
    const { admin } = await setup();
    const empty = await expectTRPCError(admin.users.unlock({ userId: '' }), 'BAD_REQUEST');
    expect(Object.keys(empty.fieldErrors ?? {})).toEqual(['userId']);
    const unknown = await expectTRPCError(admin.users.createPasswordReset({ userId: 'nobody' }), 'NOT_FOUND');
    expect(Object.keys(unknown.fieldErrors ?? {})).toEqual(['userId']);
  });
});

describe('password reset links', () => {
  it('sets a new password once: the old one stops working, the lock and the sessions end, and both steps are audited', async () => {
    const { db, auth, admin, ed, signIn, lockOut } = await setup();
    const session = await signIn(OLD);
    expect(session.status).toBe(200);
    await lockOut();

    const link = await admin.users.createPasswordReset({ userId: ed.id });
    expect(link).toMatchObject({ name: 'Ed Itor', email: EMAIL, token: expect.stringMatching(/^[\w-]{20,}$/) });
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(71 * 36e5);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(72 * 36e5);
    // Only the hash is stored.
    const row = await db.selectFrom('invitation').selectAll().where('purpose', '=', 'password_reset').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ userId: ed.id, email: EMAIL, usedAt: null, invitedBy: 'admin-1' });
    expect(row.tokenHash).not.toContain(link.token);
    expect((await admin.users.invitations()).map((i) => [i.purpose, i.email, i.accountName])).toEqual([['password_reset', EMAIL, 'Ed Itor']]);

    const anonymous = callerAs(db, null);
    expect(await anonymous.users.invitation({ token: link.token })).toMatchObject({ purpose: 'password_reset', email: EMAIL, name: 'Ed Itor' });
    const short = await expectTRPCError(anonymous.users.resetPassword({ token: link.token, password: 'short' }), 'BAD_REQUEST');
    expect(Object.keys(short.fieldErrors ?? {})).toEqual(['password']);

    const events = await eventsWrittenBy(db, () => anonymous.users.resetPassword({ token: link.token, password: NEW }));
    expect((await signIn(OLD)).status).toBe(401);
    expect(await auth.api.getSession({ headers: new Headers({ cookie: session.cookie }) })).toBeNull();
    expect((await signIn(NEW)).status).toBe(200);

    const again = await expectTRPCError(anonymous.users.resetPassword({ token: link.token, password: 'yet another password' }), 'NOT_FOUND');
    expect(again.fieldErrors).toEqual({ token: expect.stringMatching(/^This password reset link is not valid any more: it was used already/) });
    expect((await signIn('yet another password')).status).toBe(401);
    expect(await admin.users.invitations()).toEqual([]);

    // The person who held the link is the actor of their password change; the event concerns the link.
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: ed.id, action: 'update', entity: 'user', entityId: 0 });
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ id: ed.id, signInLockedUntil: expect.any(String), passwordSetWith: null });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ id: ed.id, signInLockedUntil: null, passwordSetWith: `password reset link #${row.id}` });
    expect(events[0]!.after).not.toContain(NEW);
    const history = await historyOf(db, { entity: 'password_reset', id: row.id });
    expect(history.map((h) => [h.action, h.entity, h.actorName])).toEqual([
      ['update', 'user', 'Ed Itor'],
      ['create', 'password_reset', 'Ana Admin'],
    ]);
  });

  it('cancels the older links of an account when a newer one is made: the old one says so, only the newest is listed and works', async () => {
    const { db, admin, ed, signIn } = await setup();
    const first = await admin.users.createPasswordReset({ userId: ed.id });
    // another account's link is not affected by Ed's
    const other = await createUser(db, null, { email: 'cy@desk.test', name: 'Cy Checker', role: 'checker', password: OLD });
    const others = await admin.users.createPasswordReset({ userId: other.id });
    const second = await admin.users.createPasswordReset({ userId: ed.id });
    expect((await admin.users.invitations()).map((i) => i.accountName)).toEqual(['Ed Itor', 'Cy Checker']);

    const anonymous = callerAs(db, null);
    for (const attempt of [anonymous.users.invitation({ token: first.token }), anonymous.users.resetPassword({ token: first.token, password: 'from the older link' })]) {
      const err = await expectTRPCError(attempt, 'NOT_FOUND');
      expect(err.fieldErrors).toEqual({ token: expect.stringMatching(/^This password reset link is not valid any more: a newer one was made for this account since/) });
    }
    expect((await signIn('from the older link')).status).toBe(401);
    expect((await signIn(OLD)).status).toBe(200);

    await anonymous.users.resetPassword({ token: second.token, password: NEW });
    expect((await signIn(NEW)).status).toBe(200);
    await anonymous.users.resetPassword({ token: others.token, password: 'cy has a new one too' });
  });

  it('refuses an expired link, an unknown one, and a link of the other kind, each saying why', async () => {
    const { db, admin, ed, signIn } = await setup();
    const anonymous = callerAs(db, null);
    const { token } = await admin.users.createPasswordReset({ userId: ed.id });
    await db.updateTable('invitation').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).execute();
    const expired = await expectTRPCError(anonymous.users.resetPassword({ token, password: NEW }), 'NOT_FOUND');
    expect(expired.message).toMatch(/^This password reset link is not valid any more: it expired/);
    await expectTRPCError(anonymous.users.invitation({ token }), 'NOT_FOUND');
    expect((await signIn(NEW)).status).toBe(401);
    expect((await signIn(OLD)).status).toBe(200);

    const unknown = await expectTRPCError(anonymous.users.resetPassword({ token: 'x'.repeat(32), password: NEW }), 'NOT_FOUND');
    expect(unknown.fieldErrors).toEqual({ token: expect.stringMatching(/^This link is not valid: no invitation or password reset has this address/) });

    // An invitation is not a reset link, nor the other way round.
    const invitation = await admin.users.invite({ email: 'new@desk.test', role: 'checker' });
    await expectTRPCError(anonymous.users.resetPassword({ token: invitation.token, password: NEW }), 'NOT_FOUND');
    const reset = await admin.users.createPasswordReset({ userId: ed.id });
    await expectTRPCError(anonymous.users.acceptInvitation({ token: reset.token, name: 'Someone', password: NEW }), 'NOT_FOUND');
    expect(await db.selectFrom('user').select('id').where('email', '=', 'new@desk.test').execute()).toEqual([]);
  });

  it('changes nothing at all when its audit event cannot be written (one transaction each)', async () => {
    const { db, admin, ed, signIn, lockOut } = await setup();
    const session = await signIn(OLD);
    await lockOut();
    const { token } = await admin.users.createPasswordReset({ userId: ed.id });
    const state = async () => ({
      account: await db.selectFrom('account').selectAll().execute(),
      sessions: await db.selectFrom('session').selectAll().execute(),
      failures: await db.selectFrom('signInFailure').selectAll().execute(),
      links: await db.selectFrom('invitation').selectAll().execute(),
    });
    const before = await state();
    await sql`create trigger audit_down before insert on audit_event begin select raise(abort, 'audit log unavailable'); end`.execute(db);
    await expectTRPCError(admin.users.unlock({ userId: ed.id }), 'CONFLICT');
    await expectTRPCError(callerAs(db, null).users.resetPassword({ token, password: NEW }), 'CONFLICT');
    expect(await state()).toEqual(before);
    expect(before.sessions.length).toBeGreaterThan(0);
    await sql`drop trigger audit_down`.execute(db);
    expect((await signIn(OLD)).status).toBe(429);
    await callerAs(db, null).users.resetPassword({ token, password: NEW });
    expect((await signIn(NEW)).status).toBe(200);
    expect(session.cookie).not.toBe('');
  });

  it('is only for enabled accounts', async () => {
    const { db, admin, ed, signIn } = await setup();
    const { token } = await admin.users.createPasswordReset({ userId: ed.id });
    await admin.users.setDisabled({ userId: ed.id, disabled: true });
    const made = await expectTRPCError(admin.users.createPasswordReset({ userId: ed.id }), 'BAD_REQUEST');
    expect(made.fieldErrors).toEqual({ userId: expect.stringMatching(/disabled/) });
    const used = await expectTRPCError(callerAs(db, null).users.resetPassword({ token, password: NEW }), 'BAD_REQUEST');
    expect(used.fieldErrors).toEqual({ token: expect.stringMatching(/disabled/) });
    await admin.users.setDisabled({ userId: ed.id, disabled: false });
    expect((await signIn(OLD)).status).toBe(200);
  });
});
