/**
 * Benchmark of the claims list on a large desk: 100,000 claims, 300,000 attributions.
 * Measures the first page and a page 90,000 rows deep, for the newest-first and the
 * most-attributed sorts, against a floor measured in the same run (a primary-key lookup), and
 * against what OFFSET pagination would cost at the same depth.
 *   npx tsx tests/bench/ledger.bench.ts [--claims N] [--runs N]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDb, migrateToLatest } from '~/db/client';
import { encodeCursor } from '~/server/shared/cursor';
import { listClaims } from '~/server/claims/claims.service';
import { listClaimsInput } from '~/server/claims/claims.schema';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, runs: { type: 'string', default: '31' } } });
const N = Number(values.claims);
const RUNS = Number(values.runs);

const db = createDb(':memory:');
await migrateToLatest(db);

// Bulk load in one transaction, bypassing the services (a benchmark fixture, not user data).
const t0 = performance.now();
await db.transaction().execute(async (trx) => {
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  await trx.insertInto('source').values({ name: 'Bench source', kind: 'organization', createdAt: at(0), updatedAt: at(0) }).execute();
  for (let start = 0; start < N; start += 500) {
    const rows = Array.from({ length: Math.min(500, N - start) }, (_, k) => {
      const i = start + k;
      return { text: `Benchmark claim number ${i} about the fall of Damascus.`, status: 'open' as const, attributionCount: i % 7, createdAt: at(i), updatedAt: at(i) };
    });
    await trx.insertInto('claim').values(rows).execute();
  }
  await sql`insert into attribution (claim_id, source_id, stance, created_at, updated_at)
            select c.id, 1, case c.id % 3 when 0 then 'asserts' when 1 then 'denies' else 'reports' end, c.created_at, c.created_at
            from claim c, (select 1 union all select 2 union all select 3)`.execute(trx);
});
const loadMs = performance.now() - t0;

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

const depth = Math.floor(N * 0.9);
const deepNewest = await db.selectFrom('claim').select(['id', 'createdAt']).orderBy('createdAt', 'desc').orderBy('id', 'desc').offset(depth).limit(1).executeTakeFirstOrThrow();
const deepAttributed = await db
  .selectFrom('claim')
  .select(['id', 'attributionCount'])
  .orderBy('attributionCount', 'desc')
  .orderBy('id', 'desc')
  .offset(depth)
  .limit(1)
  .executeTakeFirstOrThrow();

const list = (input: Record<string, unknown>) => () => listClaims(db, listClaimsInput.parse(input));
const floor = await time(() => db.selectFrom('claim').select('id').where('id', '=', 12345).execute());
const results: [string, number][] = [
  ['newest, first page', await time(list({ sort: 'newest' }))],
  [`newest, ${depth.toLocaleString()} rows deep (keyset)`, await time(list({ sort: 'newest', cursor: encodeCursor({ k: deepNewest.createdAt, id: deepNewest.id }) }))],
  ['most attributed, first page', await time(list({ sort: 'most_attributed' }))],
  [
    `most attributed, ${depth.toLocaleString()} rows deep (keyset)`,
    await time(list({ sort: 'most_attributed', cursor: encodeCursor({ k: deepAttributed.attributionCount, id: deepAttributed.id }) })),
  ],
  ['newest, text filter "number 4242"', await time(list({ sort: 'newest', q: 'number 4242' }))],
  [
    `for comparison: OFFSET ${depth.toLocaleString()} (newest)`,
    await time(() => db.selectFrom('claim').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').offset(depth).limit(26).execute()),
  ],
];

console.log(`Claims list benchmark: ${N.toLocaleString()} claims, ${(3 * N).toLocaleString()} attributions (loaded in ${(loadMs / 1000).toFixed(1)} s); median of ${RUNS} runs`);
console.log(`floor (primary-key lookup): ${floor.toFixed(3)} ms`);
for (const [name, ms] of results) console.log(`${name.padEnd(48)} ${ms.toFixed(2).padStart(8)} ms   ${(ms / floor).toFixed(0).padStart(6)}× floor`);
await db.destroy();
