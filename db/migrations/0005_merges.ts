import { type Kysely, sql } from 'kysely';

// Merges of a duplicate claim into its canonical claim: one row per merge holding everything
// that moved (as JSON), so the merge can be undone exactly. Never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('merge')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('duplicate_id', 'integer', (c) => c.notNull().references('claim.id').onDelete('restrict'))
    .addColumn('canonical_id', 'integer', (c) => c.notNull().references('claim.id').onDelete('restrict'))
    .addColumn('merged_by', 'text')
    .addColumn('merged_at', 'text', (c) => c.notNull())
    // What moved, what was dropped and the rows as they were (server/merge/merge.service.ts MergeRecord).
    .addColumn('moved', 'text', (c) => c.notNull().check(sql`json_valid(moved)`))
    .addColumn('undone_by', 'text')
    .addColumn('undone_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('merge_not_self', sql`duplicate_id <> canonical_id`)
    .execute();
  await db.schema.createIndex('merge_duplicate_idx').on('merge').columns(['duplicate_id', 'id']).execute();
  await db.schema.createIndex('merge_canonical_idx').on('merge').columns(['canonical_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('merge').execute();
}
