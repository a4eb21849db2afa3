import type { DB } from '~/db/client';

/** Times (ms) of the account's failed sign-ins since `since`, newest first. */
export async function failuresSince(db: DB, email: string, since: number): Promise<number[]> {
  const rows = await db.selectFrom('signInFailure').select('at').where('email', '=', email).where('at', '>', since).orderBy('at', 'desc').execute();
  return rows.map((r) => r.at);
}

/** Every account's failed sign-ins since `since`, newest first within each account. */
export function failuresOfAllSince(db: DB, since: number): Promise<{ email: string; at: number }[]> {
  return db.selectFrom('signInFailure').select(['email', 'at']).where('at', '>', since).orderBy('email').orderBy('at', 'desc').execute();
}

/** Records a failure and forgets every failure older than `forgetBefore` (of any account). */
export async function recordFailure(db: DB, email: string, at: number, forgetBefore: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('signInFailure').where('at', '<=', forgetBefore).execute();
    await trx.insertInto('signInFailure').values({ email, at }).execute();
  });
}

export async function clearFailures(db: DB, email: string): Promise<void> {
  await db.deleteFrom('signInFailure').where('email', '=', email).execute();
}
