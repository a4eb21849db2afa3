import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { AccountTable, Database, InvitationTable, Role, UserTable } from '~/db/schema';

const publicColumns = ['id', 'name', 'email', 'role', 'banned', 'createdAt', 'updatedAt'] as const;

export const getUser = (db: Kysely<Database>, id: string) =>
  db.selectFrom('user').select(publicColumns).where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Kysely<Database>, email: string) =>
  db.selectFrom('user').select(publicColumns).where('email', '=', email).executeTakeFirst();

export const listUsers = (db: Kysely<Database>) =>
  db
    .selectFrom('user')
    .select(publicColumns)
    .select((eb) =>
      eb.selectFrom('session').whereRef('session.userId', '=', 'user.id').select((e) => e.fn.max('session.updatedAt').as('m')).as('lastSeenAt'),
    )
    .orderBy('name')
    .execute();

export const userNames = (db: Kysely<Database>, ids: string[]) =>
  db.selectFrom('user').select(['id', 'name']).where('id', 'in', ids.length ? ids : ['']).execute();

export const countAdmins = async (db: Kysely<Database>) =>
  Number(
    (
      await db
        .selectFrom('user')
        .where('role', '=', 'admin')
        .where((eb) => eb.or([eb('banned', 'is', null), eb('banned', '=', 0)]))
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function insertUserWithPassword(db: Kysely<Database>, user: Insertable<UserTable>, account: Insertable<AccountTable>) {
  await db.insertInto('user').values(user).execute();
  await db.insertInto('account').values(account).execute();
}

export const setUserRole = (db: Kysely<Database>, id: string, role: Role, at: string) =>
  db.updateTable('user').set({ role, updatedAt: at }).where('id', '=', id).execute();

export const setUserBanned = (db: Kysely<Database>, id: string, banned: boolean, at: string) =>
  db
    .updateTable('user')
    .set({ banned: banned ? 1 : 0, banReason: banned ? 'Disabled by an admin' : null, updatedAt: at })
    .where('id', '=', id)
    .execute();

/**
 * Sets the password of the account's credential (email and password) login, adding that login
 * if the account has none. `passwordHash` is better-auth's hash (better-auth/crypto).
 */
export async function setPassword(db: Kysely<Database>, userId: string, passwordHash: string, at: string) {
  const updated = await db
    .updateTable('account')
    .set({ password: passwordHash, updatedAt: at })
    .where('userId', '=', userId)
    .where('providerId', '=', 'credential')
    .executeTakeFirst();
  if (!updated.numUpdatedRows)
    await db
      .insertInto('account')
      .values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash, createdAt: at, updatedAt: at })
      .execute();
}

/** Signs a user out everywhere. */
export const deleteSessionsOf = (db: Kysely<Database>, userId: string) => db.deleteFrom('session').where('userId', '=', userId).execute();

export const insertInvitation = (db: Kysely<Database>, v: Insertable<InvitationTable>) =>
  db.insertInto('invitation').values(v).returningAll().executeTakeFirstOrThrow();

/**
 * Whether a newer password reset link was made for the same account as this link: making one
 * cancels the older ones (one may have gone astray). The one definition, for using and listing.
 */
const supersededLink = (eb: ExpressionBuilder<Database, 'invitation'>) =>
  eb.exists(
    eb.selectFrom('invitation as newer').select('newer.id').where('newer.purpose', '=', 'password_reset').whereRef('newer.userId', '=', 'invitation.userId').whereRef('newer.id', '>', 'invitation.id'),
  );

/** A link by its token's hash, with whether a newer reset link for its account cancelled it. */
export const findInvitation = async (db: Kysely<Database>, tokenHash: string) => {
  const row = await db.selectFrom('invitation').selectAll().select((eb) => supersededLink(eb).as('superseded')).where('tokenHash', '=', tokenHash).executeTakeFirst();
  return row && { ...row, superseded: Boolean(row.superseded) };
};

export const markInvitationUsed = (db: Kysely<Database>, id: number, at: string) =>
  db.updateTable('invitation').set({ usedAt: at }).where('id', '=', id).where('usedAt', 'is', null).executeTakeFirst();

export const listOpenInvitations = (db: Kysely<Database>, now: string) =>
  db
    .selectFrom('invitation')
    .leftJoin('user as inviter', 'inviter.id', 'invitation.invitedBy')
    .leftJoin('user as account', 'account.id', 'invitation.userId')
    .select([
      'invitation.id',
      'invitation.purpose',
      'invitation.email',
      'invitation.role',
      'invitation.createdAt',
      'invitation.expiresAt',
      'inviter.name as invitedByName',
      'account.name as accountName',
    ])
    .where('invitation.usedAt', 'is', null)
    .where('invitation.expiresAt', '>', now)
    .where((eb) => eb.not(supersededLink(eb)))
    .orderBy('invitation.id', 'desc')
    .execute();
