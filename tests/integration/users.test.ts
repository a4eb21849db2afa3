import { describe, expect, it } from 'vitest';
import { addUser, callerAs, freshCaller } from '../helpers/db';
import { expectTRPCError } from '../helpers/fixtures';

describe('invitations', () => {
  it('turns a one-time link into an account with the invited role, once', async () => {
    const { db, caller } = await freshCaller('admin-1', 'admin');
    const { token, email, role } = await caller.users.invite({ email: 'New.Checker@Desk.test', role: 'editor' });
    expect({ email, role }).toEqual({ email: 'new.checker@desk.test', role: 'editor' });
    const anonymous = callerAs(db, null);
    expect(await anonymous.users.invitation({ token })).toMatchObject({ email: 'new.checker@desk.test', role: 'editor' });
    const user = await anonymous.users.acceptInvitation({ token, name: 'Nia', password: 'a long password' });
    expect(user).toMatchObject({ email: 'new.checker@desk.test', role: 'editor', name: 'Nia' });
    // The stored token is a hash, never the token itself.
    const row = await db.selectFrom('invitation').selectAll().executeTakeFirstOrThrow();
    expect(row.tokenHash).not.toContain(token);
    expect(row.usedAt).not.toBeNull();
    const again = await expectTRPCError(anonymous.users.acceptInvitation({ token, name: 'Nia again', password: 'a long password' }), 'NOT_FOUND');
    expect(again.fieldErrors).toEqual({ token: expect.stringMatching(/not valid any more/) });
    expect(await db.selectFrom('user').select('email').where('email', '=', 'new.checker@desk.test').execute()).toHaveLength(1);
  });

  it('refuses an expired link, a short password, and an email that has an account', async () => {
    const { db, caller } = await freshCaller('admin-1', 'admin');
    const { token } = await caller.users.invite({ email: 'late@desk.test', role: 'checker' });
    const anonymous = callerAs(db, null);
    const short = await expectTRPCError(anonymous.users.acceptInvitation({ token, name: 'Late', password: 'short' }), 'BAD_REQUEST');
    expect(Object.keys(short.fieldErrors ?? {})).toEqual(['password']);
    await db.updateTable('invitation').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).execute();
    await expectTRPCError(anonymous.users.acceptInvitation({ token, name: 'Late', password: 'a long password' }), 'NOT_FOUND');
    expect(await db.selectFrom('user').select('id').where('email', '=', 'late@desk.test').execute()).toEqual([]);
    const dup = await expectTRPCError(caller.users.invite({ email: 'admin-1@desk.test', role: 'checker' }), 'CONFLICT');
    expect(Object.keys(dup.fieldErrors ?? {})).toEqual(['email']);
  });
});

describe('roles and disabling', () => {
  it('never demotes or disables the last working admin', async () => {
    const { db, caller } = await freshCaller('admin-1', 'admin');
    await expectTRPCError(caller.users.setRole({ userId: 'admin-1', role: 'editor' }), 'BAD_REQUEST');
    await addUser(db, 'admin-2', 'admin');
    await expectTRPCError(caller.users.setDisabled({ userId: 'admin-1', disabled: true }), 'BAD_REQUEST'); // not yourself
    expect(await caller.users.setRole({ userId: 'admin-2', role: 'editor' })).toMatchObject({ role: 'editor' });
    await expectTRPCError(caller.users.setRole({ userId: 'admin-1', role: 'checker' }), 'BAD_REQUEST');
  });

  it('signs a disabled account out everywhere, and lists accounts without secrets', async () => {
    const { db, caller } = await freshCaller('admin-1', 'admin');
    await addUser(db, 'ed', 'editor');
    const at = new Date().toISOString();
    await db
      .insertInto('session')
      .values({ id: 's1', token: 't1', userId: 'ed', expiresAt: '2999-01-01T00:00:00.000Z', createdAt: at, updatedAt: at, ipAddress: null, userAgent: null, impersonatedBy: null })
      .execute();
    const after = await caller.users.setDisabled({ userId: 'ed', disabled: true });
    expect(after.banned).toBe(1);
    expect(await db.selectFrom('session').selectAll().where('userId', '=', 'ed').execute()).toEqual([]);
    const list = await caller.users.list();
    for (const u of list) expect(Object.keys(u).sort()).toEqual(['banned', 'createdAt', 'disabled', 'email', 'id', 'lastSeenAt', 'name', 'role', 'signInLock', 'updatedAt']);
    expect(list.find((u) => u.id === 'ed')).toMatchObject({ disabled: true });
    expect(await caller.users.setDisabled({ userId: 'ed', disabled: false })).toMatchObject({ banned: 0 });
  });
});
