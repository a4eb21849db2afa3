import type { Kysely } from 'kysely';
import type { Database } from '~/db/schema';
import { auditChainPage } from './audit.queries';
import { chainHash, GENESIS_HASH } from './chain';

export type ChainState =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: number; problem: string };

/**
 * Walks the audit chain from the first event and reports the first event where it breaks:
 * a stored hash that does not match the event's content, or a link to the wrong predecessor.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainState> {
  let prev = GENESIS_HASH;
  let count = 0;
  let afterId = 0;
  for (;;) {
    const page = await auditChainPage(db, afterId, 1000);
    if (page.length === 0) return { ok: true, events: count, head: prev };
    for (const e of page) {
      if (e.prevHash !== prev)
        return { ok: false, events: count, brokenAt: e.id, problem: 'it does not point at the event before it (an event was removed or inserted)' };
      if (chainHash(prev, e) !== e.hash)
        return { ok: false, events: count, brokenAt: e.id, problem: 'its content no longer matches its hash (it was edited after it was written)' };
      prev = e.hash;
      count++;
    }
    afterId = page.at(-1)!.id;
  }
}
