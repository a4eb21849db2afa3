/**
 * Per-account sign-in throttle. better-auth limits sign-ins per client address, but the address
 * comes from X-Forwarded-For, which a client talking to the app directly writes itself; so each
 * account also takes at most MAX_FAILURES wrong passwords in WINDOW_MS, from anywhere. A correct
 * password clears the count; while the account is locked even the correct password is refused
 * (else the lock would tell a guesser when they have it right).
 */
import type { DB } from '~/db/client';
import { clearFailures, failuresOfAllSince, failuresSince, recordFailure } from './sign-in-throttle.queries';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

const key = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');

/** The wait left (ms) given an account's failures in the window, newest first. */
const waitAfter = (recent: number[], now: number) => (recent.length < MAX_FAILURES ? 0 : recent[MAX_FAILURES - 1]! + WINDOW_MS - now);

/** How long (ms) the account stays locked: 0 when it may try a password now. */
export async function lockedFor(db: DB, email: unknown, now = Date.now()): Promise<number> {
  const k = key(email);
  if (!k) return 0;
  return waitAfter(await failuresSince(db, k, now - WINDOW_MS), now);
}

/** Every locked account (lower-cased email → ms left), in one query: for the admin's list. */
export async function lockedAccounts(db: DB, now = Date.now()): Promise<Map<string, number>> {
  const byEmail = new Map<string, number[]>();
  for (const f of await failuresOfAllSince(db, now - WINDOW_MS)) {
    const list = byEmail.get(f.email) ?? [];
    list.push(f.at);
    byEmail.set(f.email, list);
  }
  const locked = new Map<string, number>();
  for (const [email, recent] of byEmail) {
    const wait = waitAfter(recent, now);
    if (wait > 0) locked.set(email, wait);
  }
  return locked;
}

/** An admin's unlock, or a new password: forgets the account's failed sign-ins. */
export async function clearLock(db: DB, email: unknown): Promise<void> {
  const k = key(email);
  if (k) await clearFailures(db, k);
}

export async function signInFailed(db: DB, email: unknown, now = Date.now()): Promise<void> {
  const k = key(email);
  if (k) await recordFailure(db, k, now, now - WINDOW_MS);
}

/** A correct password clears the count. */
export const signInSucceeded = clearLock;

/** The error code of a refusal by this throttle (the sign-in page shows its message as it is). */
export const ACCOUNT_LOCKED = 'ACCOUNT_LOCKED';

/** The message a locked account gets, with the wait in whole minutes. */
export function lockedMessage(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Too many wrong passwords for this account. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}, or ask an admin of your desk to unlock it.`;
}
