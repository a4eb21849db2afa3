// Client-safe re-export of the ledger's enumerations and their labels for the UI.
export {
  CLAIM_STATUSES,
  DOCUMENT_KINDS,
  EVIDENCE_KINDS,
  LINK_KINDS,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  STANCES,
} from '~/db/schema';
export type {
  ClaimStatus,
  DocumentKind,
  EvidenceKind,
  LinkKind,
  ReliabilityGrade,
  SourceKind,
  Stance,
} from '~/db/schema';

export const STATUS_LABEL = {
  open: 'Open',
  ready_for_review: 'Ready for review',
  reviewed: 'Reviewed',
  archived: 'Archived',
} as const;

export const STANCE_LABEL = { asserts: 'Asserts', denies: 'Denies', reports: 'Reports (no endorsement)' } as const;

export const EVIDENCE_LABEL = {
  statement: 'Statement',
  footage: 'Footage',
  document: 'Document',
  data: 'Data',
  eyewitness: 'Eyewitness',
} as const;

export const SOURCE_KIND_LABEL = {
  person: 'Person',
  organization: 'Organization',
  media_outlet: 'Media outlet',
  government_body: 'Government body',
  wire_agency: 'Wire agency',
  ngo: 'NGO',
  social_account: 'Social account',
  anonymous_group: 'Anonymous group',
} as const;

export const DOCUMENT_KIND_LABEL = {
  article: 'Article',
  video: 'Video',
  post: 'Post',
  report: 'Report',
  other: 'Other',
} as const;

export const GRADE_LABEL = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Cannot be judged',
} as const;

/** Link kinds as read from the side that stores them, and from the other side. */
export const LINK_LABEL = {
  contradicts: { out: 'Contradicts', in: 'Contradicts' },
  supports: { out: 'Supports', in: 'Supported by' },
  duplicate_of: { out: 'Duplicate of', in: 'Has duplicate' },
  part_of: { out: 'Part of', in: 'Has part' },
} as const;

export const VERDICT_LABEL = {
  1: 'Confirmed',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Cannot be judged',
} as const;
