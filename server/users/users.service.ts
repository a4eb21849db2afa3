import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, Role } from '~/db/schema';
import { recordAudit } from '../audit/audit.service';
import { DomainError, duplicate, invalid } from '../errors';
import { nowIso } from '../shared/time';
import * as q from './users.queries';
import type { acceptInvitationInput, createUserInput, inviteInput } from './users.schema';

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

export const listUsers = async (db: Kysely<Database>) =>
  (await q.listUsers(db)).map((u) => ({ ...u, disabled: Boolean(u.banned) }));

export const openInvitations = (db: Kysely<Database>) => q.listOpenInvitations(db, nowIso());

/** A one-time invitation; the token is returned once and only its hash is kept. */
export function invite(db: Kysely<Database>, actor: Actor, input: z.output<typeof inviteInput>) {
  return db.transaction().execute(async (trx) => {
    if (await q.findUserByEmail(trx, input.email)) throw duplicate('email', `${input.email} has an account already.`);
    const token = randomBytes(24).toString('base64url');
    const at = new Date();
    const row = await q.insertInvitation(trx, {
      tokenHash: hashToken(token),
      email: input.email,
      role: input.role,
      invitedBy: actor,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + INVITATION_DAYS * 864e5).toISOString(),
      usedAt: null,
    });
    await recordAudit(trx, actor, 'create', 'invitation', row.id, null, { email: row.email, role: row.role, expiresAt: row.expiresAt });
    return { token, email: row.email, role: row.role, expiresAt: row.expiresAt };
  });
}

const unusable = () =>
  new DomainError('not_found', 'This invitation link is not valid any more (it was used, or it expired). Ask an admin for a new one.', 'token');

async function usableInvitation(db: Kysely<Database>, token: string) {
  const inv = await q.findInvitation(db, hashToken(token));
  if (!inv || inv.usedAt || inv.expiresAt <= nowIso()) throw unusable();
  return inv;
}

export async function getInvitation(db: Kysely<Database>, token: string) {
  const inv = await usableInvitation(db, token);
  return { email: inv.email, role: inv.role, expiresAt: inv.expiresAt };
}

/** Accepting creates the account and uses up the link, together or not at all. */
export async function acceptInvitation(db: Kysely<Database>, input: z.output<typeof acceptInvitationInput>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const inv = await usableInvitation(trx, input.token);
    // The new member is the actor of their own account's creation.
    const user = await createUserWithHash(trx, 'self', { email: inv.email, name: input.name, role: inv.role, password: input.password }, passwordHash);
    const used = await q.markInvitationUsed(trx, inv.id, nowIso());
    if (!used.numUpdatedRows) throw unusable();
    return user;
  });
}
