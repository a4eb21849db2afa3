import { type Kysely, sql } from 'kysely';

// Full-text search (SQLite FTS5). External-content tables: the text lives once, in the ledger's
// own tables; each index is kept in step by triggers on insert, update and delete, and filled
// from the rows that exist when this migration runs. Porter stemming over unicode61 with
// diacritics removed ("Abdurrahmán" finds "Abdurrahman", "claims" finds "claim").
// Never edit once landed: add a new migration instead.

const TOKENIZE = `tokenize = 'porter unicode61 remove_diacritics 2'`;
// Prefix indexes for the first letters typed (search as you type asks for "d*", "da*", "dam*").
const PREFIX = `prefix = '1 2 3'`;

/** One external-content index over `table`'s `columns`, its three triggers, and a rebuild. */
interface Index {
  fts: string;
  table: string;
  columns: string[];
  /** The default ranking (`ORDER BY rank`): bm25 with a weight per column. */
  rank?: string;
}

const INDEXES: Index[] = [
  // A match in the claim's own words weighs four times one in its context note.
  { fts: 'claim_fts', table: 'claim', columns: ['text', 'context_note'], rank: 'bm25(4.0, 1.0)' },
  { fts: 'attribution_fts', table: 'attribution', columns: ['quote'] },
  { fts: 'source_fts', table: 'source', columns: ['name'] },
  { fts: 'source_alias_fts', table: 'source_alias', columns: ['alias'] },
  { fts: 'document_fts', table: 'document', columns: ['title'] },
];

function statements({ fts, table, columns, rank }: Index): string[] {
  const cols = columns.join(', ');
  const newValues = columns.map((c) => `new.${c}`).join(', ');
  const oldValues = columns.map((c) => `old.${c}`).join(', ');
  // Only re-index when an indexed column changed (a version bump alone costs nothing).
  const changed = columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
  return [
    `create virtual table ${fts} using fts5(${cols}, content = '${table}', content_rowid = 'id', ${TOKENIZE}, ${PREFIX})`,
    ...(rank ? [`insert into ${fts}(${fts}, rank) values ('rank', '${rank}')`] : []),
    `create trigger ${fts}_ai after insert on ${table} begin
       insert into ${fts}(rowid, ${cols}) values (new.id, ${newValues});
     end`,
    `create trigger ${fts}_ad after delete on ${table} begin
       insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.id, ${oldValues});
     end`,
    `create trigger ${fts}_au after update of ${cols} on ${table} when ${changed} begin
       insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.id, ${oldValues});
       insert into ${fts}(rowid, ${cols}) values (new.id, ${newValues});
     end`,
    `insert into ${fts}(${fts}) values ('rebuild')`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) for (const s of statements(index)) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { fts } of INDEXES) {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists ${fts}_${t}`).execute(db);
    await sql.raw(`drop table if exists ${fts}`).execute(db);
  }
}
