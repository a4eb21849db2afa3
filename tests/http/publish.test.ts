import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReviewDocument, claimReviewFeedSchema, googleStructuredDataTest } from '~/tests/helpers/claim-review-schema';
import { startServer, type TestServer } from '~/tests/helpers/server';
import { sessionCookie } from '~/tests/helpers/session';

// The built app with the demo story: an editor reviews a claim over tRPC, then the public page,
// its JSON-LD download and the feed are read signed out; the export is for signed-in members only.
let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer();
  cookie = await sessionCookie(server.baseUrl, 'editor');
});
afterAll(async () => {
  await server?.stop();
});

const DEPARTURE = 'Bashar al-Assad has left Syria.';

const query = async (path: string, input: unknown) => {
  const res = await fetch(`${server.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return (await res.json()).result.data;
};
const mutate = async (path: string, input: unknown) => {
  const res = await fetch(`${server.baseUrl}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.baseUrl },
    body: JSON.stringify(input),
  });
  expect(res.status, `${path}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
  return (await res.json()).result.data;
};

async function reviewOverTrpc(claimId: number, verdict: number, rationale: string) {
  const [claim, assessment] = await Promise.all([query('claims.get', { id: claimId }), query('claims.assessment', { id: claimId })]);
  return mutate('reviews.create', { claimId, claimVersion: claim.version, evidenceFingerprint: assessment.fingerprint, verdict, rationale });
}

/** The page's JSON-LD scripts (their attributes and their text). */
const ldScripts = (html: string) =>
  [...html.matchAll(/<script([^>]*type="application\/ld\+json"[^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, json: m[2]! }));

let departureId: number;

describe('the public claim page', () => {
  it('is 404 for a claim never reviewed and for one that does not exist, signed out', async () => {
    const list = await query('claims.list', { q: 'Assad left Syria', sort: 'newest', limit: 25 });
    departureId = list.items.find((c: { text: string }) => c.text === DEPARTURE).id;
    for (const id of [departureId, 999_999, 'abc']) {
      const res = await fetch(`${server.baseUrl}/published/claims/${id}`, { redirect: 'manual' });
      expect(res.status, String(id)).toBe(404);
      expect((await fetch(`${server.baseUrl}/published/claims/${id}/claim-review.json`, { redirect: 'manual' })).status).toBe(404);
    }
  });

  it('after an editor reviews the claim, is open signed out with valid ClaimReview JSON-LD under the CSP nonce', async () => {
    await reviewOverTrpc(departureId, 2, 'Two **independent** lines of evidence.');
    const res = await fetch(`${server.baseUrl}/published/claims/${departureId}`, { redirect: 'manual' });
    expect(res.status, server.stderr()).toBe(200);
    const html = await res.text();
    expect(html).toContain(DEPARTURE);
    expect(html.replaceAll('<!-- -->', '')).toContain('2 · Probably true');
    expect(html).toContain('<strong>independent</strong>');
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')![1];
    const scripts = ldScripts(html);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.attrs).toContain(`nonce="${nonce}"`);
    const ld = claimReviewDocument.parse(JSON.parse(scripts[0]!.json));
    expect(ld).toMatchObject({ claimReviewed: DEPARTURE, url: `${server.baseUrl}/published/claims/${departureId}` });
    expect(ld.reviewRating).toMatchObject({ ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Probably true' });
    expect(ld.itemReviewed.appearance?.length).toBeGreaterThan(0);
    const google = await googleStructuredDataTest(html);
    expect(google.failed).toEqual([]);
    expect(google.warnings).toEqual([]);

    // The download is the same JSON-LD.
    const download = await fetch(`${server.baseUrl}/published/claims/${departureId}/claim-review.json`, { redirect: 'manual' });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(await download.json()).toEqual(JSON.parse(scripts[0]!.json));
  });

  it('publishes every reviewed claim in the desk-wide feed, signed out', async () => {
    const res = await fetch(`${server.baseUrl}/published/feed.json`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const feed = claimReviewFeedSchema.parse(await res.json());
    expect(feed.itemListElement.map((e) => e.item.claimReviewed)).toContain(DEPARTURE);
  });

  it('keeps a claim text that closes the script element inside the JSON-LD', async () => {
    const evil = 'Rumour </script><script>alert(1)</script> spreads';
    const claim = await mutate('claims.create', { text: evil });
    await reviewOverTrpc(claim.id, 6, 'Nothing to go on </script><script>alert(2)</script>');
    const res = await fetch(`${server.baseUrl}/published/claims/${claim.id}`);
    expect(res.status, server.stderr()).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(');
    const scripts = ldScripts(html);
    expect(scripts).toHaveLength(1);
    const ld = claimReviewDocument.parse(JSON.parse(scripts[0]!.json));
    expect(ld.claimReviewed).toBe(evil);
    expect(ld.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Cannot be judged' });
  });
});

describe('the claims export', () => {
  it('refuses signed-out requests with 401', async () => {
    for (const file of ['claims.csv', 'claims.json']) {
      const res = await fetch(`${server.baseUrl}/api/export/${file}`, { redirect: 'manual' });
      expect(res.status, file).toBe(401);
    }
  });

  it('sends signed-in members CSV (one row per attribution) and JSON, with the list filters', async () => {
    const csv = await fetch(`${server.baseUrl}/api/export/claims.csv`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('claims.csv');
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    const departure = rows.filter((r) => r.claim_text === DEPARTURE);
    expect(departure.length).toBeGreaterThan(1);
    for (const r of departure) expect(r).toMatchObject({ verdict: '2', verdict_label: 'Probably true' });

    const json = await fetch(`${server.baseUrl}/api/export/claims.json?status=reviewed`, { headers: { cookie } });
    expect(json.status).toBe(200);
    const { claims } = await json.json();
    expect(claims.map((c: { status: string }) => c.status).every((s: string) => s === 'reviewed')).toBe(true);
    const d = claims.find((c: { id: number }) => c.id === departureId);
    expect(d.reviews[0]).toMatchObject({ verdict: 2, rationale: 'Two **independent** lines of evidence.' });
    expect(d.attributions.length).toBe(departure.length);

    expect((await fetch(`${server.baseUrl}/api/export/claims.json?status=bogus`, { headers: { cookie } })).status).toBe(400);
  });
});
