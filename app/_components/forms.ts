import { TRPCClientError } from '@trpc/client';
import type { z } from 'zod';

/** Mantine form `validate` from the same zod schema the procedure uses. */
export function zodValidate<S extends z.ZodType>(schema: S) {
  return (values: unknown): Record<string, string> => {
    const r = schema.safeParse(values);
    if (r.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of r.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= issue.message;
    }
    return errors;
  };
}

export interface ServerError {
  message: string;
  fieldErrors: Record<string, string>;
  reason: string | null;
  code: string | null;
  /** On a stale version: the record as it is now. */
  current: (Record<string, unknown> & { version: number }) | null;
}

/** What the server said, in a shape forms can show: field errors beside fields, the rest above. */
export function readServerError(err: unknown): ServerError {
  if (err instanceof TRPCClientError) {
    const data = (err.data ?? {}) as {
      fieldErrors?: Record<string, string> | null;
      reason?: string | null;
      code?: string;
      detail?: { current?: ServerError['current'] } | null;
    };
    return {
      message: err.message,
      fieldErrors: data.fieldErrors ?? {},
      reason: data.reason ?? null,
      code: data.code ?? null,
      current: data.reason === 'stale' ? (data.detail?.current ?? null) : null,
    };
  }
  return {
    message: 'Could not reach the server. Check your connection and try again; nothing was lost.',
    fieldErrors: {},
    reason: null,
    code: null,
    current: null,
  };
}
