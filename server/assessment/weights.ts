import type { EvidenceKind, ReliabilityGrade } from '~/server/shared/enums';
import type { AssessedLinkKind, CredibilityLevel, TrackRecord } from './types';

/*
 * The weighting scheme, in one place.
 *
 * A line of evidence is an independent origin's strongest attribution. Its weight is
 * TruthFinder's -ln(1 - trust): the log-likelihood ratio of "a source that knows the fact with
 * probability `trust`, and otherwise says it anyway". It is never negative, so an asserting line
 * can only add support (monotonicity) and a poorly graded source adds little rather than
 * subtracting: an unreliable source is noise, not a reliable liar.
 *
 * - trust by grade: A .9, B .7, C .5, F .3, D .2, E .1. F (cannot be judged) sits between C and D:
 *   neither trusted nor distrusted, it counts a little, more than a source graded unreliable.
 * - evidence kind: footage, a document or data can partly speak for themselves, and an eyewitness
 *   saw it; they raise trust to 1 - (1 - trust)(1 - boost), which adds -ln(1 - boost) to the
 *   weight (footage +0.22, eyewitness +0.11). A partisan's footage outweighs a partisan's words.
 * - stance: asserts counts for (+), denies against (-); "reports without endorsing" is not counted.
 * - a linked claim weighs by its own net weight (its own lines only, never its links), if positive:
 *   a contradicting claim fully against, a supporting claim at half for.
 * - score = 1 / (1 + exp(-GAMMA * net)), net = sum of for weights - sum of against weights.
 * - track record: once the source whose grade is used has MIN_REVIEWED reviewed claims of its own,
 *   its trust is one TruthFinder step from the grade towards the verdicts (see `blendedTrust`).
 */

export const TRUST: Readonly<Record<ReliabilityGrade, number>> = { A: 0.9, B: 0.7, C: 0.5, D: 0.2, E: 0.1, F: 0.3 };

export const KIND_BOOST: Readonly<Record<EvidenceKind, number>> = {
  statement: 0,
  eyewitness: 0.1,
  footage: 0.2,
  document: 0.2,
  data: 0.2,
};

/** Share of a linked claim's own net weight that passes to the assessed claim. */
export const LINK_FACTOR: Readonly<Record<AssessedLinkKind, number>> = { contradicts: 1, supports: 0.5 };

/** Dampening of the logistic: one B statement alone gives 0.72, two independent ones 0.87. */
export const GAMMA = 0.8;

/** Grades from most to least weight (for the same evidence). */
export const GRADE_ORDER: readonly ReliabilityGrade[] = ['A', 'B', 'C', 'F', 'D', 'E'];

/** A source's record weighs in its trust from this many reviewed claims of its own. */
export const MIN_REVIEWED = 3;
/** The grade's weight in the blend, as if it were this many reviewed claims. */
export const RECORD_PRIOR = 4;
/** The confidence of a claim an editor's verdict bore out (asserted and judged 1–2, or denied and judged 4–5). */
export const RECORD_HIGH = 0.9;
/** The confidence of a claim the verdict went against. */
export const RECORD_LOW = 0.1;
/** A blended trust stays within [RECORD_MIN_TRUST, RECORD_MAX_TRUST]: no record makes a source certain or worthless. */
export const RECORD_MIN_TRUST = 0.05;
export const RECORD_MAX_TRUST = 0.95;

/** Whether `record` is long enough to weigh in the trust. */
export const recordCounts = (record: TrackRecord | null | undefined): record is TrackRecord =>
  record != null && record.reviewed >= MIN_REVIEWED;

/**
 * A source's trust from its grade and its track record: one TruthFinder step. Below
 * MIN_REVIEWED reviewed claims it is the grade's trust. From there it is the mean of the grade
 * (counted as RECORD_PRIOR claims) and the confidence of each reviewed claim the source spoke on
 * in its own name: RECORD_HIGH for one borne out, RECORD_LOW for one refuted, the grade's trust for
 * one judged neither way (3 or 6); clamped to [RECORD_MIN_TRUST, RECORD_MAX_TRUST].
 */
export function blendedTrust(gradeTrust: number, record: TrackRecord | null | undefined): number {
  if (!recordCounts(record)) return gradeTrust;
  const confirmed = Math.max(0, record.confirmed);
  const refuted = Math.max(0, record.refuted);
  const reviewed = Math.max(record.reviewed, confirmed + refuted);
  const neutral = reviewed - confirmed - refuted;
  const trust =
    (RECORD_PRIOR * gradeTrust + confirmed * RECORD_HIGH + refuted * RECORD_LOW + neutral * gradeTrust) / (RECORD_PRIOR + reviewed);
  return Math.min(RECORD_MAX_TRUST, Math.max(RECORD_MIN_TRUST, trust));
}

/** The trust of a source graded `grade` with `record`. */
export const sourceTrust = (grade: ReliabilityGrade, record?: TrackRecord | null): number => blendedTrust(TRUST[grade], record);

/** The weight (>= 0, unsigned) of one attribution; `record` is the track record of the source whose grade is used. */
export function attributionWeight(grade: ReliabilityGrade, kind: EvidenceKind, record?: TrackRecord | null): number {
  return -Math.log((1 - sourceTrust(grade, record)) * (1 - KIND_BOOST[kind]));
}

export function squash(net: number): number {
  return 1 / (1 + Math.exp(-GAMMA * net));
}

/**
 * Score thresholds of the suggested level. Confirmation (1) also needs two independent asserting
 * origins among the claim's own attributions and counter-evidence lighter than STRONG_COUNTER.
 */
export const LEVEL_THRESHOLDS = { confirmed: 0.9, probablyTrue: 0.75, possiblyTrue: 0.6, improbable: 0.25 } as const;

/** Counter-evidence at least as heavy as one fairly reliable (C) statement blocks confirmation. */
export const STRONG_COUNTER = attributionWeight('C', 'statement');

export const LEVEL_WORDS: Readonly<Record<CredibilityLevel, string>> = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'cannot be judged',
};

export function suggestLevel(input: {
  score: number;
  lines: number;
  assertingOrigins: number;
  againstWeight: number;
}): CredibilityLevel {
  const t = LEVEL_THRESHOLDS;
  if (input.lines === 0) return 6;
  if (input.score >= t.confirmed && input.assertingOrigins >= 2 && input.againstWeight < STRONG_COUNTER) return 1;
  if (input.score >= t.probablyTrue) return 2;
  if (input.score >= t.possiblyTrue) return 3;
  if (input.score > t.improbable) return 4;
  return 5;
}
