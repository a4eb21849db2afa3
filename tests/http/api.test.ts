import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '~/tests/helpers/server';
import { demoAccount, sessionCookie } from '~/tests/helpers/session';

// The built app, served by `next start` on a free port with the demo story loaded.
let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer();
  cookie = await sessionCookie(server.baseUrl, 'editor');
});
afterAll(async () => {
  await server?.stop();
});

const query = (path: string, input: unknown, headers: Record<string, string> = { cookie }) =>
  fetch(`${server.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });

const mutate = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(input),
  });

describe('pages', () => {
  it('sends signed-out visitors to the sign-in page', async () => {
    const res = await fetch(`${server.baseUrl}/claims/1`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toMatch(/\/sign-in\?next=%2Fclaims%2F1$/);
    const signIn = await fetch(`${server.baseUrl}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('Sign in');
  });

  it('sends security headers, with a nonce-based CSP and no unsafe-inline scripts', async () => {
    const res = await fetch(`${server.baseUrl}/claims`, { headers: { cookie } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await res.text();
    // Every inline script carries this response's nonce.
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  });

  it('server-renders the claims list with the demo story, no client fetch needed', async () => {
    const res = await fetch(`${server.baseUrl}/claims`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Bashar al-Assad has left Syria.');
    expect(html).toContain('Fall of Damascus, Dec 2024');
  });

  it('answers 404 for a claim that does not exist', async () => {
    const res = await fetch(`${server.baseUrl}/claims/999999`, { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This record does not exist');
  });

  it('redirects the home page to the claims list', async () => {
    const res = await fetch(`${server.baseUrl}/`, { redirect: 'manual', headers: { cookie } });
    expect([307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/\/claims$/);
  });
});

describe('the tRPC API over HTTP', () => {
  it('lists claims filtered by text', async () => {
    const res = await query('claims.list', { q: 'Assad', sort: 'newest', limit: 25 });
    expect(res.status).toBe(200);
    const body = await res.json();
    const texts = body.result.data.items.map((c: { text: string }) => c.text);
    expect(texts).toContain('Bashar al-Assad has left Syria.');
    expect(texts.every((t: string) => /assad/i.test(t))).toBe(true);
  });

  it('rejects a javascript: URL with a 400 that names the field', async () => {
    const res = await mutate('documents.create', { url: 'javascript:alert(1)', title: 'Evil' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.data.fieldErrors.url).toMatch(/http/);
    expect(body.error.data.code).toBe('BAD_REQUEST');
  });

  it('answers 404 with a readable message for an unknown id', async () => {
    const res = await query('claims.get', { id: 424242 });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.message).toMatch(/does not exist/);
  });

  it('refuses a stale version with 409 and leaves the claim as it was', async () => {
    const created = await (await mutate('claims.create', { text: 'A claim to edit twice.' })).json();
    const { id, version } = created.result.data;
    const first = await mutate('claims.update', { id, version, text: 'First edit wins.' });
    expect(first.status).toBe(200);
    const second = await mutate('claims.update', { id, version, text: 'Second edit, from a stale copy.' });
    expect(second.status).toBe(409);
    expect((await second.json()).error.data.reason).toBe('stale');
    const now = await (await query('claims.get', { id })).json();
    expect(now.result.data.text).toBe('First edit wins.');
  });

  it('answers UNAUTHORIZED to a signed-out caller, and FORBIDDEN to a checker deleting', async () => {
    const anon = await query('claims.list', { limit: 5 }, {});
    expect(anon.status).toBe(401);
    const checker = await sessionCookie(server.baseUrl, 'checker');
    const created = await (await mutate('claims.create', { text: 'A checker logs this claim.' }, { cookie: checker })).json();
    const { id, version } = created.result.data;
    const del = await mutate('claims.delete', { id, version }, { cookie: checker });
    expect(del.status).toBe(403);
    expect((await (await query('claims.get', { id })).json()).result.data.text).toBe('A checker logs this claim.');
  });

  it('refuses writes that are not JSON, or that come from another site', async () => {
    const form = await fetch(`${server.baseUrl}/api/trpc/claims.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: 'text=Posted+from+a+form',
    });
    expect(form.status).toBe(415);
    const cross = await mutate('claims.create', { text: 'Posted from another site.' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const list = await (await query('claims.list', { q: 'Posted from', limit: 5 })).json();
    expect(list.result.data.items).toEqual([]);
  });

  it('locks an account after five wrong passwords, whatever address the guesses claim to come from', async () => {
    const editor = demoAccount('editor');
    const attempt = (password: string, i: number) =>
      fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        // a guesser talking to the app directly can write any X-Forwarded-For it likes
        headers: { 'content-type': 'application/json', origin: server.baseUrl, 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ email: editor.email, password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt('not the password', i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // while locked, the right password is refused too, and the answer says why and for how long
    const right = await attempt(editor.password, 99);
    expect(right.status).toBe(429);
    const body = await right.json();
    expect(body.message).toMatch(/Too many wrong passwords for this account\. Try again in 15 minutes/);
    expect(body.code).toBe('ACCOUNT_LOCKED');
  });

  it('changes a password: the old one stops working, the new one signs in', async () => {
    const checker = await sessionCookie(server.baseUrl, 'checker');
    const change = await fetch(`${server.baseUrl}/api/auth/change-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.baseUrl, cookie: checker },
      body: JSON.stringify({ currentPassword: 'demo-checker-pass', newPassword: 'a brand new password', revokeOtherSessions: false }),
    });
    expect(change.status).toBe(200);
    const signIn = (password: string) =>
      fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl, 'x-forwarded-for': '198.51.100.9' },
        body: JSON.stringify({ email: 'checker@demo.corroborate', password }),
      });
    expect((await signIn('demo-checker-pass')).status).toBe(401);
    expect((await signIn('a brand new password')).status).toBe(200);
  });

  it('does not run mutations sent as GET', async () => {
    const res = await query('claims.create', { text: 'Sneaky claim via GET.' });
    expect(res.status).toBe(405);
    const list = await (await query('claims.list', { q: 'Sneaky', limit: 5 })).json();
    expect(list.result.data.items).toEqual([]);
  });
});
