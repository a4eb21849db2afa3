import { createHash } from 'node:crypto';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface Chained {
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: number;
  before: string | null;
  after: string | null;
}

/** An event's hash over (previous hash, time, actor, action, entity, id, before, after). */
export function chainHash(prevHash: string, e: Chained): string {
  const payload = JSON.stringify([prevHash, e.at, e.actorId, e.action, e.entity, e.entityId, e.before, e.after]);
  return createHash('sha256').update(payload).digest('hex');
}
