import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '~/tests/helpers/server';

// The built app, served by `next start` on a free port with the demo story loaded.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const query = (path: string, input: unknown) =>
  fetch(`${server.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);

const mutate = (path: string, input: unknown) =>
  fetch(`${server.baseUrl}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });

describe('pages', () => {
  it('server-renders the claims list with the demo story, no client fetch needed', async () => {
    const res = await fetch(`${server.baseUrl}/claims`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Bashar al-Assad has left Syria.');
    expect(html).toContain('Fall of Damascus, Dec 2024');
  });

  it('answers 404 for a claim that does not exist', async () => {
    const res = await fetch(`${server.baseUrl}/claims/999999`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This record does not exist');
  });

  it('redirects the home page to the claims list', async () => {
    const res = await fetch(`${server.baseUrl}/`, { redirect: 'manual' });
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

  it('does not run mutations sent as GET', async () => {
    const res = await query('claims.create', { text: 'Sneaky claim via GET.' });
    expect(res.status).toBe(405);
    const list = await (await query('claims.list', { q: 'Sneaky', limit: 5 })).json();
    expect(list.result.data.items).toEqual([]);
  });
});
