import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { DB } from '~/db/client';
import { DomainError, toTRPCError } from './errors';

/** Everything a procedure may use. Accounts arrive later: the actor is nullable for now. */
export interface Context {
  db: DB;
  actorId: string | null;
}

export interface ErrorData {
  /** Field path (dot-joined) → first message, for forms to show beside the field. */
  fieldErrors: Record<string, string> | null;
  /** Why a domain rule refused the call (not_found, stale, in_use, duplicate, invalid). */
  reason: string | null;
  detail: unknown;
}

function fieldErrorsOf(cause: unknown): Record<string, string> | null {
  if (cause instanceof ZodError) {
    const out: Record<string, string> = {};
    for (const issue of cause.issues) {
      const key = issue.path.map(String).join('.') || '_form';
      out[key] ??= issue.message;
    }
    return out;
  }
  if (cause instanceof DomainError && cause.field) return { [cause.field]: cause.message };
  return null;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const data: ErrorData = {
      fieldErrors: fieldErrorsOf(cause),
      reason: cause instanceof DomainError ? cause.reason : cause instanceof ZodError ? 'invalid' : null,
      detail: cause instanceof DomainError ? (cause.detail ?? null) : null,
    };
    // Input validation: one readable message naming the fields.
    const message =
      cause instanceof ZodError && data.fieldErrors
        ? Object.entries(data.fieldErrors)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')
        : shape.message;
    return { ...shape, message, data: { ...shape.data, ...data } };
  },
});

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);
export { TRPCError, z };
