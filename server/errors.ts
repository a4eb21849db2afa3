import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/**
 * Domain errors: what a service throws when a rule is broken. They know nothing about HTTP;
 * `toTRPCError` below is the one place where they become tRPC codes.
 */
export type DomainErrorReason =
  | 'not_found' // the record does not exist
  | 'stale' // the version the caller read is not the current one
  | 'in_use' // others depend on the record
  | 'duplicate' // the same thing exists already
  | 'invalid'; // a rule about the input, beyond its shape

export class DomainError extends Error {
  constructor(
    readonly reason: DomainErrorReason,
    message: string,
    /** The input field the error is about, so a form can show it next to that field. */
    readonly field?: string,
    /** Extra structured detail (for example the current record on a conflict). */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

const ENTITY_LABEL: Record<string, string> = {
  claim: 'Claim',
  source: 'Source',
  document: 'Document',
  attribution: 'Attribution',
  claim_link: 'Claim link',
  story: 'Story',
  review: 'Review',
};

export const notFound = (entity: string, id: number | string, field?: string) =>
  new DomainError('not_found', `${ENTITY_LABEL[entity] ?? entity} #${id} does not exist (it may have been deleted).`, field);

export const stale = (entity: string, current: unknown) =>
  new DomainError(
    'stale',
    `Someone else changed this ${(ENTITY_LABEL[entity] ?? entity).toLowerCase()} after you opened it. Reload to see their changes, then apply yours again.`,
    undefined,
    { current },
  );

export const inUse = (what: string, dependents: string[]) =>
  new DomainError('in_use', `${what} cannot be deleted: ${dependents.join('; ')}. Remove or move those first.`, undefined, {
    dependents,
  });

export const invalid = (field: string, message: string) => new DomainError('invalid', message, field);
export const duplicate = (field: string, message: string) => new DomainError('duplicate', message, field);

const CODE: Record<DomainErrorReason, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  stale: 'CONFLICT',
  in_use: 'CONFLICT',
  duplicate: 'CONFLICT',
  invalid: 'BAD_REQUEST',
};

/** The one map from domain errors (and stray SQLite constraint errors) to tRPC errors. */
export function toTRPCError(cause: unknown): TRPCError | undefined {
  if (cause instanceof DomainError) {
    return new TRPCError({ code: CODE[cause.reason], message: cause.message, cause });
  }
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    // A service should have caught this with a clearer message; never report it as a crash.
    const message =
      code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
        ? 'This change refers to a record that does not exist, or removes one that others depend on.'
        : code === 'SQLITE_CONSTRAINT_UNIQUE'
          ? 'This would create a duplicate of an existing record.'
          : 'This change breaks a rule of the ledger.';
    return new TRPCError({ code: 'CONFLICT', message, cause: new DomainError('invalid', message) });
  }
  return undefined;
}
