import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '~/tests/helpers/server';
import { sessionCookie } from '~/tests/helpers/session';
import { extractAttributions, type Span } from '~/server/intake/extract';

// The built app (`next start`): the extractor runs in its bundled worker thread.
let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer();
  cookie = await sessionCookie(server.baseUrl, 'checker');
});
afterAll(async () => {
  await server?.stop();
});

const extract = (text: string) =>
  fetch(`${server.baseUrl}/api/trpc/intake.extract`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ text }),
  });
const listClaims = () =>
  fetch(`${server.baseUrl}/api/trpc/claims.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`, { headers: { cookie } });

// Sentences written for this test, with nothing attributed: the extractor reads every word
// (about two seconds for 1 MB) and proposes next to nothing, so the answer is quick once it is done.
const SENTENCES = [
  'The river runs past the old mill at the edge of the valley.',
  'Autumn rain fills the reservoir above the town every year.',
  'A narrow road climbs through the pine forest to the pass.',
  'The market opens early on Saturdays, when farmers bring apples and cheese.',
  'Two bridges cross the river, one of stone and one of steel.',
  'In winter the lake freezes and children skate near the shore.',
];
function plainText(bytes: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = SENTENCES[i % SENTENCES.length]!;
    out.push(i % 5 === 4 ? s + '\n\n' : s + ' ');
    n += s.length + 1;
  }
  return out.join('');
}

describe('intake.extract on the production server', () => {
  it('runs the extractor in a worker: with the same answer, and other requests answered meanwhile', async () => {
    const article = [
      '“We will rebuild the bridge before winter,” the mayor said on Monday.',
      'The finance minister said that the budget deficit had doubled since March. Opposition councillors denied that any money was missing.',
      'The harbour has been closed to all ships, according to the port authority.',
    ].join('\n\n');
    const res = await extract(article); // also starts the worker and loads the models
    expect(res.status).toBe(200);
    const proposals = (await res.json()).result.data.proposals as { source: unknown; cue: unknown; content: unknown; stance: string; claimText: string }[];
    // The synchronous extractor's attributions, in this process, are what the server's worker found.
    const pieces = (s: Span | null) => (s == null ? [] : Array.isArray(s) ? s : [s]);
    const expected = extractAttributions(article).map((a) => ({ source: pieces(a.source), cue: pieces(a.cue), content: pieces(a.content), stance: a.stance, claimText: a.claim }));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(proposals.map(({ source, cue, content, stance, claimText }) => ({ source, cue, content, stance, claimText }))).toStrictEqual(expected);

    let longDone = false;
    const long = extract(plainText(1_000_000)).then((r) => {
      longDone = true;
      return r;
    });
    let answeredMeanwhile = 0;
    while (!longDone) {
      const list = await listClaims();
      expect(list.status).toBe(200);
      await list.arrayBuffer();
      if (!longDone) answeredMeanwhile++;
    }
    expect((await long).status).toBe(200);
    // On the request thread, the extraction would hold every other request until it finished.
    expect(answeredMeanwhile).toBeGreaterThan(5);
  });
});
