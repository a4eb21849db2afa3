import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely table types. Columns are snake_case in SQL and camelCase here (CamelCasePlugin).
 * Timestamps are ISO-8601 strings in UTC; dates without a time are YYYY-MM-DD.
 */

type CreatedAt = ColumnType<string, string, never>;
type Version = ColumnType<number, number | undefined, number>;
/** A column the database fills with its default when an insert leaves it out. */
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export const SOURCE_KINDS = [
  'person',
  'organization',
  'media_outlet',
  'government_body',
  'wire_agency',
  'ngo',
  'social_account',
  'anonymous_group',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const CLAIM_STATUSES = ['open', 'ready_for_review', 'reviewed', 'archived'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STANCES = ['asserts', 'denies', 'reports'] as const;
export type Stance = (typeof STANCES)[number];

export const EVIDENCE_KINDS = ['statement', 'footage', 'document', 'data', 'eyewitness'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const DOCUMENT_KINDS = ['article', 'video', 'post', 'report', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const LINK_KINDS = ['contradicts', 'supports', 'duplicate_of', 'part_of'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'claim',
  'source',
  'source_alias',
  'document',
  'attribution',
  'claim_link',
  'story',
  'story_claim',
  'user',
  'invitation',
  'password_reset',
  'review',
  'merge',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface StoryTable {
  id: Generated<number>;
  title: string;
  description: WithDefault<string>;
  createdAt: CreatedAt;
  updatedAt: string;
  version: Version;
}

export interface ClaimTable {
  id: Generated<number>;
  text: string;
  contextNote: WithDefault<string>;
  eventDate: string | null;
  status: WithDefault<ClaimStatus>;
  verdict: number | null;
  attributionCount: ColumnType<number, number | undefined, number>;
  createdAt: CreatedAt;
  updatedAt: string;
  version: Version;
}

export interface StoryClaimTable {
  storyId: number;
  claimId: number;
  addedAt: CreatedAt;
}

export interface SourceTable {
  id: Generated<number>;
  name: string;
  kind: SourceKind;
  description: WithDefault<string>;
  affiliationId: number | null;
  affiliationRole: WithDefault<string>;
  homepage: string | null;
  reliability: WithDefault<ReliabilityGrade>;
  reliabilityNote: WithDefault<string>;
  createdAt: CreatedAt;
  updatedAt: string;
  version: Version;
}

export interface SourceAliasTable {
  id: Generated<number>;
  sourceId: number;
  alias: string;
}

export interface DocumentTable {
  id: Generated<number>;
  url: string;
  title: string;
  kind: WithDefault<DocumentKind>;
  publisherId: number | null;
  publishedAt: string | null;
  retrievedAt: string | null;
  archiveUrl: string | null;
  createdAt: CreatedAt;
  updatedAt: string;
  version: Version;
}

export interface AttributionTable {
  id: Generated<number>;
  claimId: number;
  sourceId: number;
  stance: Stance;
  quote: WithDefault<string>;
  documentId: number | null;
  viaSourceId: number | null;
  evidenceKind: WithDefault<EvidenceKind>;
  note: WithDefault<string>;
  createdAt: CreatedAt;
  updatedAt: string;
  version: Version;
}

export interface ClaimLinkTable {
  id: Generated<number>;
  fromClaimId: number;
  toClaimId: number;
  kind: LinkKind;
  note: WithDefault<string>;
  createdAt: CreatedAt;
  updatedAt: string;
  version: Version;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actorId: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number;
  /** JSON text of the row before the change (null on create). */
  before: string | null;
  /** JSON text of the row after the change (null on delete). */
  after: string | null;
  /** The previous event's hash (the genesis hash for the first event). */
  prevHash: string;
  /** sha256 over (prevHash, at, actorId, action, entity, entityId, before, after). */
  hash: string;
}

export const ROLES = ['checker', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** better-auth's user table, with the admin plugin's role and ban columns. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: number;
  image: string | null;
  role: Role;
  banned: number | null;
  banReason: string | null;
  banExpires: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionTable {
  id: string;
  expiresAt: string;
  token: string;
  createdAt: string;
  updatedAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  impersonatedBy: string | null;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  password: string | null;
  createdAt: string;
  updatedAt: string;
}

export const LINK_PURPOSES = ['join', 'password_reset'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/**
 * One-time links: an invitation to join (`join`) or an admin's password reset link for an
 * existing account (`password_reset`, with `userId`; audited as entity `password_reset`).
 */
export interface InvitationTable {
  id: Generated<number>;
  tokenHash: string;
  email: string;
  /** The role to join with; on a reset link, the account's role when the link was made. */
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  purpose: WithDefault<LinkPurpose>;
  /** The account a reset link is for (null on an invitation). */
  userId: string | null;
}

export interface AuditSubjectTable {
  eventId: number;
  entity: AuditEntity;
  entityId: number;
}

export interface ReviewTable {
  id: Generated<number>;
  claimId: number;
  reviewerId: string;
  /** 1 confirmed … 5 improbable, 6 cannot be judged. */
  verdict: number;
  /** Markdown, stored verbatim; rendered without raw HTML. */
  rationale: string;
  /** 1 when the verdict is the level the assessment suggested. */
  acceptedSuggestion: number;
  /** The support assessment (server/assessment) as it stood when reviewed, as JSON. */
  assessmentJson: string;
  /** sha256 of the evidence the assessment was computed from (server/assessment/assessment.service.ts). */
  evidenceFingerprint: string;
  createdAt: CreatedAt;
}

/** A duplicate claim merged into its canonical claim; `moved` is the JSON record that makes undo exact. */
export interface MergeTable {
  id: Generated<number>;
  duplicateId: number;
  canonicalId: number;
  mergedBy: string | null;
  mergedAt: string;
  moved: string;
  undoneBy: string | null;
  undoneAt: string | null;
  version: Version;
}

/** Failed password sign-ins, per account, for the sign-in throttle. */
export interface SignInFailureTable {
  id: Generated<number>;
  /** Lower-cased, as typed at sign-in (whether or not an account has it). */
  email: string;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface Database {
  signInFailure: SignInFailureTable;
  story: StoryTable;
  claim: ClaimTable;
  storyClaim: StoryClaimTable;
  source: SourceTable;
  sourceAlias: SourceAliasTable;
  document: DocumentTable;
  attribution: AttributionTable;
  claimLink: ClaimLinkTable;
  auditEvent: AuditEventTable;
  auditSubject: AuditSubjectTable;
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  invitation: InvitationTable;
  review: ReviewTable;
  merge: MergeTable;
}

export type Claim = Selectable<ClaimTable>;
export type NewClaim = Insertable<ClaimTable>;
export type ClaimUpdate = Updateable<ClaimTable>;
export type Source = Selectable<SourceTable>;
export type Document = Selectable<DocumentTable>;
export type Attribution = Selectable<AttributionTable>;
export type ClaimLink = Selectable<ClaimLinkTable>;
export type Story = Selectable<StoryTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type Review = Selectable<ReviewTable>;
