import type { Subject } from '../audit/audit.service';

/** The records an attribution belongs to, for their histories. */
export function attributionSubjects(a: { claimId: number; sourceId: number; viaSourceId: number | null; documentId: number | null }): Subject[] {
  const out: Subject[] = [
    { entity: 'claim', id: a.claimId },
    { entity: 'source', id: a.sourceId },
  ];
  if (a.viaSourceId) out.push({ entity: 'source', id: a.viaSourceId });
  if (a.documentId) out.push({ entity: 'document', id: a.documentId });
  return out;
}
