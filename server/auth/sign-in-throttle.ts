/**
 * Per-account sign-in throttle. better-auth limits sign-ins per client address, but the address
 * comes from X-Forwarded-For, which a client talking to the app directly writes itself; so each
 * account also takes at most MAX_FAILURES wrong passwords in WINDOW_MS, from anywhere. A correct
 * password clears the count; while the account is locked even the correct password is refused
 * (else the lock would tell a guesser when they have it right).
 */
import type { DB } from '~/db/client';
import { clearFailures, failuresSince, recordFailure } from './sign-in-throttle.queries';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

const key = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');

/** How long (ms) the account stays locked: 0 when it may try a password now. */
export async function lockedFor(db: DB, email: unknown, now = Date.now()): Promise<number> {
  const k = key(email);
  if (!k) return 0;
  const recent = await failuresSince(db, k, now - WINDOW_MS);
  return recent.length < MAX_FAILURES ? 0 : recent[MAX_FAILURES - 1]! + WINDOW_MS - now;
}

export async function signInFailed(db: DB, email: unknown, now = Date.now()): Promise<void> {
  const k = key(email);
  if (k) await recordFailure(db, k, now, now - WINDOW_MS);
}

export async function signInSucceeded(db: DB, email: unknown): Promise<void> {
  const k = key(email);
  if (k) await clearFailures(db, k);
}

/** The error code of a refusal by this throttle (the sign-in page shows its message as it is). */
export const ACCOUNT_LOCKED = 'ACCOUNT_LOCKED';

/** The message a locked account gets, with the wait in whole minutes. */
export function lockedMessage(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Too many wrong passwords for this account. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}
