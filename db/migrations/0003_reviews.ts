import { type Kysely, sql } from 'kysely';

// Editors' reviews of claims: a verdict on the 1–6 credibility scale, a Markdown rationale, and
// the support assessment as it stood (with a fingerprint of the evidence it was computed from,
// so later changes are detectable). Never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id').onDelete('restrict'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('verdict', 'integer', (c) => c.notNull().check(sql`verdict between 1 and 6`))
    .addColumn('rationale', 'text', (c) => c.notNull().check(sql`length(rationale) <= 10000`))
    .addColumn('accepted_suggestion', 'integer', (c) => c.notNull().check(sql`accepted_suggestion in (0, 1)`))
    .addColumn('assessment_json', 'text', (c) => c.notNull())
    .addColumn('evidence_fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The latest review of a claim, and a claim's reviews newest first.
  await db.schema.createIndex('review_claim_idx').on('review').columns(['claim_id', 'id']).execute();
  await db.schema.createIndex('review_created_idx').on('review').columns(['created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review').execute();
}
