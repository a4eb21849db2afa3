import type { EvidenceKind, ReliabilityGrade, SourceKind, Stance } from '~/server/shared/enums';

/*
 * Input and output of the support assessment (DESIGN.md §3). Plain data only: the service that
 * loads a claim's evidence maps rows onto these shapes, and the result can be stored with a review
 * as JSON.
 */

/**
 * What editors' verdicts made of the claims a source asserted or denied in its own name (not the
 * claim being assessed): `confirmed` bore it out (asserted, judged 1–2; denied, judged 4–5),
 * `refuted` went against it, and the rest of `reviewed` were judged neither way (3 or 6).
 */
export interface TrackRecord {
  confirmed: number;
  refuted: number;
  reviewed: number;
}

/** A source as far as the assessment needs it. */
export interface SourceRef {
  id: number;
  name: string;
  reliability: ReliabilityGrade;
  /** Its track record; it weighs in once it has MIN_REVIEWED reviewed claims (weights.ts). */
  record?: TrackRecord;
}

export interface RelaySource extends SourceRef {
  kind: SourceKind;
}

export interface SpeakerSource extends SourceRef {
  kind: SourceKind;
  /** Ancestors by affiliation, nearest first: Rami Abdurrahman → [SOHR]. The last one is the top. */
  affiliations: readonly SourceRef[];
}

export interface EvidenceAttribution {
  id: number;
  stance: Stance;
  evidenceKind: EvidenceKind;
  source: SpeakerSource;
  /** The source it was relayed through, e.g. a wire agency. */
  via?: RelaySource | null;
}

export type AssessedLinkKind = 'contradicts' | 'supports';

/** A claim linked to the one assessed, with its own attributions (its own links are not followed). */
export interface LinkedClaimEvidence {
  claimId: number;
  text: string;
  /** `supports`: this linked claim is evidence for the assessed claim. */
  kind: AssessedLinkKind;
  attributions: readonly EvidenceAttribution[];
}

export interface ClaimEvidence {
  attributions: readonly EvidenceAttribution[];
  linkedClaims?: readonly LinkedClaimEvidence[];
}

export type Direction = 'for' | 'against';

/** 1 confirmed … 5 improbable; 6 cannot be judged. */
export type CredibilityLevel = 1 | 2 | 3 | 4 | 5 | 6;

interface LineBase {
  /** Stable identity of the line: `origin:<sourceId>:<direction>` or `claim:<claimId>:<link kind>`. */
  key: string;
  direction: Direction;
  /** Signed: positive for, negative against. */
  weight: number;
  /** What an editor reads as the line's name, e.g. "Syrian Observatory for Human Rights via News agencies (unnamed)". */
  label: string;
  /** The attributions behind the line (for a linked claim: that claim's counted attributions). */
  attributionIds: number[];
  /** Why the line weighs what it weighs, as a sentence. */
  reason: string;
}

/** An independent origin among the claim's own attributions. */
export interface OriginLine extends LineBase {
  type: 'origin';
  /** The independent origin: top affiliation of the speaker, or the wire agency a relayer repeats. */
  origin: SourceRef;
  /** The grade that set the weight: the strongest member's effective grade. */
  grade: ReliabilityGrade;
  /** Set when the track record of the graded source changed the weight: its trust from the grade alone and blended. */
  trackRecord?: TrackRecord & { source: { id: number; name: string }; gradeTrust: number; trust: number };
  evidenceKind: EvidenceKind;
  /** The attribution that counts; the others are repeats of the same origin. */
  strongestId: number;
}

/** A linked claim weighing by its own support (one step deep). */
export interface LinkedClaimLine extends LineBase {
  type: 'linked_claim';
  claim: { id: number; text: string };
  link: AssessedLinkKind;
  /** The linked claim's own net weight, after origins already counted here were set aside. */
  ownNet: number;
  /** How much of that net weight passes to this claim. */
  factor: number;
}

export type EvidenceLine = OriginLine | LinkedClaimLine;

export interface NotCounted {
  /** An attribution of the assessed claim, or a linked claim. */
  subject: { type: 'attribution'; id: number } | { type: 'linked_claim'; id: number };
  reason: string;
}

export interface Assessment {
  /** Support in [0, 1]: the logistic of the damped net weight; 0.5 means no evidence either way. */
  score: number;
  /** Sum of the lines' signed weights (log-odds-like units, before damping). */
  netWeight: number;
  suggestedLevel: CredibilityLevel;
  /** Ordered: for before against, heaviest first. */
  lines: EvidenceLine[];
  notCounted: NotCounted[];
  counts: { for: number; against: number };
  /** Sentences for an editor: a summary, one per line, one per thing not counted, what would change it. */
  explanation: string[];
}
