import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '~/db/schema';
import { getClaimRow } from '../claims/claims.queries';
import { latestReviewsOf } from '../reviews/reviews.queries';
import { verdictsOfSourceClaims } from '../sources/sources.queries';
import { assessedRecord, trackRecord } from '../sources/sources.service';
import { found } from '../shared/versioned';
import { assessClaim } from './assessment';
import * as q from './assessment.queries';
import type { Assessment, ClaimEvidence, CredibilityLevel, EvidenceAttribution, LinkedClaimEvidence, SourceRef, TrackRecord } from './types';

/*
 * Loads claims' evidence from the database and runs the pure assessment on it. The loading is a
 * fixed number of queries for any number of claims (links, attributions, affiliation chains,
 * track records): the claim page, the review queue and reviews all assess through `assessClaims`.
 */

export interface AssessedClaim {
  claimId: number;
  assessment: Assessment;
  /** sha256 of the evidence inputs (ids, stances, kinds, grades, affiliations, relays, linked claims): changes when they do. */
  fingerprint: string;
  /** The latest change to one of the claim's own attributions (null: none). */
  lastEvidenceAt: string | null;
}

type AttributionRow = Awaited<ReturnType<typeof q.evidenceAttributionsOf>>[number];
type VerdictRow = Awaited<ReturnType<typeof verdictsOfSourceClaims>>[number];

/** Assesses every claim of `claimIds` in four queries, whatever their number. */
export async function assessClaims(db: Kysely<Database>, claimIds: readonly number[]): Promise<Map<number, AssessedClaim>> {
  const wanted = [...new Set(claimIds)];
  const out = new Map<number, AssessedClaim>();
  if (wanted.length === 0) return out;
  const isWanted = new Set(wanted);

  // A contradicting claim weighs against from either end (stored once); a supporting claim only
  // when it points at the assessed claim (`from` is evidence for `to`), never the other way.
  const linked = new Map<number, Omit<LinkedClaimEvidence, 'attributions'>[]>();
  const addLinked = (claimId: number, l: Omit<LinkedClaimEvidence, 'attributions'>) =>
    linked.set(claimId, [...(linked.get(claimId) ?? []), l]);
  for (const l of await q.assessedLinksOf(db, wanted)) {
    if (isWanted.has(l.toClaimId)) addLinked(l.toClaimId, { claimId: l.fromClaimId, text: l.fromText, kind: l.kind as 'contradicts' | 'supports' });
    if (l.kind === 'contradicts' && isWanted.has(l.fromClaimId))
      addLinked(l.fromClaimId, { claimId: l.toClaimId, text: l.toText, kind: 'contradicts' });
  }

  const involved = new Set(wanted);
  for (const ls of linked.values()) for (const l of ls) involved.add(l.claimId);
  const rows = await q.evidenceAttributionsOf(db, [...involved]);
  const chainRows = await q.affiliationChainsOf(db, [...new Set(rows.map((r) => r.sourceId))]);

  const chains = new Map<number, { id: number; name: string; reliability: SourceRef['reliability'] }[]>();
  for (const c of chainRows) chains.set(c.startId, [...(chains.get(c.startId) ?? []), { id: c.id, name: c.name, reliability: c.reliability }]);
  const records = trackRecords(
    await verdictsOfSourceClaims(db, [...new Set([...rows.map((r) => r.sourceId), ...chainRows.map((c) => c.id)])]),
    rows.filter((r) => isWanted.has(r.claimId)),
  );
  const byClaim = new Map<number, AttributionRow[]>();
  const lastAt = new Map<number, string>();
  for (const r of rows) {
    byClaim.set(r.claimId, [...(byClaim.get(r.claimId) ?? []), r]);
    if (r.updatedAt > (lastAt.get(r.claimId) ?? '')) lastAt.set(r.claimId, r.updatedAt);
  }

  for (const claimId of wanted) {
    // Every source speaks with its record over the reviewed claims other than this one.
    const recordOf = (sourceId: number) => records(sourceId, claimId);
    const evidenceOf = (id: number) => (byClaim.get(id) ?? []).map((r) => toEvidence(r, chains.get(r.sourceId) ?? [], recordOf));
    const evidence: ClaimEvidence = {
      attributions: evidenceOf(claimId),
      linkedClaims: (linked.get(claimId) ?? []).map((l) => ({ ...l, attributions: evidenceOf(l.claimId) })),
    };
    out.set(claimId, {
      claimId,
      assessment: assessClaim(evidence),
      fingerprint: evidenceFingerprint(evidence),
      lastEvidenceAt: lastAt.get(claimId) ?? null,
    });
  }
  return out;
}

/**
 * Sources' track records as the assessment of a claim uses them: over every reviewed claim the
 * source asserted or denied in its own name except the claim assessed, so a claim's verdict never
 * feeds back into its own suggestion. `assessedRows` are the assessed claims' own attributions
 * (with their verdicts): what to take out of their sources' counts.
 */
function trackRecords(verdicts: readonly VerdictRow[], assessedRows: readonly AttributionRow[]) {
  const bySource = new Map<number, VerdictRow[]>();
  for (const v of verdicts) bySource.set(v.sourceId, [...(bySource.get(v.sourceId) ?? []), v]);
  // claimId -> sourceId -> the stances (asserts, denies) it took on that reviewed claim.
  const own = new Map<number, Map<number, Set<string>>>();
  for (const r of assessedRows) {
    if (r.claimVerdict == null || r.stance === 'reports') continue;
    const bySrc = own.get(r.claimId) ?? new Map<number, Set<string>>();
    own.set(r.claimId, bySrc.set(r.sourceId, (bySrc.get(r.sourceId) ?? new Set()).add(r.stance)));
  }
  const verdictOf = new Map(assessedRows.map((r) => [r.claimId, r.claimVerdict]));
  const whole = new Map<number, TrackRecord>();
  return (sourceId: number, claimId: number): TrackRecord | undefined => {
    const rows = bySource.get(sourceId);
    if (!rows) return undefined;
    const stances = own.get(claimId)?.get(sourceId);
    if (!stances) {
      if (!whole.has(sourceId)) whole.set(sourceId, assessedRecord(trackRecord(rows)));
      return whole.get(sourceId);
    }
    const verdict = verdictOf.get(claimId);
    return assessedRecord(
      trackRecord(rows.map((v) => (v.verdict === verdict && stances.has(v.stance) ? { ...v, n: Number(v.n) - 1 } : v))),
    );
  };
}

function toEvidence(
  r: AttributionRow,
  chain: readonly Omit<SourceRef, 'record'>[],
  recordOf: (sourceId: number) => TrackRecord | undefined,
): EvidenceAttribution {
  const withRecord = <T extends Omit<SourceRef, 'record'>>(s: T): T & { record?: TrackRecord } => {
    const record = recordOf(s.id);
    return record ? { ...s, record } : s;
  };
  return {
    id: r.id,
    stance: r.stance,
    evidenceKind: r.evidenceKind,
    source: withRecord({ id: r.sourceId, name: r.sourceName, kind: r.sourceKind, reliability: r.sourceReliability, affiliations: chain.map(withRecord) }),
    via: r.viaId != null ? { id: r.viaId, name: r.viaName!, kind: r.viaKind!, reliability: r.viaReliability! } : null,
  };
}

/**
 * A hash of everything the assessment reads except names and texts (renaming a source is not a
 * change of evidence; regrading it is). Independent of the order of the input lists.
 */
export function evidenceFingerprint(e: ClaimEvidence): string {
  const attr = (a: EvidenceAttribution) => [
    a.id,
    a.stance,
    a.evidenceKind,
    a.source.id,
    a.source.kind,
    a.source.reliability,
    a.source.affiliations.map((s) => [s.id, s.reliability]),
    a.via ? [a.via.id, a.via.kind, a.via.reliability] : null,
  ];
  const attrs = (xs: readonly EvidenceAttribution[]) => [...xs].sort((x, y) => x.id - y.id).map(attr);
  const canonical = [
    'v1',
    attrs(e.attributions),
    [...(e.linkedClaims ?? [])]
      .sort((x, y) => x.claimId - y.claimId || x.kind.localeCompare(y.kind))
      .map((l) => [l.claimId, l.kind, attrs(l.attributions)]),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * How far a verdict is from the suggested level: 0 when they agree; the distance on the 1–5
 * scale; 2 when exactly one of them is 6 (cannot be judged), which is not a point on the scale.
 */
export function disagreement(verdict: number, suggested: CredibilityLevel): number {
  if (verdict === suggested) return 0;
  if (verdict === 6 || suggested === 6) return 2;
  return Math.abs(verdict - suggested);
}

/** The latest review against the live assessment: the two warnings of the claim page and the queue. */
export function reviewStanding(assessed: AssessedClaim, review: { verdict: number; evidenceFingerprint: string } | null) {
  return {
    evidenceChanged: review != null && review.evidenceFingerprint !== assessed.fingerprint,
    disagreement: review ? disagreement(review.verdict, assessed.assessment.suggestedLevel) : 0,
  };
}

/** The claim page's live assessment, with the latest review and how it stands against it. */
export async function claimAssessment(db: Kysely<Database>, claimId: number) {
  found('claim', claimId, await getClaimRow(db, claimId));
  const [assessed, reviews] = await Promise.all([assessClaims(db, [claimId]), latestReviewsOf(db, [claimId])]);
  const a = assessed.get(claimId)!;
  const review = reviews[0] ?? null;
  return {
    claimId,
    ...a.assessment,
    fingerprint: a.fingerprint,
    latestReview: review && {
      id: review.id,
      verdict: review.verdict,
      reviewerName: review.reviewerName,
      createdAt: review.createdAt,
    },
    ...reviewStanding(a, review),
  };
}
