import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { admin } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements, userAc } from 'better-auth/plugins/admin/access';
import { databasePath, type DB } from '~/db/client';
import { ACCOUNT_LOCKED, lockedFor, lockedMessage, signInFailed, signInSucceeded } from './sign-in-throttle';

const ac = createAccessControl(defaultStatements);
const roles = {
  checker: ac.newRole({ ...userAc.statements }),
  editor: ac.newRole({ ...userAc.statements }),
  admin: ac.newRole({ ...adminAc.statements }),
};

export const isDemoMode = () => process.env.CORROBORATE_DEMO === '1';

export function appBaseUrl(): string {
  return process.env.CORROBORATE_URL ?? process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * The signing secret: BETTER_AUTH_SECRET, or a random one kept beside the database (so a
 * demo or a single-machine desk works without setup, and sessions survive restarts).
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = join(dirname(databasePath()), '.auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Origin of the request as the browser addressed it (for the CSRF origin check). */
function requestOrigin(request?: Request): string | undefined {
  const host = request?.headers.get('x-forwarded-host') ?? request?.headers.get('host');
  if (!host) return undefined;
  const proto = request?.headers.get('x-forwarded-proto') ?? (appBaseUrl().startsWith('https:') ? 'https' : 'http');
  return `${proto}://${host}`;
}

/**
 * Addresses or CIDR ranges of the reverse proxies in front of the app (TRUSTED_PROXIES,
 * comma-separated). A wrong entry stops the app: better-auth would skip it silently and, with no
 * valid entry left, trust whatever address a client writes in X-Forwarded-For.
 */
export function trustedProxies(value = process.env.TRUSTED_PROXIES ?? ''): string[] {
  const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = entries.filter((e) => {
    const [ip = '', bits, ...rest] = e.split('/');
    const version = isIP(ip);
    return !version || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128)));
  });
  if (wrong.length) throw new Error(`TRUSTED_PROXIES: ${wrong.join(', ')} is not an IP address or CIDR range (for example 10.0.0.2 or 10.0.0.0/8).`);
  return entries;
}

export function createAuth(db: DB, opts: { secret?: string } = {}) {
  const baseURL = appBaseUrl();
  const proxies = trustedProxies();
  const perMinute = proxies.length ? 5 : 30;
  return betterAuth({
    appName: 'Corroborate',
    baseURL,
    secret: opts.secret ?? authSecret(),
    database: { db, type: 'sqlite' },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Accounts come from an admin's invitation or `npm run user:create`, never self sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // A request's own origin is trusted: an attacker's page cannot forge the Host header.
    trustedOrigins: (request) => [baseURL, requestOrigin(request)].filter((o): o is string => Boolean(o)),
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 200,
      // per client address when a proxy tells it (TRUSTED_PROXIES); without one every client shares
      // these buckets, so they are wider, and the per-account throttle does the guarding
      customRules: {
        '/sign-in/email': { window: 60, max: perMinute },
        '/change-password': { window: 60, max: perMinute },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const wait = await lockedFor(db, ctx.body?.email);
        if (wait > 0) throw new APIError('TOO_MANY_REQUESTS', { message: lockedMessage(wait), code: ACCOUNT_LOCKED });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const returned = ctx.context.returned;
        if (returned instanceof APIError) {
          if (returned.statusCode === 401) await signInFailed(db, ctx.body?.email);
        } else await signInSucceeded(db, ctx.body?.email);
      }),
    },
    advanced: {
      // Client addresses for the per-address limits: behind a reverse proxy, list it in
      // TRUSTED_PROXIES and the address is read from X-Forwarded-For past it. Without one, the
      // header is ignored (a client could write any address there) and the limits apply to all
      // clients together; the per-account throttle above does not depend on addresses.
      ipAddress: proxies.length ? { trustedProxies: proxies } : { ipAddressHeaders: [] },
      useSecureCookies: baseURL.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    plugins: [admin({ ac, roles, defaultRole: 'checker', adminRoles: ['admin'] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
