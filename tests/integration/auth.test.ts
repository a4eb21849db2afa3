import { describe, expect, it } from 'vitest';
import { APIError } from 'better-auth/api';
import { createAuth, trustedProxies } from '~/server/auth/auth';
import { lockedFor, lockedMessage, signInFailed, WINDOW_MS } from '~/server/auth/sign-in-throttle';
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

describe('the per-account sign-in throttle', () => {
  // a refusal by the before-hook comes back as a thrown APIError from auth.api (as a 429 over HTTP)
  const signIn = (auth: Awaited<ReturnType<typeof setup>>['auth'], email: string, password: string) =>
    auth.api.signInEmail({ body: { email, password }, asResponse: true }).then(
      (r) => r.status,
      (e: unknown) => {
        if (e instanceof APIError) return e.statusCode;
        throw e;
      },
    );

  it('locks an account after five wrong passwords; then even the right one is refused', async () => {
    const { auth } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await signIn(auth, i % 2 ? 'ED@desk.test' : 'ed@desk.test', 'wrong password!'));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await signIn(auth, 'ed@desk.test', 'correct horse battery')).toBe(429);
  });

  it('forgets the wrong passwords once the right one gets in', async () => {
    const { auth } = await setup();
    for (let i = 0; i < 4; i++) expect(await signIn(auth, 'ed@desk.test', 'wrong password!')).toBe(401);
    expect(await signIn(auth, 'ed@desk.test', 'correct horse battery')).toBe(200);
    for (let i = 0; i < 4; i++) expect(await signIn(auth, 'ed@desk.test', 'wrong password!')).toBe(401);
    expect(await signIn(auth, 'ed@desk.test', 'correct horse battery')).toBe(200);
  });

  it('lets the account try again once its fifth-latest failure is fifteen minutes old, and leaves other accounts alone', async () => {
    const { db } = await setup();
    const t0 = Date.UTC(2026, 10, 25, 9, 0);
    for (let i = 0; i < 5; i++) await signInFailed(db, 'ed@desk.test', t0 + i * 60_000);
    expect(await lockedFor(db, 'ed@desk.test', t0 + 5 * 60_000)).toBe(10 * 60_000);
    expect(await lockedFor(db, 'Ed@Desk.test ', t0 + 5 * 60_000)).toBe(10 * 60_000);
    expect(await lockedFor(db, 'other@desk.test', t0 + 5 * 60_000)).toBe(0);
    expect(await lockedFor(db, 'ed@desk.test', t0 + WINDOW_MS + 1)).toBe(0);
    expect(lockedMessage(10 * 60_000)).toMatch(/Try again in 10 minutes/);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('takes addresses and CIDR ranges, and stops on anything else, naming the setting and the entry', () => {
    expect(trustedProxies('10.0.0.2, 10.0.0.0/8,::1,fd00::/8')).toEqual(['10.0.0.2', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(trustedProxies('')).toEqual([]);
    expect(() => trustedProxies('10.0.0.2, proxy.internal')).toThrow('TRUSTED_PROXIES: proxy.internal is not an IP address or CIDR range');
    expect(() => trustedProxies('10.0.0.0/33')).toThrow('TRUSTED_PROXIES: 10.0.0.0/33');
  });
});
