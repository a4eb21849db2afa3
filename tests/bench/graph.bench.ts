/**
 * Benchmark of the claim graph's neighbourhood query on a large desk: 100,000 claims (built as
 * in ledger.bench.ts), 300,000 attributions from 2,000 sources (a third relayed by one wire
 * agency), 20,000 documents, 60,000 claim links, 200 stories. Medians of graph.neighbourhood
 * (walk + edges + labels) against a floor measured in the same run (a primary-key lookup).
 *   npx tsx tests/bench/graph.bench.ts [--claims N] [--runs N]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDb, migrateToLatest } from '~/db/client';
import { neighbourhoodInput, type NeighbourhoodInput } from '~/server/graph/graph.schema';
import { neighbourhood } from '~/server/graph/graph.service';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, runs: { type: 'string', default: '31' } } });
const N = Number(values.claims);
const RUNS = Number(values.runs);
const SOURCES = 2000;
const DOCUMENTS = Math.max(10, Math.floor(N / 5));
const STORIES = 200;

const db = createDb(':memory:');
await migrateToLatest(db);

// Bulk load in one transaction, bypassing the services (a benchmark fixture, not user data).
const t0 = performance.now();
await db.transaction().execute(async (trx) => {
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  // Source 1 is the wire agency; every 20th source belongs to the one before it in its block.
  const sources = Array.from({ length: SOURCES }, (_, k) => ({
    name: k === 0 ? 'Bench wire agency' : `Bench source ${k}`,
    kind: k === 0 ? ('wire_agency' as const) : ('organization' as const),
    affiliationId: k > 20 && k % 20 !== 0 ? k - (k % 20) + 1 : null,
    createdAt: at(k),
    updatedAt: at(k),
  }));
  for (let s = 0; s < SOURCES; s += 500) await trx.insertInto('source').values(sources.slice(s, s + 500)).execute();
  for (let start = 0; start < DOCUMENTS; start += 500) {
    const rows = Array.from({ length: Math.min(500, DOCUMENTS - start) }, (_, k) => {
      const i = start + k;
      return { url: `https://bench.example/${i}`, title: `Bench article ${i}`, publisherId: 2 + (i % 50), createdAt: at(i), updatedAt: at(i) };
    });
    await trx.insertInto('document').values(rows).execute();
  }
  for (let start = 0; start < N; start += 500) {
    const rows = Array.from({ length: Math.min(500, N - start) }, (_, k) => {
      const i = start + k;
      return { text: `Benchmark claim number ${i} about the fall of Damascus.`, status: 'open' as const, attributionCount: 3, createdAt: at(i), updatedAt: at(i) };
    });
    await trx.insertInto('claim').values(rows).execute();
  }
  // Three attributions per claim from spread-out sources, a third relayed by the agency, each in a document.
  await sql`insert into attribution (claim_id, source_id, stance, document_id, via_source_id, created_at, updated_at)
            select c.id, 2 + (c.id * 7 + k.n * 613) % ${SOURCES - 1},
                   case (c.id + k.n) % 3 when 0 then 'asserts' when 1 then 'denies' else 'reports' end,
                   1 + (c.id * 3 + k.n) % ${DOCUMENTS}, case when k.n = 1 then 1 end, c.created_at, c.created_at
            from claim c, (select 1 as n union all select 2 union all select 3) k`.execute(trx);
  // Links: each claim supports the next, every 3rd contradicts one far away, every 10th duplicates an earlier one.
  await sql`insert into claim_link (from_claim_id, to_claim_id, kind, created_at, updated_at)
            select id, id + 1, 'supports', created_at, created_at from claim where id < ${N}
            union all select id, (id * 7919) % ${N} + 1, 'contradicts', created_at, created_at from claim where id % 3 = 0 and (id * 7919) % ${N} + 1 > id
            union all select id, id - 5, 'duplicate_of', created_at, created_at from claim where id % 10 = 0 and id > 5`.execute(trx);
  for (let s = 1; s <= STORIES; s++) await trx.insertInto('story').values({ title: `Bench story ${s}`, createdAt: at(s), updatedAt: at(s) }).execute();
  await sql`insert into story_claim (story_id, claim_id, added_at) select 1 + (id / 50) % ${STORIES}, id, created_at from claim where id % 50 = 0`.execute(trx);
});
const loadMs = performance.now() - t0;
await sql`analyze`.execute(db);

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const mid = Math.floor(N / 2);
const cases: [string, NeighbourhoodInput][] = [
  ['claim, 1 hop', { focus: { kind: 'claim', id: mid }, depth: 1 }],
  ['claim, 2 hops (default, cap 150)', { focus: { kind: 'claim', id: mid } }],
  ['claim, 3 hops, cap 400', { focus: { kind: 'claim', id: mid }, depth: 3, limit: 400 }],
  ['claim, 2 hops, claim links only', { focus: { kind: 'claim', id: mid }, edgeKinds: ['supports', 'contradicts', 'duplicate_of', 'part_of'] }],
  ['source, 2 hops', { focus: { kind: 'source', id: 1000 } }],
  ['wire agency (100,000 relays), 1 hop', { focus: { kind: 'source', id: 1 }, depth: 1 }],
  ['story (40 claims), 2 hops', { focus: { kind: 'story', id: 7 } }],
];

const floor = await time(() => db.selectFrom('claim').select('id').where('id', '=', 12345).execute());
const results: [string, number, string][] = [];
for (const [name, input] of cases) {
  const parsed = neighbourhoodInput.parse(input);
  const g = await neighbourhood(db, parsed);
  results.push([name, await time(() => neighbourhood(db, parsed)), `${g.nodes.length} nodes, ${g.edges.length} edges${g.truncated ? ', truncated' : ''}`]);
}

console.log(
  `Graph neighbourhood benchmark: ${N.toLocaleString()} claims, ${(3 * N).toLocaleString()} attributions, ${SOURCES.toLocaleString()} sources, ${DOCUMENTS.toLocaleString()} documents (loaded in ${(loadMs / 1000).toFixed(1)} s); median of ${RUNS} runs`,
);
console.log(`floor (primary-key lookup): ${floor.toFixed(3)} ms`);
for (const [name, ms, what] of results) console.log(`${name.padEnd(40)} ${ms.toFixed(2).padStart(8)} ms  ${(ms / floor).toFixed(0).padStart(7)}× floor   ${what}`);
await db.destroy();
