import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Attribution, Claim, ClaimLink, Database } from '~/db/schema';
import { attributionSubjects } from '../attributions/attributions.subjects';
import { recordAudit, type Subject } from '../audit/audit.service';
import { getClaimRow, refreshAttributionCount, updateClaim } from '../claims/claims.queries';
import { DomainError, invalid, notFound } from '../errors';
import * as links from '../links/links.queries';
import { canonicalClaimId } from '../links/links.service';
import { nowIso } from '../shared/time';
import { deleteStoryClaim, getStoryClaim } from '../stories/stories.queries';
import * as q from './merge.queries';
import type { mergeInput, unmergeInput } from './merge.schema';

type Actor = string | null;
type StoryClaimRow = { storyId: number; claimId: number; addedAt: string };

/**
 * Everything a merge changed, as it was before and after, kept in the merge row (JSON) so that
 * `unmerge` can put every row back exactly — ids, versions and timestamps included.
 */
export interface MergeRecord {
  duplicate: { before: Claim; after: Claim };
  /** Attributions now on the canonical claim (same ids). */
  movedAttributions: { before: Attribution; after: Attribution }[];
  /** Attributions identical (source, stance, quote, document) to one already on the canonical claim: removed, full rows kept. */
  removedAttributions: (Attribution & { sameAs: number })[];
  /** Links re-pointed from the duplicate to the canonical claim (same ids). */
  movedLinks: { before: ClaimLink; after: ClaimLink }[];
  /** Links that would have become a self-link, or that the canonical claim already has: removed, full rows kept. */
  removedLinks: (ClaimLink & { why: 'self' | 'exists'; sameAs: number | null })[];
  /** The duplicate's story memberships now held by the canonical claim (the duplicate's rows as they were). */
  movedMemberships: StoryClaimRow[];
  /** Memberships of stories the canonical claim was already in: removed, rows kept. */
  removedMemberships: StoryClaimRow[];
  /** The duplicate-of link the merge created (null when the duplicate was already marked a duplicate of the canonical claim). */
  createdLinkId: number | null;
  /** The duplicate-of link from the duplicate to the canonical claim, after the merge. */
  duplicateLinkId: number;
}

const claimSubjects = (...ids: number[]): Subject[] => ids.map((id) => ({ entity: 'claim', id }));
const linkSubjects = (...ls: ClaimLink[]): Subject[] => ls.flatMap((l) => claimSubjects(l.fromClaimId, l.toClaimId));
const sameEvidence = (a: Attribution) => JSON.stringify([a.sourceId, a.stance, a.quote, a.documentId]);
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function readAt(field: string, row: Claim | undefined, id: number, version: number): Claim {
  if (!row) throw notFound('claim', id, field.replace('Version', 'Id'));
  if (row.version !== version)
    throw new DomainError(
      'stale',
      `Claim #${id} was changed by someone else after you opened it (${field} ${version}, now ${row.version}). Reload, check it, then merge again.`,
      field,
      { current: row },
    );
  return row;
}

/** A short, readable account of a merge, shown in the history. */
export function mergeSummary(duplicateId: number, canonicalId: number, r: MergeRecord) {
  const moved = [
    count(r.movedAttributions.length, 'attribution'),
    count(r.movedLinks.length, 'link'),
    count(r.movedMemberships.length, 'story', 'stories'),
  ].join(', ');
  const dropped = [
    r.removedAttributions.length && count(r.removedAttributions.length, 'attribution'),
    r.removedLinks.length && count(r.removedLinks.length, 'link'),
    r.removedMemberships.length && count(r.removedMemberships.length, 'story membership'),
  ].filter(Boolean);
  return `Claim #${duplicateId} merged into claim #${canonicalId}: ${moved} moved${dropped.length ? `; dropped as already there or self-links: ${dropped.join(', ')}` : ''}`;
}

function auditRow(m: { id: number; duplicateId: number; canonicalId: number; mergedBy: string | null; mergedAt: string; undoneBy: string | null; undoneAt: string | null; version: number; moved: string }) {
  const record = JSON.parse(m.moved) as MergeRecord;
  // `title` is the label the history shows; the full record travels with the event.
  return { ...m, title: mergeSummary(m.duplicateId, m.canonicalId, record), moved: record };
}

/**
 * Merges a duplicate claim into its canonical claim, in one transaction. Attributions, links and
 * story memberships move over; identical attributions, self-links and links the canonical claim
 * already has are removed (and kept in the merge record); the duplicate keeps a duplicate-of link
 * and is archived. Reviews stay where they were: the canonical claim keeps its verdict, the
 * duplicate keeps its reviews (they were about its own wording) and its verdict.
 */
export function mergeClaims(db: Kysely<Database>, actor: Actor, input: z.output<typeof mergeInput>) {
  return db.transaction().execute(async (trx) => {
    const { duplicateId, canonicalId } = input;
    if (duplicateId === canonicalId) throw invalid('canonicalId', 'A claim cannot be merged into itself: pick another claim.');
    const dupBefore = readAt('duplicateVersion', await getClaimRow(trx, duplicateId), duplicateId, input.duplicateVersion);
    readAt('canonicalVersion', await getClaimRow(trx, canonicalId), canonicalId, input.canonicalVersion);

    const canonicalOf = await links.duplicateTarget(trx, canonicalId);
    if (canonicalOf) {
      const root = await canonicalClaimId(trx, canonicalId);
      throw invalid(
        'canonicalId',
        root === duplicateId
          ? `Claim #${canonicalId} is a duplicate of this claim: merge it into this one instead.`
          : `Claim #${canonicalId} is itself a duplicate of claim #${root}: merge into claim #${root} instead.`,
      );
    }
    const marked = await links.duplicateTarget(trx, duplicateId);
    if (marked && marked.toClaimId !== canonicalId)
      throw invalid(
        'canonicalId',
        `Claim #${duplicateId} is already marked as a duplicate of claim #${marked.toClaimId}: merge it into that claim, or remove that link first.`,
      );

    const at = nowIso();
    const r: Omit<MergeRecord, 'duplicate' | 'duplicateLinkId' | 'createdLinkId'> = {
      movedAttributions: [],
      removedAttributions: [],
      movedLinks: [],
      removedLinks: [],
      movedMemberships: [],
      removedMemberships: [],
    };

    // Attributions.
    const onCanonical = new Map((await q.attributionRows(trx, canonicalId)).map((a) => [sameEvidence(a), a.id]));
    for (const a of await q.attributionRows(trx, duplicateId)) {
      const same = onCanonical.get(sameEvidence(a));
      if (same !== undefined) {
        await trx.deleteFrom('attribution').where('id', '=', a.id).execute();
        await recordAudit(trx, actor, 'delete', 'attribution', a.id, a, null, [...attributionSubjects(a), ...claimSubjects(canonicalId)]);
        r.removedAttributions.push({ ...a, sameAs: same });
      } else {
        const after = await q.moveAttribution(trx, a.id, a.version, canonicalId, at);
        await recordAudit(trx, actor, 'update', 'attribution', a.id, a, after, [...attributionSubjects(a), ...attributionSubjects(after)]);
        r.movedAttributions.push({ before: a, after });
      }
    }

    // Claim links.
    let keptLink: ClaimLink | null = null;
    for (const l of await q.linkRowsOf(trx, duplicateId)) {
      if (l.kind === 'duplicate_of' && l.fromClaimId === duplicateId) {
        keptLink = l; // already points at the canonical claim (checked above)
        continue;
      }
      let from = l.fromClaimId === duplicateId ? canonicalId : l.fromClaimId;
      let to = l.toClaimId === duplicateId ? canonicalId : l.toClaimId;
      if (l.kind === 'contradicts' && from > to) [from, to] = [to, from];
      const existing =
        from === to
          ? null
          : (await links.linksBetween(trx, from, to)).find(
              (x) => x.id !== l.id && x.kind === l.kind && (l.kind === 'contradicts' || (x.fromClaimId === from && x.toClaimId === to)),
            );
      if (from === to || existing) {
        await links.deleteLink(trx, l.id);
        await recordAudit(trx, actor, 'delete', 'claim_link', l.id, l, null, linkSubjects(l));
        r.removedLinks.push({ ...l, why: from === to ? 'self' : 'exists', sameAs: existing?.id ?? null });
      } else {
        const after = await q.moveLink(trx, l.id, l.version, from, to, at);
        await recordAudit(trx, actor, 'update', 'claim_link', l.id, l, after, linkSubjects(l, after));
        r.movedLinks.push({ before: l, after });
      }
    }

    // Story memberships.
    for (const m of await q.storyClaimsOf(trx, duplicateId)) {
      await deleteStoryClaim(trx, m.storyId, duplicateId);
      await recordAudit(trx, actor, 'delete', 'story_claim', duplicateId, m, null, [...claimSubjects(duplicateId), { entity: 'story', id: m.storyId }]);
      if (await getStoryClaim(trx, m.storyId, canonicalId)) {
        r.removedMemberships.push(m);
      } else {
        const row = await q.insertStoryClaimRow(trx, { storyId: m.storyId, claimId: canonicalId, addedAt: m.addedAt });
        await recordAudit(trx, actor, 'create', 'story_claim', canonicalId, null, row, [...claimSubjects(canonicalId), { entity: 'story', id: m.storyId }]);
        r.movedMemberships.push(m);
      }
    }

    // The duplicate keeps a duplicate-of link to the canonical claim and is archived.
    let createdLinkId: number | null = null;
    if (!keptLink) {
      keptLink = await links.insertLink(trx, { fromClaimId: duplicateId, toClaimId: canonicalId, kind: 'duplicate_of', note: 'Merged', createdAt: at, updatedAt: at });
      await recordAudit(trx, actor, 'create', 'claim_link', keptLink.id, null, keptLink, linkSubjects(keptLink));
      createdLinkId = keptLink.id;
    }
    await refreshAttributionCount(trx, canonicalId);
    await refreshAttributionCount(trx, duplicateId);
    const dupCounted = (await getClaimRow(trx, duplicateId))!;
    const dupAfter = await updateClaim(trx, duplicateId, dupCounted.version, { status: 'archived', updatedAt: at });
    await recordAudit(trx, actor, 'update', 'claim', duplicateId, dupCounted, dupAfter, claimSubjects(canonicalId));

    const record: MergeRecord = { duplicate: { before: dupBefore, after: dupAfter }, ...r, createdLinkId, duplicateLinkId: keptLink.id };
    const merge = await q.insertMerge(trx, { duplicateId, canonicalId, mergedBy: actor, mergedAt: at, moved: JSON.stringify(record) });
    await recordAudit(trx, actor, 'create', 'merge', merge.id, null, auditRow(merge), claimSubjects(duplicateId, canonicalId));
    return {
      mergeId: merge.id,
      duplicateId,
      canonicalId,
      summary: mergeSummary(duplicateId, canonicalId, record),
      moved: { attributions: r.movedAttributions.length, links: r.movedLinks.length, stories: r.movedMemberships.length },
      removed: { attributions: r.removedAttributions.length, links: r.removedLinks.length, stories: r.removedMemberships.length },
    };
  });
}

/** Why the rows a merge wrote can no longer be put back exactly (empty: they can). */
async function undoObstacles(trx: Kysely<Database>, m: { duplicateId: number; canonicalId: number }, r: MergeRecord): Promise<string[]> {
  const out: string[] = [];
  const dup = await getClaimRow(trx, m.duplicateId);
  if (!dup) out.push(`claim #${m.duplicateId} was deleted`);
  else if (dup.version !== r.duplicate.after.version) out.push(`claim #${m.duplicateId} was edited or reviewed`);
  for (const { after } of r.movedAttributions) {
    const cur = await q.getAttributionRow(trx, after.id);
    if (!cur) out.push(`attribution #${after.id} was deleted`);
    else if (cur.version !== after.version) out.push(`attribution #${after.id} was edited`);
  }
  for (const a of r.removedAttributions) {
    if (!(await q.sourceExists(trx, a.sourceId))) out.push(`source #${a.sourceId} of removed attribution #${a.id} was deleted`);
    if (a.viaSourceId && !(await q.sourceExists(trx, a.viaSourceId))) out.push(`source #${a.viaSourceId} of removed attribution #${a.id} was deleted`);
    if (a.documentId && !(await q.documentExists(trx, a.documentId))) out.push(`document #${a.documentId} of removed attribution #${a.id} was deleted`);
  }
  for (const { before, after } of r.movedLinks) {
    const cur = await links.getLinkRow(trx, after.id);
    if (!cur) out.push(`claim link #${after.id} was deleted`);
    else if (cur.version !== after.version) out.push(`claim link #${after.id} was edited`);
    const clash = await links.findLink(trx, before.fromClaimId, before.toClaimId, before.kind);
    if (clash && clash.id !== before.id) out.push(`claim link #${clash.id} now links claims #${before.fromClaimId} and #${before.toClaimId} the same way`);
  }
  for (const l of r.removedLinks) {
    for (const c of [l.fromClaimId, l.toClaimId]) if (!(await q.claimExists(trx, c))) out.push(`claim #${c} of removed link #${l.id} was deleted`);
    const clash = await links.findLink(trx, l.fromClaimId, l.toClaimId, l.kind);
    if (clash) out.push(`claim link #${clash.id} now links claims #${l.fromClaimId} and #${l.toClaimId} the same way`);
  }
  if (r.createdLinkId) {
    const cur = await links.getLinkRow(trx, r.createdLinkId);
    if (!cur) out.push(`the duplicate-of link #${r.createdLinkId} was deleted`);
    else if (cur.version !== 1 || cur.toClaimId !== m.canonicalId) out.push(`the duplicate-of link #${r.createdLinkId} was changed (claim #${m.canonicalId} may have been merged in turn)`);
  }
  for (const s of r.movedMemberships) {
    if (!(await getStoryClaim(trx, s.storyId, m.canonicalId))) out.push(`claim #${m.canonicalId} was removed from story #${s.storyId}`);
    if (await getStoryClaim(trx, s.storyId, m.duplicateId)) out.push(`claim #${m.duplicateId} was added to story #${s.storyId} again`);
  }
  for (const s of r.removedMemberships) {
    if (!(await q.storyExists(trx, s.storyId))) out.push(`story #${s.storyId} was deleted`);
    else if (await getStoryClaim(trx, s.storyId, m.duplicateId)) out.push(`claim #${m.duplicateId} was added to story #${s.storyId} again`);
  }
  return [...new Set(out)];
}

/**
 * Undoes a merge exactly, in one transaction: every row the merge changed goes back as it was
 * (ids, versions, timestamps), every row it removed comes back, and each step is recorded.
 * Refused (CONFLICT) when any of those rows changed since, naming what changed.
 */
export function unmergeClaims(db: Kysely<Database>, actor: Actor, input: z.output<typeof unmergeInput>) {
  return db.transaction().execute(async (trx) => {
    const m = await q.getMerge(trx, input.mergeId);
    if (!m) throw notFound('merge', input.mergeId, 'mergeId');
    if (m.undoneAt) throw new DomainError('stale', `This merge was undone already (${m.undoneAt.slice(0, 16).replace('T', ' ')} UTC).`, 'mergeId');
    const r = JSON.parse(m.moved) as MergeRecord;
    const obstacles = await undoObstacles(trx, m, r);
    if (obstacles.length)
      throw new DomainError(
        'stale',
        `This merge cannot be undone exactly, because since then ${obstacles.join('; ')}. Make those changes by hand instead.`,
        'mergeId',
        { obstacles },
      );
    const at = nowIso();

    // In the reverse order of the merge.
    const dupNow = (await getClaimRow(trx, m.duplicateId))!;
    const dupRestored = await q.restoreClaim(trx, r.duplicate.before, dupNow.version);
    await recordAudit(trx, actor, 'update', 'claim', m.duplicateId, dupNow, dupRestored, claimSubjects(m.canonicalId));
    if (r.createdLinkId) {
      const l = (await links.getLinkRow(trx, r.createdLinkId))!;
      await links.deleteLink(trx, l.id);
      await recordAudit(trx, actor, 'delete', 'claim_link', l.id, l, null, linkSubjects(l));
    }
    for (const s of [...r.movedMemberships, ...r.removedMemberships]) {
      const moved = r.movedMemberships.includes(s);
      if (moved) {
        const held = (await getStoryClaim(trx, s.storyId, m.canonicalId))!;
        await deleteStoryClaim(trx, s.storyId, m.canonicalId);
        await recordAudit(trx, actor, 'delete', 'story_claim', m.canonicalId, held, null, [...claimSubjects(m.canonicalId), { entity: 'story', id: s.storyId }]);
      }
      const row = await q.insertStoryClaimRow(trx, s);
      await recordAudit(trx, actor, 'create', 'story_claim', m.duplicateId, null, row, [...claimSubjects(m.duplicateId), { entity: 'story', id: s.storyId }]);
    }
    for (const { before, after } of [...r.movedLinks].reverse()) {
      const restored = await q.restoreLink(trx, before, after.version);
      await recordAudit(trx, actor, 'update', 'claim_link', before.id, after, restored, linkSubjects(after, restored));
    }
    for (const { why: _w, sameAs: _s, ...l } of r.removedLinks) {
      const row = await q.reinsertLink(trx, l);
      await recordAudit(trx, actor, 'create', 'claim_link', row.id, null, row, linkSubjects(row));
    }
    for (const { before, after } of r.movedAttributions) {
      const restored = await q.restoreAttribution(trx, before, after.version);
      await recordAudit(trx, actor, 'update', 'attribution', before.id, after, restored, [...attributionSubjects(after), ...attributionSubjects(restored)]);
    }
    for (const { sameAs: _s, ...a } of r.removedAttributions) {
      const row = await q.reinsertAttribution(trx, a);
      await recordAudit(trx, actor, 'create', 'attribution', row.id, null, row, [...attributionSubjects(row), ...claimSubjects(m.canonicalId)]);
    }
    await refreshAttributionCount(trx, m.canonicalId);
    await refreshAttributionCount(trx, m.duplicateId);

    const undone = await q.markUndone(trx, m.id, m.version, actor, at);
    await recordAudit(trx, actor, 'update', 'merge', m.id, auditRow(m), auditRow(undone), claimSubjects(m.duplicateId, m.canonicalId));
    return { mergeId: m.id, duplicateId: m.duplicateId, canonicalId: m.canonicalId };
  });
}
