/**
 * `npm run bench`: every benchmark, one after the other, each printing medians and ratios
 * against a floor measured in the same run. Speed targets are checked here, never by timed
 * assertions in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'tests/bench');
const benches = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
let failed = 0;
for (const f of benches) {
  console.log(`\n== ${f} ==`);
  const r = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), [join(dir, f), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (!existsSync(dir) || benches.length === 0) console.log('No benchmarks found.');
process.exit(failed ? 1 : 0);
