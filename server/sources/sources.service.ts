import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '~/db/schema';
import type { ReliabilityGrade } from '../shared/enums';
import { MIN_REVIEWED, TRUST, sourceTrust } from '../assessment/weights';
import { historyOf, recordAudit } from '../audit/audit.service';
import { duplicate, inUse, invalid } from '../errors';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { nowIso } from '../shared/time';
import { checkVersion, found } from '../shared/versioned';
import * as q from './sources.queries';
import type { createSourceInput, gradeSourceInput, listSourcesInput, updateSourceInput } from './sources.schema';

type Actor = string | null;
type SourceInput = z.output<typeof createSourceInput>;

/** Aliases: trimmed, without the name itself, without case-insensitive repeats. */
function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const a of aliases.map((x) => x.trim()).filter(Boolean)) {
    if (seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    out.push(a);
  }
  // The order the database reads them back in (binary collation), so reordering is no change.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function checkAffiliation(trx: Kysely<Database>, selfId: number | null, affiliationId: number | null, field = 'affiliationId') {
  if (affiliationId == null) return;
  found('source', affiliationId, await q.getSourceRow(trx, affiliationId), field);
  if (selfId == null) return;
  if (affiliationId === selfId) throw invalid('affiliationId', 'A source cannot be affiliated with itself.');
  const chain = await q.affiliationChain(trx, affiliationId);
  if (chain.some((s) => s.id === selfId))
    throw invalid('affiliationId', 'That affiliation would make a loop: the chosen source already belongs to this one.');
}

function rowFields(input: SourceInput) {
  return {
    name: input.name,
    kind: input.kind,
    description: input.description,
    affiliationId: input.affiliationId,
    affiliationRole: input.affiliationRole,
    homepage: input.homepage,
  };
}

/**
 * Creates a source inside the caller's transaction (also used when an attribution creates one
 * inline); `prefix` names the field path in a larger form. A new source is always ungraded (the
 * column's default, 'F'): grading is an editor's act, `gradeSource`.
 */
export async function createSourceIn(trx: Kysely<Database>, actor: Actor, input: SourceInput, prefix = '') {
  if (await q.findSourceByName(trx, input.name))
    throw duplicate(`${prefix}name`, `A source named “${input.name}” exists already: pick it instead of creating a new one.`);
  await checkAffiliation(trx, null, input.affiliationId, `${prefix}affiliationId`);
  const at = nowIso();
  const row = await q.insertSource(trx, { ...rowFields(input), createdAt: at, updatedAt: at });
  const aliases = cleanAliases(input.name, input.aliases);
  await q.replaceAliases(trx, row.id, aliases);
  await recordAudit(trx, actor, 'create', 'source', row.id, null, { ...row, aliases });
  return { ...row, aliases };
}

export function createSource(db: Kysely<Database>, actor: Actor, input: SourceInput) {
  return db.transaction().execute((trx) => createSourceIn(trx, actor, input));
}

export function updateSource(db: Kysely<Database>, actor: Actor, input: z.output<typeof updateSourceInput>) {
  return db.transaction().execute(async (trx) => {
    const row = checkVersion('source', input.id, await q.getSourceRow(trx, input.id), input.version);
    const before = { ...row, aliases: (await q.aliasesOf(trx, [input.id])).map((a) => a.alias) };
    const same = await q.findSourceByName(trx, input.name);
    if (same && same.id !== input.id) throw duplicate('name', `Another source is named “${input.name}”.`);
    await checkAffiliation(trx, input.id, input.affiliationId);
    const updated = await q.updateSource(trx, input.id, input.version, { ...rowFields(input), updatedAt: nowIso() });
    const aliases = cleanAliases(input.name, input.aliases);
    await q.replaceAliases(trx, input.id, aliases);
    const after = { ...updated, aliases };
    await recordAudit(trx, actor, 'update', 'source', input.id, before, after);
    return after;
  });
}

/**
 * An editor grades a source (A–F with a rationale). The grade and its rationale change only
 * here, with their own audit event, so the source's history shows who graded it, from what to
 * what, and why. Regrading with the same grade and rationale changes nothing and records nothing.
 */
export function gradeSource(db: Kysely<Database>, actor: Actor, input: z.output<typeof gradeSourceInput>) {
  return db.transaction().execute(async (trx) => {
    const row = checkVersion('source', input.id, await q.getSourceRow(trx, input.id), input.version);
    const aliases = (await q.aliasesOf(trx, [input.id])).map((a) => a.alias);
    if (row.reliability === input.reliability && row.reliabilityNote === input.reliabilityNote) return { ...row, aliases };
    const updated = await q.updateSource(trx, input.id, input.version, {
      reliability: input.reliability,
      reliabilityNote: input.reliabilityNote,
      updatedAt: nowIso(),
    });
    const after = { ...updated, aliases };
    await recordAudit(trx, actor, 'update', 'source', input.id, { ...row, aliases }, after);
    return after;
  });
}

export function deleteSource(db: Kysely<Database>, actor: Actor, input: { id: number; version: number }) {
  return db.transaction().execute(async (trx) => {
    const row = checkVersion('source', input.id, await q.getSourceRow(trx, input.id), input.version);
    const d = await q.dependentsOf(trx, input.id);
    const reasons = [
      d.attributions && `${d.attributions} attribution${d.attributions === 1 ? '' : 's'} name it as the source`,
      d.relayed && `${d.relayed} attribution${d.relayed === 1 ? ' was' : 's were'} relayed via it`,
      d.documents && `it is the publisher of ${d.documents} document${d.documents === 1 ? '' : 's'}`,
      d.members && `${d.members} source${d.members === 1 ? ' is' : 's are'} affiliated with it`,
    ].filter((x): x is string => Boolean(x));
    if (reasons.length) throw inUse(`“${row.name}”`, reasons);
    const aliases = (await q.aliasesOf(trx, [input.id])).map((a) => a.alias);
    await q.deleteSource(trx, input.id);
    await recordAudit(trx, actor, 'delete', 'source', input.id, { ...row, aliases }, null);
    return { id: input.id };
  });
}

export async function getSource(db: Kysely<Database>, id: number) {
  const row = found('source', id, await q.getSourceRow(db, id));
  const [aliases, chain, members, claims, documents, verdicts] = await Promise.all([
    q.aliasesOf(db, [id]),
    q.affiliationChain(db, id),
    q.membersOf(db, id),
    q.claimsOfSource(db, id, 200),
    q.documentsPublishedBy(db, id, 100),
    q.verdictsOfSourceClaims(db, [id]),
  ]);
  const record = trackRecord(verdicts);
  return {
    ...row,
    aliases: aliases.map((a) => a.alias),
    affiliationChain: chain,
    members,
    claims,
    documents,
    trackRecord: record,
    trackRecordUse: trackRecordUse(row.reliability, chain, assessedRecord(record)),
  };
}

/**
 * Whether the record weighs in assessments: from MIN_REVIEWED reviewed claims, when this
 * source's own grade is the one used (an ungraded source speaks with the grade of the nearest
 * graded body it belongs to, and with that body's record). `trust` is over all its reviewed
 * claims; assessing one of them leaves that claim's own verdict out.
 */
function trackRecordUse(
  reliability: ReliabilityGrade,
  chain: readonly { id: number; name: string; reliability: ReliabilityGrade }[],
  record: { confirmed: number; refuted: number; reviewed: number },
) {
  const gradedAbove = reliability === 'F' ? (chain.find((s) => s.reliability !== 'F') ?? null) : null;
  return {
    minReviewed: MIN_REVIEWED,
    reviewed: record.reviewed,
    used: gradedAbove == null && record.reviewed >= MIN_REVIEWED,
    gradeTrust: TRUST[reliability],
    trust: sourceTrust(reliability, record),
    gradeFrom: gradedAbove && { id: gradedAbove.id, name: gradedAbove.name },
  };
}

/** The counts the assessment blends with the grade: asserted and denied claims together. */
export function assessedRecord(t: ReturnType<typeof trackRecord>) {
  const confirmed = t.asserted.confirmed + t.denied.confirmed;
  const refuted = t.asserted.refuted + t.denied.refuted;
  return { confirmed, refuted, reviewed: confirmed + refuted + t.asserted.undecided + t.denied.undecided };
}

export async function listSources(db: Kysely<Database>, input: z.output<typeof listSourcesInput>) {
  const after = decodeCursor(input.cursor);
  const rows = await q.listSources(db, {
    q: input.q,
    kind: input.kind,
    reliability: input.reliability,
    sort: input.sort,
    after,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(({ sortKey: _s, ...r }) => ({ ...r, attributionCount: Number(r.attributionCount ?? 0) }));
  // The keyset of the last row shown; a count sorts as a number, a name or a time as text.
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ k: last.sortKey, id: last.id }) : null };
}

export const suggestSources = (db: Kysely<Database>, input: { q: string; limit: number }) =>
  input.q ? q.suggestSources(db, input.q, input.limit) : Promise.resolve([]);

export async function sourceHistory(db: Kysely<Database>, id: number) {
  found('source', id, await q.getSourceRow(db, id));
  return historyOf(db, { entity: 'source', id });
}

export interface TrackTally {
  /** Editors' verdicts bore the source out: 1–2 for a claim it asserted, 4–5 for one it denied. */
  confirmed: number;
  /** Verdicts went against it: 4–5 for a claim it asserted, 1–2 for one it denied. */
  refuted: number;
  /** Reviewed, but neither way: possibly true (3) or cannot be judged (6). */
  undecided: number;
  notReviewed: number;
}

/**
 * A source's track record: what editors' verdicts made of the claims it asserted or denied in
 * its own name (not those it only relayed or reported, nor those of its members).
 */
export function trackRecord(rows: { stance: string; verdict: number | null; n: number | string }[]) {
  const tally = (): TrackTally => ({ confirmed: 0, refuted: 0, undecided: 0, notReviewed: 0 });
  const out = { asserted: tally(), denied: tally() };
  for (const r of rows) {
    const t = r.stance === 'asserts' ? out.asserted : out.denied;
    const n = Number(r.n);
    const v = r.verdict;
    if (v == null) t.notReviewed += n;
    else if (v === 3 || v === 6) t.undecided += n;
    else if ((v <= 2) === (r.stance === 'asserts')) t.confirmed += n;
    else t.refuted += n;
  }
  return out;
}
