import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, InvitationTable, LinkPurpose, Role } from '~/db/schema';
import { recordAudit } from '../audit/audit.service';
import { clearLock, lockedAccounts, lockedFor } from '../auth/sign-in-throttle';
import { DomainError, duplicate, invalid } from '../errors';
import { nowIso } from '../shared/time';
import * as q from './users.queries';
import type { acceptInvitationInput, createUserInput, inviteInput, resetPasswordInput } from './users.schema';

type Actor = string | null;

/** What the history keeps of a user: never the password. */
const visible = (u: { id: string; name: string; email: string; role: Role; banned?: number | null }) => ({
  name: u.name,
  email: u.email,
  role: u.role,
  disabled: Boolean(u.banned),
});

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Creates an account with a password (better-auth's credential account), in one transaction
 * with its audit event. Used by `npm run user:create`, demo mode and accepted invitations.
 */
export async function createUser(db: Kysely<Database>, actor: Actor, input: z.output<typeof createUserInput>) {
  // Hash outside the transaction: it is slow on purpose, and the transaction holds the writer.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute((trx) => createUserWithHash(trx, actor, input, passwordHash));
}

async function createUserWithHash(trx: Kysely<Database>, actor: Actor, input: z.output<typeof createUserInput>, passwordHash: string) {
  if (await q.findUserByEmail(trx, input.email)) throw duplicate('email', `An account for ${input.email} exists already.`);
  const at = nowIso();
  const id = randomUUID();
  await q.insertUserWithPassword(
    trx,
    { id, name: input.name, email: input.email, emailVerified: 1, image: null, role: input.role, banned: 0, banReason: null, banExpires: null, createdAt: at, updatedAt: at },
    { id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash, createdAt: at, updatedAt: at },
  );
  const user = { id, name: input.name, email: input.email, role: input.role };
  await recordAudit(trx, actor === 'self' ? id : actor, 'create', 'user', 0, null, { id, ...visible(user) });
  return user;
}

async function mustGetUser(trx: Kysely<Database>, id: string) {
  const u = await q.getUser(trx, id);
  if (!u) throw new DomainError('not_found', 'This account does not exist.', 'userId');
  return u;
}

/** An admin cannot remove the last working admin account: the desk would be locked out. */
async function keepAnAdmin(trx: Kysely<Database>, user: { role: Role; banned: number | null }) {
  if (user.role === 'admin' && !user.banned && (await q.countAdmins(trx)) <= 1)
    throw invalid('userId', 'This is the last admin account: make someone else an admin first.');
}

export function setRole(db: Kysely<Database>, actor: Actor, input: { userId: string; role: Role }) {
  return db.transaction().execute(async (trx) => {
    const before = await mustGetUser(trx, input.userId);
    if (before.role === input.role) return before;
    if (input.role !== 'admin') await keepAnAdmin(trx, before);
    const at = nowIso();
    await q.setUserRole(trx, input.userId, input.role, at);
    const after = await mustGetUser(trx, input.userId);
    await recordAudit(trx, actor, 'update', 'user', 0, { id: before.id, ...visible(before) }, { id: after.id, ...visible(after) });
    return after;
  });
}

/** Disabling signs the person out everywhere and stops them signing in; nothing they did is lost. */
export function setDisabled(db: Kysely<Database>, actor: Actor, input: { userId: string; disabled: boolean }) {
  return db.transaction().execute(async (trx) => {
    const before = await mustGetUser(trx, input.userId);
    if (input.disabled && input.userId === actor) throw invalid('userId', 'You cannot disable your own account.');
    if (Boolean(before.banned) === input.disabled) return before;
    if (input.disabled) await keepAnAdmin(trx, before);
    await q.setUserBanned(trx, input.userId, input.disabled, nowIso());
    if (input.disabled) await q.deleteSessionsOf(trx, input.userId);
    const after = await mustGetUser(trx, input.userId);
    await recordAudit(trx, actor, 'update', 'user', 0, { id: before.id, ...visible(before) }, { id: after.id, ...visible(after) });
    return after;
  });
}

export async function listUsers(db: Kysely<Database>) {
  const now = Date.now();
  const [users, locked] = await Promise.all([q.listUsers(db), lockedAccounts(db, now)]);
  return users.map((u) => ({ ...u, disabled: Boolean(u.banned), signInLock: lockOf(locked.get(u.email.toLowerCase()) ?? 0, now) }));
}

/** A sign-in lock as the admin's list shows it (null: not locked). */
function lockOf(ms: number, now: number) {
  return ms > 0 ? { until: new Date(now + ms).toISOString(), minutesLeft: Math.max(1, Math.ceil(ms / 60_000)) } : null;
}

export const openInvitations = (db: Kysely<Database>) => q.listOpenInvitations(db, nowIso());

/** A one-time link's token: returned once, only its hash is kept. */
async function issueLink(trx: Kysely<Database>, v: Omit<Insertable<InvitationTable>, 'tokenHash' | 'createdAt' | 'expiresAt' | 'usedAt'>, hours: number) {
  const token = randomBytes(24).toString('base64url');
  const at = new Date();
  const row = await q.insertInvitation(trx, {
    ...v,
    tokenHash: hashToken(token),
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + hours * 36e5).toISOString(),
    usedAt: null,
  });
  return { token, row };
}

/** A one-time invitation to join the desk with a role. */
export function invite(db: Kysely<Database>, actor: Actor, input: z.output<typeof inviteInput>) {
  return db.transaction().execute(async (trx) => {
    if (await q.findUserByEmail(trx, input.email)) throw duplicate('email', `${input.email} has an account already.`);
    const { token, row } = await issueLink(trx, { purpose: 'join', email: input.email, role: input.role, invitedBy: actor }, INVITATION_DAYS * 24);
    await recordAudit(trx, actor, 'create', 'invitation', row.id, null, { email: row.email, role: row.role, expiresAt: row.expiresAt });
    return { token, email: row.email, role: row.role, expiresAt: row.expiresAt };
  });
}

const LINK_NOUN: Record<LinkPurpose, string> = { join: 'invitation', password_reset: 'password reset' };

/** What a link that does not work says: used, expired, or not a link of this kind at all. */
export const UNKNOWN_LINK =
  'This link is not valid: no invitation or password reset has this address. Check that you copied all of it, or ask an admin of your desk for a new one.';

const UNUSABLE_BECAUSE = {
  used: 'it was used already (it works once)',
  expired: 'it expired',
  superseded: 'a newer one was made for this account since (only the newest works)',
} as const;

function unusable(purpose: LinkPurpose | null, why?: keyof typeof UNUSABLE_BECAUSE) {
  const message = purpose && why
    ? `This ${LINK_NOUN[purpose]} link is not valid any more: ${UNUSABLE_BECAUSE[why]}. ${why === 'superseded' ? 'Use the newest link, or ask' : 'Ask'} an admin of your desk for a new one.`
    : UNKNOWN_LINK;
  return new DomainError('not_found', message, 'token');
}

async function usableLink(db: Kysely<Database>, token: string, purpose: LinkPurpose | null) {
  const link = await q.findInvitation(db, hashToken(token));
  if (!link || (purpose && link.purpose !== purpose)) throw unusable(null);
  if (link.usedAt) throw unusable(link.purpose, 'used');
  if (link.expiresAt <= nowIso()) throw unusable(link.purpose, 'expired');
  if (link.superseded) throw unusable(link.purpose, 'superseded');
  return link;
}

/** What a link's page shows before the person sets their password. */
export async function getInvitation(db: Kysely<Database>, token: string) {
  const link = await usableLink(db, token, null);
  const account = link.userId ? await q.getUser(db, link.userId) : undefined;
  return { purpose: link.purpose, email: link.email, role: link.role, expiresAt: link.expiresAt, name: account?.name ?? null };
}

/** Accepting creates the account and uses up the link, together or not at all. */
export async function acceptInvitation(db: Kysely<Database>, input: z.output<typeof acceptInvitationInput>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const inv = await usableLink(trx, input.token, 'join');
    // The new member is the actor of their own account's creation.
    const user = await createUserWithHash(trx, 'self', { email: inv.email, name: input.name, role: inv.role, password: input.password }, passwordHash);
    const used = await q.markInvitationUsed(trx, inv.id, nowIso());
    if (!used.numUpdatedRows) throw unusable('join', 'used');
    return user;
  });
}

// ── sign-in locks and password resets ────────────────────────────────────────────────────────────

const RESET_HOURS = 72;

/** The account as its history keeps it, with its sign-in lock. */
const withLock = (u: Parameters<typeof visible>[0], lockedMs: number, now: number) => ({
  id: u.id,
  ...visible(u),
  signInLockedUntil: lockedMs > 0 ? new Date(now + lockedMs).toISOString() : null,
});

/**
 * Clears the sign-in lock the throttle put on an account (server/auth/sign-in-throttle.ts).
 * An account that is not locked is left as it is, and no event is written.
 */
export function unlock(db: Kysely<Database>, actor: Actor, input: { userId: string }) {
  return db.transaction().execute(async (trx) => {
    const user = await mustGetUser(trx, input.userId);
    const now = Date.now();
    const wait = await lockedFor(trx, user.email, now);
    if (wait > 0) {
      await clearLock(trx, user.email);
      await recordAudit(trx, actor, 'update', 'user', 0, withLock(user, wait, now), withLock(user, 0, now));
    }
    return { ...user, disabled: Boolean(user.banned), signInLock: null };
  });
}

/**
 * A one-time link with which the holder sets a new password for an enabled account, for
 * RESET_HOURS. The admin sends it themselves; nothing changes until it is used, except that the
 * account's earlier reset links stop working (users.queries.ts: supersededLink).
 */
export function createPasswordReset(db: Kysely<Database>, actor: Actor, input: { userId: string }) {
  return db.transaction().execute(async (trx) => {
    const user = await mustGetUser(trx, input.userId);
    if (user.banned) throw invalid('userId', `${user.name}'s account is disabled: enable it before making a password reset link.`);
    const { token, row } = await issueLink(trx, { purpose: 'password_reset', userId: user.id, email: user.email, role: user.role, invitedBy: actor }, RESET_HOURS);
    await recordAudit(trx, actor, 'create', 'password_reset', row.id, null, { userId: user.id, name: user.name, email: user.email, expiresAt: row.expiresAt });
    return { token, name: user.name, email: user.email, expiresAt: row.expiresAt };
  });
}

/**
 * Using a reset link: sets the new password, clears any sign-in lock, signs the account out
 * everywhere and uses up the link, together or not at all. The holder is the actor.
 */
export async function resetPassword(db: Kysely<Database>, input: z.output<typeof resetPasswordInput>) {
  // Hash outside the transaction: it is slow on purpose, and the transaction holds the writer.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const link = await usableLink(trx, input.token, 'password_reset');
    const user = link.userId ? await q.getUser(trx, link.userId) : undefined;
    if (!user) throw unusable(null);
    if (user.banned) throw invalid('token', 'This account is disabled, so its password cannot be reset. Ask an admin of your desk.');
    const now = Date.now();
    const at = new Date(now).toISOString();
    const wait = await lockedFor(trx, user.email, now);
    await q.setPassword(trx, user.id, passwordHash, at);
    await clearLock(trx, user.email);
    await q.deleteSessionsOf(trx, user.id);
    const used = await q.markInvitationUsed(trx, link.id, at);
    if (!used.numUpdatedRows) throw unusable('password_reset', 'used');
    await recordAudit(
      trx,
      user.id,
      'update',
      'user',
      0,
      { ...withLock(user, wait, now), passwordSetWith: null },
      { ...withLock(user, 0, now), passwordSetWith: `password reset link #${link.id}` },
      [{ entity: 'password_reset', id: link.id }],
    );
    return { id: user.id, name: user.name, email: user.email, role: user.role };
  });
}
