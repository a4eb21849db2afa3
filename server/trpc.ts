import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { DB } from '~/db/client';
import type { Role } from '~/db/schema';
import { DomainError, toTRPCError } from './errors';
import { hasRole, ROLE_LABEL } from './users/roles';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** Everything a procedure may use: the database and who is asking (null when signed out). */
export interface Context {
  db: DB;
  user: SessionUser | null;
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

export interface Meta {
  /** The least role a procedure needs (absent: open to anyone). */
  role?: Role;
}

const t = initTRPC.context<Context>().meta<Meta>().create({
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

/** Open to anyone, signed in or not (only the sign-in flow and invitations use it). */
export const publicProcedure = t.procedure.use(domainErrors);

const NEEDS: Record<Role, string> = { checker: 'a signed-in desk member', editor: 'an editor', admin: 'an admin' };

/**
 * A procedure that needs at least `role`. The check is here, in the procedure itself:
 * UNAUTHORIZED when signed out, FORBIDDEN when the role is not enough.
 */
function roleProcedure(role: Role) {
  return publicProcedure.meta({ role }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
    if (!hasRole(ctx.user.role, role))
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs ${NEEDS[role]}; you are signed in as ${ROLE_LABEL[ctx.user.role].toLowerCase()}.`,
      });
    return next({ ctx: { user: ctx.user, actorId: ctx.user.id } });
  });
}

export const checkerProcedure = roleProcedure('checker');
export const editorProcedure = roleProcedure('editor');
export const adminProcedure = roleProcedure('admin');
export { TRPCError, z };
