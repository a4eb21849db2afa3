import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { expect } from 'vitest';
import type { DB } from '~/db/client';
import type { Database } from '~/db/schema';
import { appRouter, type createCaller, type RouterInputs } from '~/server/root';
import type { ErrorData } from '~/server/trpc';

/** Small fixtures and assertions shared by the integration tests (tRPC callers on a fresh database). */

export type Caller = ReturnType<typeof createCaller>;

export const TABLES = [
  'claim',
  'source',
  'sourceAlias',
  'document',
  'attribution',
  'claimLink',
  'story',
  'storyClaim',
  'auditEvent',
  'auditSubject',
] as const satisfies readonly (keyof Database)[];

// ── records ──────────────────────────────────────────────────────────────────────────────────────

let seq = 0;
const next = () => ++seq;

export function makeStory(caller: Caller, o: Partial<RouterInputs['stories']['create']> = {}) {
  return caller.stories.create({ title: `Fall of Damascus, part ${next()}`, ...o });
}

export function makeClaim(caller: Caller, o: Partial<RouterInputs['claims']['create']> = {}) {
  return caller.claims.create({ text: `Checkable statement number ${next()}`, ...o });
}

export function makeSource(caller: Caller, o: Partial<RouterInputs['sources']['create']> = {}) {
  return caller.sources.create({ name: `Source ${next()}`, kind: 'organization', ...o });
}

export function makeDocument(caller: Caller, o: Partial<RouterInputs['documents']['create']> = {}) {
  const n = next();
  return caller.documents.create({ url: `https://news.example/articles/${n}`, title: `Article ${n}`, ...o });
}

export function makeAttribution(
  caller: Caller,
  o: Partial<RouterInputs['attributions']['create']> & { claimId: number },
) {
  return caller.attributions.create({ stance: 'asserts', quote: `Quote ${next()}`, ...o });
}

/** The reference story's actors: Rami Abdurrahman heads SOHR, which belongs to a wider network. */
export async function makeSohrChain(caller: Caller) {
  const network = await makeSource(caller, { name: 'Syrian opposition monitoring network', kind: 'organization' });
  const sohr = await makeSource(caller, {
    name: 'Syrian Observatory for Human Rights',
    kind: 'ngo',
    aliases: ['SOHR', 'Syrian Observatory'],
    affiliationId: network.id,
    homepage: 'https://www.syriahr.com/en/',
  });
  const rami = await makeSource(caller, {
    name: 'Rami Abdurrahman',
    kind: 'person',
    aliases: ['Rami Abdel Rahman'],
    affiliationId: sohr.id,
    affiliationRole: 'head',
  });
  return { network, sohr: await gradeSource(caller, sohr, 'B'), rami };
}

/** An editor's grade (the default caller is an admin); returns the graded source, version moved on. */
export function gradeSource(
  caller: Caller,
  source: { id: number; version: number },
  reliability: RouterInputs['sources']['grade']['reliability'],
  reliabilityNote = `Graded ${reliability} on its track record`,
) {
  return caller.sources.grade({ id: source.id, version: source.version, reliability, reliabilityNote });
}

// ── database inspection ──────────────────────────────────────────────────────────────────────────

export async function countRows(db: DB): Promise<Record<(typeof TABLES)[number], number>> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const t of TABLES) {
    const r = await db.selectFrom(t).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** Every row of every table: compare before and after a refused call to prove nothing changed. */
export async function snapshot(db: DB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.selectFrom(t).selectAll().execute();
  return out;
}

export async function auditEvents(db: DB) {
  return db.selectFrom('auditEvent').selectAll().orderBy('id').execute();
}

/** Runs `fn` and returns the audit events it wrote (in order). */
export async function eventsWrittenBy(db: DB, fn: () => Promise<unknown>) {
  const last = (await db.selectFrom('auditEvent').select((e) => e.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0;
  await fn();
  return db.selectFrom('auditEvent').selectAll().where('id', '>', Number(last)).orderBy('id').execute();
}

// ── errors ───────────────────────────────────────────────────────────────────────────────────────

export interface ClientError {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
  reason: string | null;
  fieldErrors: Record<string, string> | null;
  detail: unknown;
}

/**
 * Expects `promise` to reject with a TRPCError of `code` and returns what a client would see:
 * the app's own error formatter (server/trpc.ts) is applied, as the HTTP handler does.
 */
export async function expectTRPCError(promise: Promise<unknown>, code: TRPC_ERROR_CODE_KEY): Promise<ClientError> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error, 'expected the call to be refused').toBeInstanceOf(TRPCError);
  const err = error as TRPCError;
  expect(err.code, `${err.code}: ${err.message}`).toBe(code);
  const shape = getErrorShape({
    config: appRouter._def._config,
    error: err,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  const data = shape.data as ErrorData;
  return { code: err.code, message: shape.message, reason: data.reason, fieldErrors: data.fieldErrors, detail: data.detail };
}

/** Walks every page of a keyset-paginated list and returns the pages. */
export async function allPages<T>(
  fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  maxPages = 100,
): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: { items: T[]; nextCursor: string | null } = await fetch(cursor);
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error(`more than ${maxPages} pages: the cursor does not advance`);
}

export const longText = (n: number) => 'x'.repeat(n);
