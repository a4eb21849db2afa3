import { type Kysely, sql } from 'kysely';

// The claim ledger: stories, claims, sources (aliases, affiliation), documents, attributions,
// claim links and the audit log. Never edit once landed: add a new migration instead.
// Enumerations are written out here (not imported) so later changes to the code cannot
// silently change what this migration did.

const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 200`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('').check(sql`length(description) <= 4000`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('story_title_uq').on('story').column('title').unique().execute();

  await db.schema
    .createTable('claim')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('text', 'text', (c) => c.notNull().check(sql`length(text) between 3 and 1000`))
    .addColumn('context_note', 'text', (c) => c.notNull().defaultTo('').check(sql`length(context_note) <= 4000`))
    .addColumn('event_date', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(inList('status', ['open', 'ready_for_review', 'reviewed', 'archived'])),
    )
    .addColumn('verdict', 'integer', (c) => c.check(sql`verdict between 1 and 6`))
    .addColumn('attribution_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Keyset pagination: newest first, and most attributed first.
  await db.schema.createIndex('claim_created_idx').on('claim').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('claim_attr_count_idx').on('claim').columns(['attribution_count', 'id']).execute();
  await db.schema.createIndex('claim_status_created_idx').on('claim').columns(['status', 'created_at', 'id']).execute();

  await db.schema
    .createTable('story_claim')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('story.id').onDelete('cascade'))
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_claim_pk', ['story_id', 'claim_id'])
    .execute();
  await db.schema.createIndex('story_claim_claim_idx').on('story_claim').columns(['claim_id', 'story_id']).execute();

  await db.schema
    .createTable('source')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          inList('kind', [
            'person',
            'organization',
            'media_outlet',
            'government_body',
            'wire_agency',
            'ngo',
            'social_account',
            'anonymous_group',
          ]),
        ),
    )
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('').check(sql`length(description) <= 4000`))
    .addColumn('affiliation_id', 'integer', (c) => c.references('source.id').onDelete('restrict'))
    .addColumn('affiliation_role', 'text', (c) => c.notNull().defaultTo('').check(sql`length(affiliation_role) <= 200`))
    .addColumn('homepage', 'text', (c) => c.check(sql`homepage like 'http://%' or homepage like 'https://%'`))
    .addColumn('reliability', 'text', (c) =>
      c.notNull().defaultTo('F').check(inList('reliability', ['A', 'B', 'C', 'D', 'E', 'F'])),
    )
    .addColumn('reliability_note', 'text', (c) => c.notNull().defaultTo('').check(sql`length(reliability_note) <= 4000`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('source_not_own_affiliate', sql`affiliation_id is null or affiliation_id <> id`)
    .execute();
  await db.schema.createIndex('source_name_idx').on('source').expression(sql`name collate nocase`).execute();
  await db.schema.createIndex('source_affiliation_idx').on('source').column('affiliation_id').execute();

  await db.schema
    .createTable('source_alias')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'integer', (c) => c.notNull().references('source.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull().check(sql`length(alias) between 1 and 200`))
    .execute();
  await db.schema
    .createIndex('source_alias_uq')
    .on('source_alias')
    .columns(['source_id', 'alias'])
    .unique()
    .execute();
  await db.schema.createIndex('source_alias_alias_idx').on('source_alias').expression(sql`alias collate nocase`).execute();

  await db.schema
    .createTable('document')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('url', 'text', (c) =>
      c.notNull().check(sql`(url like 'http://%' or url like 'https://%') and length(url) <= 2000`),
    )
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 500`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('article').check(inList('kind', ['article', 'video', 'post', 'report', 'other'])),
    )
    .addColumn('publisher_id', 'integer', (c) => c.references('source.id').onDelete('restrict'))
    .addColumn('published_at', 'text')
    .addColumn('retrieved_at', 'text')
    .addColumn('archive_url', 'text', (c) =>
      c.check(sql`archive_url like 'http://%' or archive_url like 'https://%'`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('document_url_uq').on('document').column('url').unique().execute();
  await db.schema.createIndex('document_publisher_idx').on('document').column('publisher_id').execute();
  await db.schema.createIndex('document_created_idx').on('document').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('attribution')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id').onDelete('restrict'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('source.id').onDelete('restrict'))
    .addColumn('stance', 'text', (c) => c.notNull().check(inList('stance', ['asserts', 'denies', 'reports'])))
    .addColumn('quote', 'text', (c) => c.notNull().defaultTo('').check(sql`length(quote) <= 4000`))
    .addColumn('document_id', 'integer', (c) => c.references('document.id').onDelete('restrict'))
    .addColumn('via_source_id', 'integer', (c) => c.references('source.id').onDelete('restrict'))
    .addColumn('evidence_kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('statement')
        .check(inList('evidence_kind', ['statement', 'footage', 'document', 'data', 'eyewitness'])),
    )
    .addColumn('note', 'text', (c) => c.notNull().defaultTo('').check(sql`length(note) <= 4000`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('attribution_claim_idx').on('attribution').columns(['claim_id', 'stance']).execute();
  await db.schema
    .createIndex('attribution_source_idx')
    .on('attribution')
    .columns(['source_id', 'stance', 'claim_id'])
    .execute();
  await db.schema.createIndex('attribution_document_idx').on('attribution').column('document_id').execute();
  await db.schema.createIndex('attribution_via_idx').on('attribution').column('via_source_id').execute();

  await db.schema
    .createTable('claim_link')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('from_claim_id', 'integer', (c) => c.notNull().references('claim.id').onDelete('restrict'))
    .addColumn('to_claim_id', 'integer', (c) => c.notNull().references('claim.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['contradicts', 'supports', 'duplicate_of', 'part_of'])),
    )
    .addColumn('note', 'text', (c) => c.notNull().defaultTo('').check(sql`length(note) <= 4000`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('claim_link_not_self', sql`from_claim_id <> to_claim_id`)
    // A symmetric link is stored once, lower id first.
    .addCheckConstraint('claim_link_symmetric_order', sql`kind <> 'contradicts' or from_claim_id < to_claim_id`)
    .execute();
  await db.schema
    .createIndex('claim_link_uq')
    .on('claim_link')
    .columns(['from_claim_id', 'to_claim_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('claim_link_to_idx').on('claim_link').columns(['to_claim_id', 'kind']).execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull().check(inList('action', ['create', 'update', 'delete'])))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_event_entity_idx').on('audit_event').columns(['entity', 'entity_id', 'id']).execute();

  // What else an event concerns (an attribution's claim, source and document; a link's two
  // claims), so each record's history shows the changes around it.
  await db.schema
    .createTable('audit_subject')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('audit_event.id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_subject_pk', ['entity', 'entity_id', 'event_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_subject', 'audit_event', 'claim_link', 'attribution', 'document', 'source_alias', 'source', 'story_claim', 'claim', 'story']) {
    await db.schema.dropTable(t).execute();
  }
}
