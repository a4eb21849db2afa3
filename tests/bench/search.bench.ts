/**
 * Benchmark of full-text search on a large desk: 100,000 claims (with notes), 300,000
 * attributions with quotes, 2,000 sources. Measures the header search as someone types, a
 * filtered search, the claims list's text filter, and duplicate suggestions, against a floor
 * measured in the same run (a primary-key lookup).
 *   npx tsx tests/bench/search.bench.ts [--claims N] [--runs N]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDb, migrateToLatest } from '~/db/client';
import { listClaimsInput } from '~/server/claims/claims.schema';
import { listClaims } from '~/server/claims/claims.service';
import { searchInput, similarClaimsInput } from '~/server/search/search.schema';
import { search, similarClaims } from '~/server/search/search.service';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, runs: { type: 'string', default: '21' } } });
const N = Number(values.claims);
const RUNS = Number(values.runs);

const PLACES = ['Damascus', 'Aleppo', 'Homs', 'Hama', 'Idlib', 'Daraa', 'Latakia', 'Tartus', 'Raqqa', 'Deir ez-Zor'];
const ACTORS = ['Assad', 'the opposition', 'HTS', 'the army', 'Russia', 'Iran', 'Hezbollah', 'the UN envoy', 'residents', 'analysts'];
const VERBS = ['left', 'entered', 'captured', 'denied', 'reported', 'fled', 'attacked', 'announced', 'urged', 'withdrew from'];

const db = createDb(':memory:');
await migrateToLatest(db);
const t0 = performance.now();
await db.transaction().execute(async (trx) => {
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  for (let start = 0; start < 2000; start += 500) {
    await trx
      .insertInto('source')
      .values(Array.from({ length: 500 }, (_, k) => ({ name: `Source ${start + k} ${PLACES[(start + k) % 10]} monitor`, kind: 'organization' as const, createdAt: at(0), updatedAt: at(0) })))
      .execute();
  }
  for (let start = 0; start < N; start += 500) {
    const rows = Array.from({ length: Math.min(500, N - start) }, (_, k) => {
      const i = start + k;
      const text = `${ACTORS[i % 10]} ${VERBS[Math.floor(i / 10) % 10]} ${PLACES[Math.floor(i / 100) % 10]} (report ${i}).`;
      return { text, contextNote: `Seen in coverage number ${i % 997}`, status: 'open' as const, createdAt: at(i), updatedAt: at(i) };
    });
    await trx.insertInto('claim').values(rows).execute();
  }
  await sql`insert into attribution (claim_id, source_id, stance, quote, created_at, updated_at)
            select c.id, 1 + (c.id * 7 + n) % 2000, case (c.id + n) % 3 when 0 then 'asserts' when 1 then 'denies' else 'reports' end,
                   'said that ' || c.text, c.created_at, c.created_at
            from claim c, (select 1 as n union all select 2 union all select 3)`.execute(trx);
});
const loadMs = performance.now() - t0;

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const find = (input: Record<string, unknown>) => () => search(db, searchInput.parse(input));
const floor = await time(() => db.selectFrom('claim').select('id').where('id', '=', 12345).execute());
const results: [string, number][] = [];
for (const typed of ['d', 'da', 'dam', 'damascus', 'assad left dam']) results.push([`header search "${typed}" (4 per kind)`, await time(find({ q: typed, limit: 4 }))]);
results.push(['search "report 4242" (rare)', await time(find({ q: 'report 4242', limit: 10 }))]);
results.push(['search "assad", claims only, status + stance', await time(find({ q: 'assad', kind: 'claim', status: 'open', stance: 'denies', limit: 50 }))]);
results.push(['claims list, text filter "assad left" (newest)', await time(() => listClaims(db, listClaimsInput.parse({ q: 'assad left' })))]);
results.push(['claims.similar "Assad has fled Damascus"', await time(() => similarClaims(db, similarClaimsInput.parse({ text: 'Assad has fled Damascus' })))]);

console.log(`Search benchmark: ${N.toLocaleString()} claims, ${(3 * N).toLocaleString()} quotes, 2,000 sources (loaded in ${(loadMs / 1000).toFixed(1)} s); median of ${RUNS} runs`);
console.log(`floor (primary-key lookup): ${floor.toFixed(3)} ms`);
for (const [name, ms] of results) console.log(`${name.padEnd(52)} ${ms.toFixed(2).padStart(8)} ms   ${(ms / floor).toFixed(0).padStart(7)}× floor`);
await db.destroy();
