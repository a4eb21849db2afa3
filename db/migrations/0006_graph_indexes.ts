import type { Kysely } from 'kysely';

// The claim graph (server/graph) walks "relayed via" both ways. From a wire agency that relays
// thousands of attributions, the walk and the edge load need the speakers it relays
// (via_source_id → source_id): an index holding both answers from the index alone, where the
// single-column index had to read every attribution row (tests/bench/graph.bench.ts: a wire
// agency with 100,000 relays, 42 ms → 14 ms). It replaces attribution_via_idx, whose column
// it starts with. Never edit once landed: add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('attribution_via_source_idx').on('attribution').columns(['via_source_id', 'source_id']).execute();
  await db.schema.dropIndex('attribution_via_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('attribution_via_idx').on('attribution').column('via_source_id').execute();
  await db.schema.dropIndex('attribution_via_source_idx').execute();
}
