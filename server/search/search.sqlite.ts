import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ClaimStatus, Database, ReliabilityGrade, SourceKind, Stance } from '~/db/schema';
import type { SearchFilters } from './search.schema';
import { MARK_END, MARK_START } from './terms';

/**
 * Every SQLite-only piece of search: FTS5 MATCH expressions, bm25 ranking, highlight() and
 * snippet(). The indexes and their triggers are in db/migrations/0004_search.ts. Callers pass
 * terms from `searchTerms` (words only); `ftsQuery` quotes each one, so no input is ever parsed
 * as FTS5 syntax.
 */

type DB = Kysely<Database>;
export type MatchMode = 'all' | 'any';

/** Each term as a quoted prefix query ("assad"* "syr"*), joined by AND (`all`) or OR (`any`). */
export function ftsQuery(terms: string[], mode: MatchMode): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(mode === 'all' ? ' ' : ' OR ');
}

const S = MARK_START;
const E = MARK_END;
const ELLIPSIS = '…';
const and = (conds: RawBuilder<unknown>[]) => (conds.length ? sql.join(conds, sql` and `) : sql`1`);
const day = (col: RawBuilder<unknown>) => sql`substr(${col}, 1, 10)`;

/** Conditions on a claim row `c`. */
function claimConds(f: SearchFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.status) out.push(sql`c.status = ${f.status}`);
  if (f.verdict) out.push(sql`c.verdict = ${f.verdict}`);
  if (f.storyId) out.push(sql`exists (select 1 from story_claim sc where sc.claim_id = c.id and sc.story_id = ${f.storyId})`);
  return out;
}

/** Conditions on an attribution `a` of claim `c`, seen in document `d` (may be null). */
function attributionConds(f: SearchFilters, withSource: boolean): RawBuilder<unknown>[] {
  const out = claimConds(f);
  if (withSource && f.sourceId) out.push(sql`a.source_id = ${f.sourceId}`);
  if (f.stance) out.push(sql`a.stance = ${f.stance}`);
  const when = sql`coalesce(${day(sql`d.published_at`)}, ${day(sql`a.created_at`)})`;
  if (f.from) out.push(sql`${when} >= ${f.from}`);
  if (f.to) out.push(sql`${when} <= ${f.to}`);
  return out;
}

const hasAttributionFilter = (f: SearchFilters) => Boolean(f.storyId || f.status || f.verdict || f.stance || f.from || f.to);

/** The claim-text condition behind `claims.list`'s `q`: every term, as a prefix, in the text or note. */
export function claimTextMatches(terms: string[]): RawBuilder<boolean> {
  if (!terms.length) return sql<boolean>`0`;
  return sql<boolean>`claim.id in (select rowid from claim_fts where claim_fts match ${ftsQuery(terms, 'all')})`;
}

export interface ClaimHit {
  id: number;
  text: string;
  /** The note's best passage, or null when the note did not match. */
  note: string | null;
  status: ClaimStatus;
  verdict: number | null;
  eventDate: string | null;
  attributionCount: number;
  rank: number;
}

/** Claims by bm25 (`rank`: the text weighs four times the note; see the migration). */
export async function searchClaims(db: DB, match: string, f: SearchFilters, limit: number): Promise<ClaimHit[]> {
  const conds = claimConds(f);
  if (f.sourceId || f.stance) {
    const sub: RawBuilder<unknown>[] = [sql`x.claim_id = c.id`];
    if (f.sourceId) sub.push(sql`x.source_id = ${f.sourceId}`);
    if (f.stance) sub.push(sql`x.stance = ${f.stance}`);
    conds.push(sql`exists (select 1 from attribution x where ${and(sub)})`);
  }
  const when = sql`coalesce(c.event_date, ${day(sql`c.created_at`)})`;
  if (f.from) conds.push(sql`${when} >= ${f.from}`);
  if (f.to) conds.push(sql`${when} <= ${f.to}`);
  const { rows } = await sql<ClaimHit & { noteHl: string }>`
    select c.id, highlight(claim_fts, 0, ${S}, ${E}) as text,
           snippet(claim_fts, 1, ${S}, ${E}, ${ELLIPSIS}, 16) as note_hl,
           c.status, c.verdict, c.event_date, c.attribution_count, claim_fts.rank as rank
    from claim_fts join claim c on c.id = claim_fts.rowid
    where claim_fts match ${match} and ${and(conds)}
    order by claim_fts.rank
    limit ${limit}`.execute(db);
  return rows.map(({ noteHl, ...r }) => ({ ...r, note: noteHl.includes(S) ? noteHl : null }));
}

export interface QuoteHit {
  id: number;
  quote: string;
  stance: Stance;
  claimId: number;
  claimText: string;
  sourceId: number;
  sourceName: string;
  documentTitle: string | null;
  publishedAt: string | null;
  rank: number;
}

/** Verbatim quotes of attributions, with who said it and about which claim. */
export async function searchQuotes(db: DB, match: string, f: SearchFilters, limit: number): Promise<QuoteHit[]> {
  const { rows } = await sql<QuoteHit>`
    select a.id, snippet(attribution_fts, 0, ${S}, ${E}, ${ELLIPSIS}, 24) as quote, a.stance,
           c.id as claim_id, c.text as claim_text, s.id as source_id, s.name as source_name,
           d.title as document_title, d.published_at, attribution_fts.rank as rank
    from attribution_fts
      join attribution a on a.id = attribution_fts.rowid
      join claim c on c.id = a.claim_id
      join source s on s.id = a.source_id
      left join document d on d.id = a.document_id
    where attribution_fts match ${match} and ${and(attributionConds(f, true))}
    order by attribution_fts.rank
    limit ${limit}`.execute(db);
  return rows;
}

export interface SourceHit {
  id: number;
  name: string;
  /** The alias that matched, highlighted, when the match was on an alias. */
  alias: string | null;
  kind: SourceKind;
  reliability: ReliabilityGrade;
  rank: number;
}

/** Sources by name or alias (the better of the two ranks). */
export async function searchSources(db: DB, match: string, f: SearchFilters, limit: number): Promise<SourceHit[]> {
  const conds: RawBuilder<unknown>[] = [];
  if (f.sourceId) conds.push(sql`(s.id = ${f.sourceId} or s.affiliation_id = ${f.sourceId})`);
  if (hasAttributionFilter(f))
    conds.push(sql`exists (select 1 from attribution a join claim c on c.id = a.claim_id left join document d on d.id = a.document_id
                   where a.source_id = s.id and ${and(attributionConds(f, false))})`);
  const { rows } = await sql<SourceHit & { nameHl: string | null }>`
    with hits as (
      select rowid as source_id, bm25(source_fts) as rank, highlight(source_fts, 0, ${S}, ${E}) as name_hl, null as alias_hl
      from source_fts where source_fts match ${match}
      union all
      select sa.source_id, bm25(source_alias_fts), null, highlight(source_alias_fts, 0, ${S}, ${E})
      from source_alias_fts join source_alias sa on sa.id = source_alias_fts.rowid where source_alias_fts match ${match}
    )
    select s.id, s.name, max(h.name_hl) as name_hl, max(h.alias_hl) as alias, s.kind, s.reliability, min(h.rank) as rank
    from hits h join source s on s.id = h.source_id
    where ${and(conds)}
    group by s.id
    order by rank, s.id desc
    limit ${limit}`.execute(db);
  return rows.map(({ nameHl, ...r }) => ({ ...r, name: nameHl ?? r.name, alias: nameHl ? null : r.alias }));
}

export interface DocumentHit {
  id: number;
  title: string;
  url: string;
  publisherName: string | null;
  publishedAt: string | null;
  rank: number;
}

/** Documents by title. */
export async function searchDocuments(db: DB, match: string, f: SearchFilters, limit: number): Promise<DocumentHit[]> {
  const conds: RawBuilder<unknown>[] = [];
  if (f.sourceId)
    conds.push(sql`(d.publisher_id = ${f.sourceId} or exists (select 1 from attribution a where a.document_id = d.id and a.source_id = ${f.sourceId}))`);
  const when = sql`coalesce(${day(sql`d.published_at`)}, ${day(sql`d.created_at`)})`;
  if (f.from) conds.push(sql`${when} >= ${f.from}`);
  if (f.to) conds.push(sql`${when} <= ${f.to}`);
  const claimSide = { ...f, from: null, to: null };
  if (hasAttributionFilter(claimSide))
    conds.push(sql`exists (select 1 from attribution a join claim c on c.id = a.claim_id
                   where a.document_id = d.id and ${and(attributionConds(claimSide, false))})`);
  const { rows } = await sql<DocumentHit>`
    select d.id, highlight(document_fts, 0, ${S}, ${E}) as title, d.url, p.name as publisher_name, d.published_at,
           document_fts.rank as rank
    from document_fts join document d on d.id = document_fts.rowid
      left join source p on p.id = d.publisher_id
    where document_fts match ${match} and ${and(conds)}
    order by document_fts.rank
    limit ${limit}`.execute(db);
  return rows;
}

export interface ClaimCandidate {
  id: number;
  text: string;
  status: ClaimStatus;
  verdict: number | null;
  attributionCount: number;
  rank: number;
}

/** Claims sharing any term with a draft (recall for duplicate suggestions; ranked by bm25). */
export async function claimCandidates(db: DB, match: string, excludeId: number | null, limit: number): Promise<ClaimCandidate[]> {
  const { rows } = await sql<ClaimCandidate>`
    select c.id, c.text, c.status, c.verdict, c.attribution_count, claim_fts.rank as rank
    from claim_fts join claim c on c.id = claim_fts.rowid
    where claim_fts match ${match} and c.id <> ${excludeId ?? 0}
    order by claim_fts.rank
    limit ${limit}`.execute(db);
  return rows;
}
