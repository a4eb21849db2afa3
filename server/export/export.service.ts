import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '~/db/schema';
import { VERDICT_LABEL } from '../shared/enums';
import type { ExportFilter } from './export.schema';
import * as q from './export.queries';

/*
 * Claims with their attributions and reviews, for the desk's own use (signed-in members only):
 * JSON with everything nested, CSV with one row per attribution (a claim without any gets one
 * row with the attribution columns empty) and the claim's latest verdict on every row.
 */

const CHUNK = 500;

const verdictLabel = (v: number | null) => (v == null ? null : VERDICT_LABEL[v as keyof typeof VERDICT_LABEL] ?? null);

/** Every matching claim with its stories, attributions and reviews (newest first); a fixed number of queries per CHUNK claims. */
export async function exportClaims(db: Kysely<Database>, filter: ExportFilter) {
  const claims = await q.exportedClaims(db, { storyId: filter.story, status: filter.status });
  const out = [];
  for (let i = 0; i < claims.length; i += CHUNK) {
    const chunk = claims.slice(i, i + CHUNK);
    const ids = chunk.map((c) => c.id);
    const [attributions, reviews, stories] = await Promise.all([
      q.exportedAttributionsOf(db, ids),
      q.exportedReviewsOf(db, ids),
      q.exportedStoriesOf(db, ids),
    ]);
    const group = <T extends { claimId: number }>(rows: T[]) => {
      const m = new Map<number, Omit<T, 'claimId'>[]>();
      for (const { claimId, ...rest } of rows) m.set(claimId, [...(m.get(claimId) ?? []), rest]);
      return m;
    };
    const [a, r, s] = [group(attributions), group(reviews), group(stories)];
    for (const c of chunk)
      out.push({
        ...c,
        verdictLabel: verdictLabel(c.verdict),
        stories: s.get(c.id) ?? [],
        attributions: a.get(c.id) ?? [],
        reviews: (r.get(c.id) ?? []).map((x) => ({ ...x, verdictLabel: verdictLabel(x.verdict) })),
      });
  }
  return out;
}

export type ExportedClaim = Awaited<ReturnType<typeof exportClaims>>[number];

export const CSV_COLUMNS = [
  'claim_id',
  'claim_text',
  'claim_status',
  'event_date',
  'stories',
  'verdict',
  'verdict_label',
  'reviewed_at',
  'reviewer',
  'rationale',
  'attribution_id',
  'source',
  'source_kind',
  'source_grade',
  'stance',
  'evidence_kind',
  'quote',
  'relayed_via',
  'document_title',
  'document_url',
  'archive_url',
  'published_at',
  'publisher',
] as const;

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, tab or carriage return first) is
 * written with a leading apostrophe, the usual guard against CSV injection.
 */
const cell = (v: string | number | null | undefined) => {
  if (v == null) return '';
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** The export as CSV (RFC 4180 quoting by csv-stringify), one row per attribution. */
export function claimsCsv(claims: ExportedClaim[]): string {
  const rows = claims.flatMap((c) => {
    const latest = c.reviews[0];
    const claimCells = [
      c.id,
      c.text,
      c.status,
      c.eventDate,
      c.stories.map((s) => s.title).join('; '),
      c.verdict,
      c.verdictLabel,
      latest?.createdAt,
      latest?.reviewerName,
      latest?.rationale,
    ];
    const attrs = c.attributions.length ? c.attributions : [null];
    return attrs.map((a) =>
      [
        ...claimCells,
        a?.id,
        a?.sourceName,
        a?.sourceKind,
        a?.sourceReliability,
        a?.stance,
        a?.evidenceKind,
        a?.quote,
        a?.viaSourceName,
        a?.documentTitle,
        a?.documentUrl,
        a?.documentArchiveUrl,
        a?.documentPublishedAt,
        a?.publisherName,
      ].map(cell),
    );
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows' });
}
