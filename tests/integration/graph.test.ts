import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadDemoStory } from '~/db/demo-story';
import { migrateToLatest } from '~/db/client';
import type { Database } from '~/db/schema';
import { openSqlite } from '~/db/sqlite';
import { addUser, callerAs, freshCaller } from '../helpers/db';
import { expectTRPCError, makeAttribution, makeClaim, makeDocument, makeSource, makeStory, type Caller } from '../helpers/fixtures';

type Graph = Awaited<ReturnType<Caller['graph']['neighbourhood']>>;

const labels = (g: Graph) => g.nodes.map((n) => n.label);
const edge = (g: Graph, kind: string, from: string, to: string) => {
  const key = (label: string) => g.nodes.find((n) => n.label === label)?.id;
  return g.edges.some((e) => e.kind === kind && e.source === key(from) && e.target === key(to));
};

async function demo() {
  const { db, user, caller } = await freshCaller('desk-checker', 'checker');
  await loadDemoStory(db, { grader: user.id });
  const idOf = async (text: string) => (await db.selectFrom('claim').select('id').where('text', '=', text).executeTakeFirstOrThrow()).id;
  return { db, caller, idOf };
}

describe('graph.neighbourhood on the reference story', () => {
  it('two hops around the departure claim reach Rami, SOHR, the government, the contradicting claim and the article', async () => {
    const { caller, idOf } = await demo();
    const left = await idOf('Bashar al-Assad has left Syria.');
    const g = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: left } });

    expect(g.focus).toMatchObject({ kind: 'claim', id: left, key: `claim:${left}`, label: 'Bashar al-Assad has left Syria.' });
    expect(g.truncated).toBe(false);
    expect(g.nodes[0]).toMatchObject({ id: `claim:${left}`, kind: 'claim', depth: 0, status: 'open', verdict: null });
    expect(labels(g)).toEqual(
      expect.arrayContaining([
        'Rami Abdurrahman',
        'Syrian Observatory for Human Rights',
        'Syrian government',
        'News agencies (unnamed)',
        'Bashar al-Assad is still in Syria.',
        'Opposition forces entered Damascus on 8 December 2024.',
        'Assad reportedly leaves Syria as opposition forces enter Damascus',
      ]),
    );
    const depthOf = (label: string) => g.nodes.find((n) => n.label === label)?.depth;
    expect([depthOf('Rami Abdurrahman'), depthOf('Syrian government'), depthOf('Bashar al-Assad is still in Syria.')]).toEqual([1, 1, 1]);
    expect([depthOf('Syrian Observatory for Human Rights'), depthOf('News agencies (unnamed)')]).toEqual([2, 2]);
    expect(g.nodes.find((n) => n.label === 'Syrian Observatory for Human Rights')).toMatchObject({ kind: 'source', grade: 'B', sourceKind: 'ngo' });
    expect(g.nodes.find((n) => n.kind === 'document')).toMatchObject({ documentKind: 'article', url: expect.stringMatching(/^https:/) });

    expect(edge(g, 'asserts', 'Rami Abdurrahman', 'Bashar al-Assad has left Syria.')).toBe(true);
    expect(edge(g, 'denies', 'Syrian government', 'Bashar al-Assad has left Syria.')).toBe(true);
    expect(edge(g, 'relayed_via', 'Rami Abdurrahman', 'News agencies (unnamed)')).toBe(true);
    expect(edge(g, 'affiliated_with', 'Rami Abdurrahman', 'Syrian Observatory for Human Rights')).toBe(true);
    expect(edge(g, 'published_in', 'Bashar al-Assad has left Syria.', 'Assad reportedly leaves Syria as opposition forces enter Damascus')).toBe(true);
    expect(edge(g, 'published_in', 'Demo News Desk', 'Assad reportedly leaves Syria as opposition forces enter Damascus')).toBe(true);
    expect(edge(g, 'supports', 'Opposition forces entered Damascus on 8 December 2024.', 'Bashar al-Assad has left Syria.')).toBe(true);
    const contradicts = g.edges.filter((e) => e.kind === 'contradicts');
    expect(contradicts).toHaveLength(1);

    // Every edge joins two nodes of the answer, and no edge is listed twice.
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(new Set(g.edges.map((e) => `${e.kind} ${e.source} ${e.target}`)).size).toBe(g.edges.length);
    expect(ids.size).toBe(g.nodes.length);
  });

  it('walks and shows only the wanted edge kinds', async () => {
    const { caller, idOf } = await demo();
    const left = await idOf('Bashar al-Assad has left Syria.');
    const g = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: left }, edgeKinds: ['contradicts', 'denies'] });
    expect(labels(g).sort()).toEqual(['Bashar al-Assad has left Syria.', 'Bashar al-Assad is still in Syria.', 'Syrian government']);
    expect(g.edges.map((e) => e.kind).sort()).toEqual(['contradicts', 'denies']);
    // The government also asserts "still in Syria", but asserts is not wanted.
    expect(edge(g, 'asserts', 'Syrian government', 'Bashar al-Assad is still in Syria.')).toBe(false);

    const none = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: left }, edgeKinds: [] });
    expect([none.nodes.length, none.edges.length]).toEqual([1, 0]);
  });

  it('refocuses on a source, and starts a story from its claims', async () => {
    const { db, caller } = await demo();
    const gov = await db.selectFrom('source').select('id').where('name', '=', 'Syrian government').executeTakeFirstOrThrow();
    const g = await caller.graph.neighbourhood({ focus: { kind: 'source', id: gov.id }, depth: 1 });
    expect(labels(g).sort()).toEqual(['Bashar al-Assad has left Syria.', 'Bashar al-Assad is still in Syria.', 'Syrian government']);

    const story = await db.selectFrom('story').select(['id', 'title']).executeTakeFirstOrThrow();
    const s = await caller.graph.neighbourhood({ focus: { kind: 'story', id: story.id }, depth: 1 });
    expect(s.focus.label).toBe(story.title);
    expect(s.nodes.filter((n) => n.depth === 0)).toHaveLength(10);
    expect(s.nodes.every((n) => n.depth === 0 ? n.kind === 'claim' : n.depth === 1)).toBe(true);
    expect(labels(s)).toEqual(expect.arrayContaining(['Rami Abdurrahman', 'Syrian government', 'Demo News Desk']));
  });

  it('refuses a focus that does not exist', async () => {
    const { caller } = await freshCaller();
    await expectTRPCError(caller.graph.neighbourhood({ focus: { kind: 'claim', id: 999 } }), 'NOT_FOUND');
    await expectTRPCError(caller.graph.neighbourhood({ focus: { kind: 'story', id: 999 } }), 'NOT_FOUND');
    await expectTRPCError(caller.graph.neighbourhood({ focus: { kind: 'claim', id: 1 }, depth: 4 }), 'BAD_REQUEST');
    await expectTRPCError(caller.graph.neighbourhood({ focus: { kind: 'claim', id: 1 }, limit: 401 }), 'BAD_REQUEST');
  });
});

describe('graph.neighbourhood bounds', () => {
  it('stops at the depth: a chain of six claims seen from one end', async () => {
    const { caller } = await freshCaller();
    const chain: { id: number }[] = [];
    for (let i = 0; i < 6; i++) chain.push(await makeClaim(caller, { text: `Chain link number ${i}` }));
    for (let i = 0; i < 5; i++) await caller.links.create({ fromClaimId: chain[i]!.id, toClaimId: chain[i + 1]!.id, kind: 'supports' });
    const at = async (depth?: number) =>
      (await caller.graph.neighbourhood({ focus: { kind: 'claim', id: chain[0]!.id }, depth })).nodes.map((n) => [n.label, n.depth]);
    expect(await at()).toEqual([0, 1, 2].map((i) => [`Chain link number ${i}`, i]));
    expect(await at(1)).toHaveLength(2);
    expect(await at(3)).toEqual([0, 1, 2, 3].map((i) => [`Chain link number ${i}`, i]));
    // From the middle, both ways.
    const mid = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: chain[3]!.id }, depth: 1 });
    expect(mid.nodes.map((n) => n.label).sort()).toEqual([2, 3, 4].map((i) => `Chain link number ${i}`));
    expect(mid.truncated).toBe(false);
  });

  it('stops at the node cap: a star bigger than the cap is truncated to the nearest nodes', async () => {
    const { caller } = await freshCaller();
    const hub = await makeClaim(caller, { text: 'The hub claim of the star' });
    const far = await makeSource(caller, { name: 'Far away parent' });
    for (let i = 0; i < 12; i++) {
      const s = await makeSource(caller, { name: `Star source ${i}`, affiliationId: i === 0 ? far.id : null });
      await makeAttribution(caller, { claimId: hub.id, sourceId: s.id });
    }
    const full = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: hub.id } });
    expect([full.nodes.length, full.truncated]).toEqual([14, false]);

    const capped = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: hub.id }, limit: 10 });
    expect(capped.truncated).toBe(true);
    expect(capped.nodes).toHaveLength(10);
    expect(capped.nodes[0]!.id).toBe(`claim:${hub.id}`);
    // The nearest first: the parent two hops out is the one left out.
    expect(capped.nodes.every((n) => n.depth <= 1)).toBe(true);
    const ids = new Set(capped.nodes.map((n) => n.id));
    expect(capped.edges).toHaveLength(9);
    expect(capped.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);

    // Exactly at the cap is not truncated.
    const exact = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: hub.id }, limit: 14 });
    expect([exact.nodes.length, exact.truncated]).toEqual([14, false]);
  });

  it('does not loop on cycles: contradicts both ways, A supports B supports A, a source relayed by itself', async () => {
    const { caller } = await freshCaller();
    const a = await makeClaim(caller, { text: 'Cycle claim A' });
    const b = await makeClaim(caller, { text: 'Cycle claim B' });
    const c = await makeClaim(caller, { text: 'Cycle claim C' });
    await caller.links.create({ fromClaimId: a.id, toClaimId: b.id, kind: 'supports' });
    await caller.links.create({ fromClaimId: b.id, toClaimId: a.id, kind: 'supports' });
    await caller.links.create({ fromClaimId: b.id, toClaimId: c.id, kind: 'contradicts' });
    await caller.links.create({ fromClaimId: c.id, toClaimId: a.id, kind: 'part_of' });
    for (const focus of [a, b, c]) {
      const g = await caller.graph.neighbourhood({ focus: { kind: 'claim', id: focus.id }, depth: 3, limit: 400 });
      expect(g.nodes.map((n) => n.label).sort()).toEqual(['Cycle claim A', 'Cycle claim B', 'Cycle claim C']);
      expect(g.edges.map((e) => e.kind).sort()).toEqual(['contradicts', 'part_of', 'supports', 'supports']);
      expect(g.truncated).toBe(false);
    }
  });
});

describe('graph.neighbourhood query count', () => {
  it('issues the same number of SQL queries for a neighbourhood of 2 nodes and one of 100', async () => {
    let counting = false;
    let queries = 0;
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: openSqlite(':memory:') }),
      plugins: [new CamelCasePlugin()],
      log(e) {
        if (counting && e.level === 'query') queries++;
      },
    });
    await migrateToLatest(db);
    const caller = callerAs(db, await addUser(db, 'counter', 'admin'));

    const small = await makeClaim(caller);
    await makeAttribution(caller, { claimId: small.id, sourceId: (await makeSource(caller)).id });

    const big = await makeClaim(caller);
    const parent = await makeSource(caller, { name: 'Parent network' });
    const agency = await makeSource(caller, { name: 'Wire', kind: 'wire_agency' });
    for (let i = 0; i < 30; i++) {
      const s = await makeSource(caller, { affiliationId: parent.id });
      const d = await makeDocument(caller, { publisherId: agency.id });
      await makeAttribution(caller, { claimId: big.id, sourceId: s.id, documentId: d.id, viaSourceId: agency.id });
      const other = await makeClaim(caller);
      await caller.links.create({ fromClaimId: other.id, toClaimId: big.id, kind: i % 2 ? 'supports' : 'contradicts' });
    }
    const story = await makeStory(caller);
    await caller.stories.addClaim({ storyId: story.id, claimId: small.id });
    const bigStory = await makeStory(caller);
    await caller.stories.addClaim({ storyId: bigStory.id, claimId: big.id });

    const measure = async (focus: { kind: 'claim' | 'story'; id: number }) => {
      queries = 0;
      counting = true;
      const g = await caller.graph.neighbourhood({ focus, depth: 3, limit: 400 });
      counting = false;
      return { n: queries, nodes: g.nodes.length, edges: g.edges.length };
    };
    const s = await measure({ kind: 'claim', id: small.id });
    const l = await measure({ kind: 'claim', id: big.id });
    expect(s.nodes).toBe(2);
    expect(l.nodes).toBeGreaterThan(90);
    expect(l.edges).toBeGreaterThan(150);
    expect(l.n).toBe(s.n);
    expect(s.n).toBeLessThanOrEqual(5);
    const ss = await measure({ kind: 'story', id: story.id });
    const ls = await measure({ kind: 'story', id: bigStory.id });
    expect(ls.n).toBe(ss.n);
    expect(ls.nodes).toBe(l.nodes);
  });
});
