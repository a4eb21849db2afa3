import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { Role } from '~/db/schema';
import { appRouter } from '~/server/root';
import { addUser, callerAs, freshDb } from '../helpers/db';

/**
 * The authorization matrix: every procedure of the app router, the least role it needs, and a
 * check against every role and a signed-out caller. A procedure added without a line here
 * fails the first test.
 */
const NEEDS: Record<string, Role | 'public'> = {
  'attributions.create': 'checker',
  'attributions.update': 'checker',
  'attributions.delete': 'editor',
  'audit.activity': 'checker',
  'claims.list': 'checker',
  'claims.get': 'checker',
  'claims.history': 'checker',
  'claims.assessment': 'checker',
  'claims.suggest': 'checker',
  'claims.similar': 'checker',
  'claims.create': 'checker',
  'claims.update': 'checker',
  'claims.delete': 'editor',
  'claims.merge': 'editor',
  'claims.unmerge': 'editor',
  'documents.list': 'checker',
  'documents.get': 'checker',
  'documents.history': 'checker',
  'documents.suggest': 'checker',
  'documents.create': 'checker',
  'documents.update': 'checker',
  'documents.delete': 'editor',
  'graph.neighbourhood': 'checker',
  'intake.extract': 'checker',
  'intake.accept': 'checker',
  'links.create': 'checker',
  'links.update': 'checker',
  'links.delete': 'editor',
  'sources.list': 'checker',
  'sources.get': 'checker',
  'sources.history': 'checker',
  'sources.suggest': 'checker',
  'sources.create': 'checker',
  'sources.update': 'checker',
  'sources.grade': 'editor',
  'sources.delete': 'editor',
  'stories.list': 'checker',
  'stories.get': 'checker',
  'stories.history': 'checker',
  'stories.timeline': 'checker',
  'stories.create': 'checker',
  'stories.update': 'checker',
  'stories.delete': 'editor',
  'stories.addClaim': 'checker',
  'stories.removeClaim': 'checker',
  'search.query': 'checker',
  'reviews.list': 'checker',
  'reviews.queue': 'editor',
  'reviews.dashboard': 'editor',
  'reviews.create': 'editor',
  'users.me': 'checker',
  'users.directory': 'checker',
  'users.list': 'admin',
  'users.invitations': 'admin',
  'users.setRole': 'admin',
  'users.setDisabled': 'admin',
  'users.invite': 'admin',
  'users.unlock': 'admin',
  'users.createPasswordReset': 'admin',
  'users.auditChain': 'admin',
  'users.invitation': 'public',
  'users.acceptInvitation': 'public',
  'users.resetPassword': 'public',
};

type Proc = { _def: { type: string; meta?: { role?: Role } } };
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, Proc>;
const RANK = { public: 0, checker: 1, editor: 2, admin: 3 } as const;

async function outcome(caller: ReturnType<typeof callerAs>, path: string): Promise<string> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (input: unknown) => Promise<unknown>;
  try {
    // An empty input: allowed callers fail validation or find nothing, which is fine here.
    await fn({});
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? err.code : `THREW ${String(err)}`;
  }
}

describe('authorization matrix', () => {
  it('lists every procedure of the app router, and nothing else', () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual(Object.keys(NEEDS).sort());
  });

  it('declares on each procedure the role the matrix expects', () => {
    for (const [path, p] of Object.entries(PROCEDURES)) {
      const declared = p._def.meta?.role ?? 'public';
      expect(`${path}: ${declared}`).toBe(`${path}: ${NEEDS[path]}`);
    }
  });

  it('refuses signed-out callers (UNAUTHORIZED) and too-low roles (FORBIDDEN), and lets the rest through', async () => {
    const db = await freshDb();
    const callers = {
      'signed out': callerAs(db, null),
      checker: callerAs(db, await addUser(db, 'c', 'checker')),
      editor: callerAs(db, await addUser(db, 'e', 'editor')),
      admin: callerAs(db, await addUser(db, 'a', 'admin')),
    };
    const problems: string[] = [];
    for (const path of Object.keys(PROCEDURES)) {
      const need = NEEDS[path]!;
      for (const [who, caller] of Object.entries(callers)) {
        const got = await outcome(caller, path);
        const rank = who === 'signed out' ? 0 : RANK[who as Role];
        const expected =
          need === 'public' ? 'ALLOWED' : who === 'signed out' ? 'UNAUTHORIZED' : rank < RANK[need] ? 'FORBIDDEN' : 'ALLOWED';
        const actual = got === 'UNAUTHORIZED' || got === 'FORBIDDEN' ? got : got.startsWith('THREW') ? got : 'ALLOWED';
        if (actual !== expected) problems.push(`${path} as ${who}: expected ${expected}, got ${got}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
