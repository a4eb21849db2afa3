import type { ReliabilityGrade, SourceKind } from '~/server/shared/enums';
import type {
  Assessment,
  ClaimEvidence,
  Direction,
  EvidenceAttribution,
  EvidenceLine,
  LinkedClaimEvidence,
  LinkedClaimLine,
  NotCounted,
  OriginLine,
  SourceRef,
} from './types';
import { explain, signed } from './explain';
import { LINK_FACTOR, TRUST, attributionWeight, recordCounts, sourceTrust, squash, suggestLevel } from './weights';

/** Below this, a linked claim's net support is rounding noise, not evidence. */
const EPSILON = 1e-9;

export type * from './types';

/**
 * The support assessment (DESIGN.md §3): a pure, deterministic function of a claim's evidence.
 * No database, no clock, no I/O; the result does not depend on the order of the input lists.
 *
 * 1. Each attribution that asserts or denies gets a weight from its speaker's grade and the
 *    evidence kind (see weights.ts), blended with the track record of the source whose grade is
 *    used once it has enough reviewed claims; "reports without endorsing" is listed as not counted.
 * 2. Attributions are grouped into independent lines by origin and direction; a line weighs what
 *    its strongest attribution weighs, so repeating an origin adds nothing.
 * 3. Each linked claim is one line weighing by its own net support (its own lines, never its
 *    links, so cycles cannot feed back), after setting aside origins this claim already counts.
 * 4. score = logistic(GAMMA * (sum for - sum against)); the level follows from the score.
 */
export function assessClaim(evidence: ClaimEvidence): Assessment {
  const notCounted: NotCounted[] = [];
  const own = originLines(evidence.attributions, notCounted);
  const linked = linkedClaimLines(own, evidence.linkedClaims ?? [], notCounted);
  const lines = [...own, ...linked].sort(byDirectionThenWeight);

  let forWeight = 0;
  let againstWeight = 0;
  for (const line of lines) {
    if (line.direction === 'for') forWeight += line.weight;
    else againstWeight -= line.weight;
  }
  const netWeight = forWeight - againstWeight;
  const score = squash(netWeight);
  const counts = {
    for: lines.filter((l) => l.direction === 'for').length,
    against: lines.filter((l) => l.direction === 'against').length,
  };
  const assertingOrigins = own.filter((l) => l.direction === 'for').length;
  const suggestedLevel = suggestLevel({ score, lines: lines.length, assertingOrigins, againstWeight });

  return {
    score,
    netWeight,
    suggestedLevel,
    lines,
    notCounted,
    counts,
    explanation: explain({ score, suggestedLevel, lines, notCounted, counts, assertingOrigins, againstWeight }),
  };
}

/** Kinds that pass on what a wire agency carried; for them the agency is the origin. */
const RELAYER_KINDS: ReadonlySet<SourceKind> = new Set<SourceKind>([
  'media_outlet',
  'wire_agency',
  'social_account',
  'anonymous_group',
]);

const ref = (s: SourceRef): SourceRef => ({ id: s.id, name: s.name, reliability: s.reliability });

/**
 * Where an attribution's information comes from. A named speaker (person, organization,
 * government body, NGO) speaks for the top of their affiliation chain, whoever relays them:
 * Rami Abdurrahman quoted directly or via agencies is SOHR either way. An outlet, account or
 * anonymous group repeating a wire agency's report is that agency: ten outlets, one line.
 */
export function originOf(a: EvidenceAttribution): SourceRef {
  if (a.via?.kind === 'wire_agency' && RELAYER_KINDS.has(a.source.kind)) return ref(a.via);
  return ref(a.source.affiliations.at(-1) ?? a.source);
}

/** The speaker's own grade, or else the nearest graded body they belong to; F when none is graded. */
export function effectiveGrade(a: EvidenceAttribution): { grade: ReliabilityGrade; from: SourceRef } {
  const graded = [a.source, ...a.source.affiliations].find((s) => s.reliability !== 'F');
  return graded ? { grade: graded.reliability, from: graded } : { grade: 'F', from: a.source };
}

interface Counted {
  a: EvidenceAttribution;
  origin: SourceRef;
  direction: Direction;
  grade: ReliabilityGrade;
  gradeFrom: SourceRef;
  weight: number;
}

function originLines(attributions: readonly EvidenceAttribution[], notCounted: NotCounted[] | null): OriginLine[] {
  const groups = new Map<string, Counted[]>();
  const seen = new Set<number>();
  for (const a of [...attributions].sort((x, y) => x.id - y.id)) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    if (a.stance === 'reports') {
      notCounted?.push({
        subject: { type: 'attribution', id: a.id },
        reason: `${a.source.name} reports it without endorsing it`,
      });
      continue;
    }
    const { grade, from } = effectiveGrade(a);
    const origin = originOf(a);
    const direction: Direction = a.stance === 'asserts' ? 'for' : 'against';
    const key = `origin:${origin.id}:${direction}`;
    const c: Counted = { a, origin, direction, grade, gradeFrom: from, weight: attributionWeight(grade, a.evidenceKind, from.record) };
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([key, members]) => {
    // Strongest first; ties go to the lowest id, so the choice never depends on input order.
    const [top, ...repeats] = [...members].sort((x, y) => y.weight - x.weight || x.a.id - y.a.id) as [Counted, ...Counted[]];
    const via = top.a.via && top.a.via.id !== top.origin.id ? ` via ${top.a.via.name}` : '';
    const record = top.gradeFrom.record;
    return {
      type: 'origin',
      key,
      direction: top.direction,
      weight: top.direction === 'for' ? top.weight : -top.weight,
      label: `${top.origin.name}${via}`,
      attributionIds: members.map((m) => m.a.id),
      reason: originReason(top, repeats.length),
      origin: top.origin,
      grade: top.grade,
      ...(recordCounts(record) && {
        trackRecord: {
          source: { id: top.gradeFrom.id, name: top.gradeFrom.name },
          confirmed: record.confirmed,
          refuted: record.refuted,
          reviewed: record.reviewed,
          gradeTrust: TRUST[top.grade],
          trust: sourceTrust(top.grade, record),
        },
      }),
      evidenceKind: top.a.evidenceKind,
      strongestId: top.a.id,
    } satisfies OriginLine;
  });
}

function originReason(top: Counted, repeats: number): string {
  const speaker = top.a.source;
  const who =
    speaker.id === top.origin.id
      ? speaker.name
      : top.a.via?.id === top.origin.id
        ? `${speaker.name} repeats ${top.origin.name}`
        : `${speaker.name} speaks for ${top.origin.name}`;
  const borrowed = top.gradeFrom.id !== speaker.id && top.gradeFrom.id !== top.origin.id ? ` (the grade of ${top.gradeFrom.name})` : '';
  const grade = top.grade === 'F' ? 'ungraded (F): neither trusted nor distrusted, it counts a little' : `graded ${top.grade}${borrowed}`;
  const more = repeats === 0 ? '' : `; repeated in ${repeats} more attribution${repeats === 1 ? '' : 's'}, counted once`;
  return `${who}, ${grade}${trackRecordNote(top)}${more}.`;
}

/** "; track record 4 of 5 confirmed, 1 refuted: trust 0.70 → 0.78", when the record weighs in. */
function trackRecordNote(top: Counted): string {
  const record = top.gradeFrom.record;
  if (!recordCounts(record)) return '';
  const whose = top.gradeFrom.id === top.a.source.id || top.gradeFrom.id === top.origin.id ? '' : ` of ${top.gradeFrom.name}`;
  const refuted = record.refuted ? `, ${record.refuted} refuted` : '';
  const from = TRUST[top.grade].toFixed(2);
  const to = sourceTrust(top.grade, record).toFixed(2);
  return `; track record${whose} ${record.confirmed} of ${record.reviewed} confirmed${refuted}: trust ${from} → ${to}`;
}

/**
 * One line per linked claim with positive net support of its own. A linked claim's asserting
 * line whose origin this claim already counts in the matching direction (the government denying
 * this claim and asserting the contradicting one) is set aside up to the weight already counted,
 * so one origin is not heard twice; what it says beyond that still counts.
 */
function linkedClaimLines(own: readonly OriginLine[], linked: readonly LinkedClaimEvidence[], notCounted: NotCounted[]): LinkedClaimLine[] {
  const budget = new Map(own.map((l) => [l.key, Math.abs(l.weight)]));
  const seen = new Set<string>();
  const lines: LinkedClaimLine[] = [];
  for (const claim of [...linked].sort((x, y) => x.claimId - y.claimId || x.kind.localeCompare(y.kind))) {
    const id = `claim:${claim.claimId}:${claim.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const factor = LINK_FACTOR[claim.kind];
    const matching: Direction = claim.kind === 'supports' ? 'for' : 'against';
    const claimLines = originLines(claim.attributions, null).sort(byDirectionThenWeight);
    const shared: string[] = [];
    let ownNet = 0;
    for (const l of claimLines) {
      if (l.direction === 'against') {
        ownNet += l.weight;
        continue;
      }
      const key = `origin:${l.origin.id}:${matching}`;
      const available = budget.get(key) ?? 0;
      if (available > 0) {
        shared.push(l.origin.name);
        budget.set(key, Math.max(0, available - factor * l.weight));
      }
      ownNet += available >= factor * l.weight ? 0 : l.weight - available / factor;
    }
    const subject = { type: 'linked_claim', id: claim.claimId } as const;
    const sharedNote = shared.length === 0 ? '' : `${shared.join(', ')} ${shared.length === 1 ? 'is' : 'are'} already counted on this claim`;
    if (claimLines.length === 0) {
      notCounted.push({ subject, reason: `“${claim.text}” has no counted evidence of its own` });
    } else if (ownNet <= EPSILON) {
      const why = !sharedNote
        ? `its own evidence nets ${signed(ownNet)}, so it is no evidence either way`
        : ownNet === 0
          ? `${sharedNote}, and nothing else supports it`
          : `${sharedNote}, and the rest nets ${signed(ownNet)}`;
      notCounted.push({ subject, reason: `“${claim.text}”: ${why}` });
    } else {
      const n = claimLines.length;
      const pass = claim.kind === 'supports' ? `passes on ×${factor} as supporting evidence` : 'counts in full against this claim';
      lines.push({
        type: 'linked_claim',
        key: `claim:${claim.claimId}:${claim.kind}`,
        direction: matching,
        weight: (matching === 'for' ? 1 : -1) * factor * ownNet,
        label: `“${claim.text}”`,
        attributionIds: claimLines.flatMap((l) => l.attributionIds),
        reason: `Its own evidence nets ${signed(ownNet)} over ${n} independent line${n === 1 ? '' : 's'}, which ${pass}${sharedNote ? `; ${sharedNote} and not counted again` : ''}.`,
        claim: { id: claim.claimId, text: claim.text },
        link: claim.kind,
        ownNet,
        factor,
      });
    }
  }
  return lines;
}

function byDirectionThenWeight(x: EvidenceLine, y: EvidenceLine): number {
  if (x.direction !== y.direction) return x.direction === 'for' ? -1 : 1;
  return Math.abs(y.weight) - Math.abs(x.weight) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}
