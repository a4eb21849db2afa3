import { describe, expect, it } from 'vitest';
import { createAuth } from '~/server/auth/auth';
import { freshDb } from '../helpers/db';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

async function setup() {
  const db = await freshDb();
  const auth = createAuth(db, { secret: SECRET });
  await auth.api.createUser({ body: { email: 'ed@desk.test', password: 'correct horse battery', name: 'Ed Itor', role: 'editor' } });
  return { db, auth };
}

function cookieFrom(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('accounts through better-auth on our SQLite database', () => {
  it('signs in with email and password and reads the session back, role included', async () => {
    const { db, auth } = await setup();
    const res = await auth.api.signInEmail({ body: { email: 'ed@desk.test', password: 'correct horse battery' }, asResponse: true });
    expect(res.status).toBe(200);
    const cookie = cookieFrom(res);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/SameSite=Lax/i);
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user).toMatchObject({ email: 'ed@desk.test', name: 'Ed Itor', role: 'editor' });
    const row = await db.selectFrom('user').selectAll().where('email', '=', 'ed@desk.test').executeTakeFirstOrThrow();
    expect(row.role).toBe('editor');
  });

  it('refuses a wrong password and never creates a session', async () => {
    const { db, auth } = await setup();
    const res = await auth.api.signInEmail({ body: { email: 'ed@desk.test', password: 'wrong password!' }, asResponse: true });
    expect(res.status).toBe(401);
    expect(await db.selectFrom('session').selectAll().execute()).toEqual([]);
  });
});
