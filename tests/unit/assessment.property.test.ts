import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessClaim,
  type Assessment,
  type ClaimEvidence,
  type EvidenceAttribution,
  type LinkedClaimEvidence,
  type SourceRef,
  type SpeakerSource,
} from '~/server/assessment/assessment';
import { signed } from '~/server/assessment/explain';
import type { TrackRecord } from '~/server/assessment/types';
import {
  GRADE_ORDER,
  LEVEL_THRESHOLDS,
  MIN_REVIEWED,
  RECORD_MAX_TRUST,
  RECORD_MIN_TRUST,
  STRONG_COUNTER,
  TRUST,
  attributionWeight,
  blendedTrust,
  suggestLevel,
} from '~/server/assessment/weights';
import {
  EVIDENCE_KINDS,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  STANCES,
  type EvidenceKind,
  type ReliabilityGrade,
  type SourceKind,
  type Stance,
} from '~/server/shared/enums';

/*
 * Property tests of DESIGN.md §3. Evidence is drawn from a small, consistent universe of sources
 * (a speaker always has the same grade, kind and affiliation chain), so origins are shared often.
 * Comparisons of scores allow 1e-9 for floating-point rounding; everything else is exact.
 */

const EPS = 1e-9;

// FC_RUNS=5000 for a deeper search; the default keeps the unit suite fast.
fc.configureGlobal({ numRuns: Number(process.env.FC_RUNS ?? 200) });

const grade = fc.constantFrom(...RELIABILITY_GRADES);
const stance = fc.constantFrom(...STANCES);
const evidenceKind = fc.constantFrom(...EVIDENCE_KINDS);
const sourceKind = fc.constantFrom(...SOURCE_KINDS);

interface Universe {
  speakers: SpeakerSource[];
  wires: (SourceRef & { kind: 'wire_agency' })[];
}

const universeArb: fc.Arbitrary<Universe> = fc
  .record({
    orgs: fc.array(grade, { minLength: 1, maxLength: 4 }),
    speakers: fc.array(fc.record({ grade, kind: sourceKind, chain: fc.uniqueArray(fc.nat(3), { maxLength: 2 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
    wires: fc.array(grade, { minLength: 1, maxLength: 2 }),
  })
  .map(({ orgs, speakers, wires }) => {
    const orgRefs = orgs.map((g, i): SourceRef => ({ id: 500 + i, name: `Org ${i}`, reliability: g }));
    return {
      speakers: speakers.map((s, i) => ({
        id: 100 + i,
        name: `Speaker ${i}`,
        reliability: s.grade,
        kind: s.kind,
        affiliations: s.chain.flatMap((c) => orgRefs[c % orgRefs.length] ?? []),
      })),
      wires: wires.map((g, i) => ({ id: 900 + i, name: `Wire ${i}`, reliability: g, kind: 'wire_agency' as const })),
    };
  });

interface AttrSpec {
  speaker: number;
  stance: Stance;
  kind: EvidenceKind;
  via: { wire: boolean; index: number } | null;
}

const attrSpec: fc.Arbitrary<AttrSpec> = fc.record({
  speaker: fc.nat(),
  stance,
  kind: evidenceKind,
  via: fc.option(fc.record({ wire: fc.boolean(), index: fc.nat() }), { nil: null }),
});

function pick<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function build(u: Universe, spec: AttrSpec, id: number): EvidenceAttribution {
  const source = pick(u.speakers, spec.speaker);
  const via = spec.via === null ? null : spec.via.wire ? pick(u.wires, spec.via.index) : pick(u.speakers, spec.via.index);
  return {
    id,
    stance: spec.stance,
    evidenceKind: spec.kind,
    source,
    via: via && { id: via.id, name: via.name, reliability: via.reliability, kind: via.kind },
  };
}

interface World {
  u: Universe;
  evidence: ClaimEvidence;
}

const linkedSpec = fc.record({
  kind: fc.constantFrom('contradicts' as const, 'supports' as const),
  attrs: fc.array(attrSpec, { maxLength: 4 }),
});

const worldArb: fc.Arbitrary<World> = fc
  .record({ u: universeArb, own: fc.array(attrSpec, { maxLength: 8 }), linked: fc.array(linkedSpec, { maxLength: 3 }) })
  .map(({ u, own, linked }) => ({
    u,
    evidence: {
      attributions: own.map((s, i) => build(u, s, i + 1)),
      linkedClaims: linked.map((l, j) => ({
        claimId: 50 + j,
        text: `Linked claim ${j}`,
        kind: l.kind,
        attributions: l.attrs.map((s, k) => build(u, s, 1000 * (j + 1) + k)),
      })),
    },
  }));

/** A source no other attribution shares: its own origin. */
let freshId = 7000;
const freshSourceArb = fc.record({ grade, kind: sourceKind }).map(
  ({ grade: g, kind }): SpeakerSource => ({ id: ++freshId, name: `Fresh ${freshId}`, reliability: g, kind, affiliations: [] }),
);

function freshAttribution(source: SpeakerSource, s: Stance, kind: EvidenceKind): EvidenceAttribution {
  return { id: ++freshId, stance: s, evidenceKind: kind, source, via: null };
}

/** An attribution from the universe (often sharing an origin with existing evidence). */
const anyAttributionArb = (u: Universe, s: Stance) =>
  attrSpec.map((spec) => build(u, { ...spec, stance: s }, ++freshId));

const withOwn = (e: ClaimEvidence, ...more: EvidenceAttribution[]): ClaimEvidence => ({
  ...e,
  attributions: [...e.attributions, ...more],
});

const withLinked = (e: ClaimEvidence, ...more: LinkedClaimEvidence[]): ClaimEvidence => ({
  ...e,
  linkedClaims: [...(e.linkedClaims ?? []), ...more],
});

function allAttributions(e: ClaimEvidence): EvidenceAttribution[] {
  return [...e.attributions, ...(e.linkedClaims ?? []).flatMap((l) => l.attributions)];
}

/** Level ordering for "never worse": 1 is best, 5 worst; 6 (no evidence) is off the scale. */
function notWorse(after: Assessment, before: Assessment) {
  if (before.suggestedLevel !== 6) expect(after.suggestedLevel).toBeLessThanOrEqual(before.suggestedLevel);
}

describe('1. independence', () => {
  it('repeating attributions of an existing origin, any number of times, never changes the assessment', () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 3 }), ({ evidence }, picks) => {
        const before = assessClaim(evidence);
        const own = evidence.attributions;
        fc.pre(own.length > 0);
        const repeats = picks.flatMap(([i, times]) =>
          Array.from({ length: times }, () => ({ ...pick(own, i), id: ++freshId })),
        );
        const after = assessClaim(withOwn(evidence, ...repeats));
        expect(after.score).toBe(before.score);
        expect(after.suggestedLevel).toBe(before.suggestedLevel);
        expect(after.lines.map((l) => [l.key, l.weight])).toEqual(before.lines.map((l) => [l.key, l.weight]));
      }),
    );
  });

  it('repeating a linked claim or its attributions never changes the score', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), fc.integer({ min: 1, max: 5 }), ({ evidence }, i, times) => {
        const linked = evidence.linkedClaims ?? [];
        fc.pre(linked.length > 0);
        const before = assessClaim(evidence);
        const target = pick(linked, i);
        const repeated: LinkedClaimEvidence = {
          ...target,
          attributions: [
            ...target.attributions,
            ...target.attributions.flatMap((a) => Array.from({ length: times }, () => ({ ...a, id: ++freshId }))),
          ],
        };
        expect(assessClaim(withLinked(evidence, target)).score).toBe(before.score);
        const replaced = { ...evidence, linkedClaims: linked.map((l) => (l === target ? repeated : l)) };
        expect(assessClaim(replaced).score).toBe(before.score);
      }),
    );
  });

  it('any number of outlets repeating one wire report are one line, weighing as the strongest of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ grade, kind: fc.constantFrom<SourceKind>('media_outlet', 'social_account', 'anonymous_group') }), {
          minLength: 1,
          maxLength: 10,
        }),
        grade,
        (outlets, wireGrade) => {
          const wire = { id: 9, name: 'Wire', reliability: wireGrade, kind: 'wire_agency' as const };
          const attributions = outlets.map((o, i) => ({
            id: i + 1,
            stance: 'asserts' as const,
            evidenceKind: 'statement' as const,
            source: { id: 10 + i, name: `Outlet ${i}`, reliability: o.grade, kind: o.kind, affiliations: [] },
            via: wire,
          }));
          const result = assessClaim({ attributions });
          expect(result.lines).toHaveLength(1);
          const strongest = Math.max(...outlets.map((o) => attributionWeight(o.grade, 'statement')));
          expect(result.lines[0]?.weight).toBe(strongest);
          expect(result.lines[0]?.attributionIds).toHaveLength(outlets.length);
        },
      ),
    );
  });

  it('one named speaker quoted any number of times, directly or via any wires, is one line', () => {
    fc.assert(
      fc.property(universeArb, fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 10 }), (u, vias) => {
        const org: SourceRef = { id: 1, name: 'SOHR', reliability: 'B' };
        const speaker: SpeakerSource = { id: 2, name: 'Rami', reliability: 'F', kind: 'person', affiliations: [org] };
        const attributions = vias.map((v, i) => ({
          id: i + 1,
          stance: 'asserts' as const,
          evidenceKind: 'statement' as const,
          source: speaker,
          via: v === null ? null : pick(u.wires, v),
        }));
        const [line, ...others] = assessClaim({ attributions }).lines;
        expect(others).toHaveLength(0);
        expect(line?.type === 'origin' && line.origin.id).toBe(org.id);
        expect(line?.weight).toBe(attributionWeight('B', 'statement'));
      }),
    );
  });

  it('does not depend on the order of attributions or linked claims', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) =>
          fc.record({
            w: fc.constant(w),
            own: fc.shuffledSubarray([...w.evidence.attributions], { minLength: w.evidence.attributions.length }),
            linked: fc.shuffledSubarray([...(w.evidence.linkedClaims ?? [])], {
              minLength: w.evidence.linkedClaims?.length ?? 0,
            }),
          }),
        ),
        ({ w, own, linked }) => {
          expect(assessClaim({ attributions: own, linkedClaims: linked })).toEqual(assessClaim(w.evidence));
        },
      ),
    );
  });
});

describe('2. monotonicity', () => {
  it('adding an independent asserting attribution never lowers support nor worsens the level', () => {
    fc.assert(
      fc.property(worldArb, freshSourceArb, evidenceKind, ({ evidence }, source, kind) => {
        const before = assessClaim(evidence);
        const after = assessClaim(withOwn(evidence, freshAttribution(source, 'asserts', kind)));
        expect(after.score).toBeGreaterThanOrEqual(before.score - EPS);
        expect(after.counts.for).toBe(before.counts.for + 1);
        notWorse(after, before);
      }),
    );
  });

  it('adding any asserting attribution, even from an origin already heard, never lowers support', () => {
    fc.assert(
      fc.property(worldArb.chain((w) => fc.tuple(fc.constant(w), anyAttributionArb(w.u, 'asserts'))), ([{ evidence }, a]) => {
        const before = assessClaim(evidence);
        const after = assessClaim(withOwn(evidence, a));
        expect(after.score).toBeGreaterThanOrEqual(before.score - EPS);
        notWorse(after, before);
      }),
    );
  });

  it('adding an independent denial, or any denial, never raises support nor improves the level', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) => fc.tuple(fc.constant(w), anyAttributionArb(w.u, 'denies'))),
        freshSourceArb,
        evidenceKind,
        ([{ evidence }, shared], source, kind) => {
          const before = assessClaim(evidence);
          for (const denial of [freshAttribution(source, 'denies', kind), shared]) {
            const after = assessClaim(withOwn(evidence, denial));
            expect(after.score).toBeLessThanOrEqual(before.score + EPS);
            if (after.suggestedLevel !== 6 && before.suggestedLevel !== 6) {
              expect(after.suggestedLevel).toBeGreaterThanOrEqual(before.suggestedLevel);
            }
          }
        },
      ),
    );
  });

  it('adding a contradicting claim never raises support; a supporting claim never lowers it', () => {
    fc.assert(
      fc.property(worldArb, fc.array(attrSpec, { maxLength: 5 }), ({ u, evidence }, specs) => {
        const before = assessClaim(evidence);
        const attributions = specs.map((s) => build(u, s, ++freshId));
        const linked = (kind: 'contradicts' | 'supports'): LinkedClaimEvidence => ({ claimId: 99, text: 'New claim', kind, attributions });
        const contradicted = assessClaim(withLinked(evidence, linked('contradicts')));
        const supported = assessClaim(withLinked(evidence, linked('supports')));
        expect(contradicted.score).toBeLessThanOrEqual(before.score + EPS);
        expect(supported.score).toBeGreaterThanOrEqual(before.score - EPS);
      }),
    );
  });

  it('adding evidence to a linked claim moves support the way the link points', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), attrSpec, ({ u, evidence }, i, spec) => {
        const linked = evidence.linkedClaims ?? [];
        fc.pre(linked.length > 0);
        const target = pick(linked, i);
        const before = assessClaim(evidence);
        const added = build(u, { ...spec, stance: 'asserts' }, ++freshId);
        const after = assessClaim({
          ...evidence,
          linkedClaims: linked.map((l) => (l === target ? { ...l, attributions: [...l.attributions, added] } : l)),
        });
        if (target.kind === 'supports') expect(after.score).toBeGreaterThanOrEqual(before.score - EPS);
        else expect(after.score).toBeLessThanOrEqual(before.score + EPS);
      }),
    );
  });
});

describe('3. reliability', () => {
  it('for the same evidence kind, weights run A > B > C > F > D > E > 0', () => {
    for (const kind of EVIDENCE_KINDS) {
      const weights = GRADE_ORDER.map((g) => attributionWeight(g, kind));
      weights.forEach((w, i) => {
        expect(w).toBeGreaterThan(0);
        if (i > 0) expect(w).toBeLessThan(weights[i - 1] ?? Infinity);
      });
    }
    expect(GRADE_ORDER.toSorted()).toEqual([...RELIABILITY_GRADES].toSorted());
  });

  it('the same evidence from a better-graded source never weighs less, whatever else is known', () => {
    const rank = (g: ReliabilityGrade) => GRADE_ORDER.indexOf(g);
    fc.assert(
      fc.property(worldArb, grade, grade, evidenceKind, fc.constantFrom('asserts' as const, 'denies' as const), ({ evidence }, g1, g2, kind, s) => {
        fc.pre(rank(g1) < rank(g2));
        const source = (g: ReliabilityGrade): SpeakerSource => ({ id: 7777, name: 'Graded', reliability: g, kind: 'person', affiliations: [] });
        const better = assessClaim(withOwn(evidence, freshAttribution(source(g1), s, kind)));
        const worse = assessClaim(withOwn(evidence, freshAttribution(source(g2), s, kind)));
        if (s === 'asserts') expect(better.score).toBeGreaterThanOrEqual(worse.score - EPS);
        else expect(better.score).toBeLessThanOrEqual(worse.score + EPS);
        const line = (a: Assessment) => a.lines.find((l) => l.key.startsWith('origin:7777:'));
        expect(Math.abs(line(better)?.weight ?? 0)).toBeGreaterThan(Math.abs(line(worse)?.weight ?? 0));
      }),
    );
  });

  it('an ungraded (F) source counts a little: less than C, more than D, and alone it is no more than doubtful', () => {
    for (const kind of EVIDENCE_KINDS) {
      expect(attributionWeight('F', kind)).toBeLessThan(attributionWeight('C', kind));
      expect(attributionWeight('F', kind)).toBeGreaterThan(attributionWeight('D', kind));
    }
    fc.assert(
      fc.property(sourceKind, (kind) => {
        const source: SpeakerSource = { id: 1, name: 'Unknown', reliability: 'F', kind, affiliations: [] };
        const result = assessClaim({ attributions: [freshAttribution(source, 'asserts', 'statement')] });
        expect(result.score).toBeGreaterThan(0.5);
        expect(result.suggestedLevel).toBe(4);
      }),
    );
  });

  it('footage, documents, data and eyewitness accounts weigh at least as much as a statement from the same grade', () => {
    fc.assert(
      fc.property(grade, evidenceKind, (g, kind) => {
        expect(attributionWeight(g, kind)).toBeGreaterThanOrEqual(attributionWeight(g, 'statement'));
        if (kind !== 'statement') expect(attributionWeight(g, kind)).toBeGreaterThan(attributionWeight(g, 'statement'));
      }),
    );
  });

  it('"reports without endorsing" never changes the score, from any source', () => {
    fc.assert(
      fc.property(worldArb.chain((w) => fc.tuple(fc.constant(w), anyAttributionArb(w.u, 'reports'))), ([{ evidence }, report]) => {
        const before = assessClaim(evidence);
        const after = assessClaim(withOwn(evidence, report));
        expect(after.score).toBe(before.score);
        expect(after.lines).toEqual(before.lines);
        expect(after.notCounted.some((n) => n.subject.type === 'attribution' && n.subject.id === report.id)).toBe(true);
      }),
    );
  });

  it('an ungraded speaker weighs with the grade of the nearest graded body they belong to', () => {
    fc.assert(
      fc.property(grade, grade, (near, far) => {
        const chain: SourceRef[] = [
          { id: 2, name: 'Near', reliability: near },
          { id: 3, name: 'Top', reliability: far },
        ];
        const speaker: SpeakerSource = { id: 1, name: 'Person', reliability: 'F', kind: 'person', affiliations: chain };
        const [line] = assessClaim({ attributions: [freshAttribution(speaker, 'asserts', 'statement')] }).lines;
        const expected = near !== 'F' ? near : far;
        expect(line?.type === 'origin' && line.grade).toBe(expected);
        expect(line?.type === 'origin' && line.origin.id).toBe(3);
      }),
    );
  });
});

describe('4. contradictions propagate one step, bounded', () => {
  it('score is in [0, 1] and finite, and the net weight is bounded by the evidence', () => {
    fc.assert(
      fc.property(worldArb, ({ evidence }) => {
        const r = assessClaim(evidence);
        expect(Number.isFinite(r.score) && Number.isFinite(r.netWeight)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        const bound = allAttributions(evidence).reduce((sum, a) => sum + attributionWeight('A', a.evidenceKind), 0);
        expect(Math.abs(r.netWeight)).toBeLessThanOrEqual(bound + EPS);
        expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-0.8 * r.netWeight)), 12);
      }),
    );
  });

  it('a linked claim with no counted evidence changes nothing', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom('contradicts' as const, 'supports' as const), fc.array(fc.nat(), { maxLength: 3 }), ({ u, evidence }, kind, speakers) => {
        const reportsOnly = speakers.map((s) => build(u, { speaker: s, stance: 'reports', kind: 'statement', via: null }, ++freshId));
        const before = assessClaim(evidence);
        const after = assessClaim(withLinked(evidence, { claimId: 98, text: 'Empty', kind, attributions: reportsOnly }));
        expect(after.score).toBe(before.score);
        expect(after.suggestedLevel).toBe(before.suggestedLevel);
        expect(after.lines).toEqual(before.lines);
      }),
    );
  });

  it('a linked claim weighs by its own support alone, never more than its attributions', () => {
    fc.assert(
      fc.property(worldArb, ({ evidence }) => {
        const r = assessClaim(evidence);
        for (const line of r.lines) {
          if (line.type !== 'linked_claim') continue;
          const linked = (evidence.linkedClaims ?? []).find((l) => l.claimId === line.claim.id && l.kind === line.link);
          const standalone = assessClaim({ attributions: linked?.attributions ?? [] });
          expect(line.ownNet).toBeGreaterThan(0);
          expect(line.ownNet).toBeLessThanOrEqual(standalone.lines.filter((l) => l.direction === 'for').reduce((s, l) => s + l.weight, 0) + EPS);
          expect(Math.abs(line.weight)).toBeCloseTo(line.factor * line.ownNet, 12);
          if (r.lines.every((l) => l.type === 'linked_claim')) expect(line.ownNet).toBeCloseTo(standalone.netWeight, 12);
        }
      }),
    );
  });

  it('two claims that contradict each other, on independent evidence, mirror each other', () => {
    const independent = (w: World, offset: number): EvidenceAttribution[] =>
      w.evidence.attributions.map((a) => ({
        ...a,
        id: a.id + offset,
        source: { ...a.source, id: a.source.id + offset, affiliations: a.source.affiliations.map((s) => ({ ...s, id: s.id + offset })) },
        via: a.via && { ...a.via, id: a.via.id + offset },
      }));
    fc.assert(
      fc.property(worldArb, worldArb, (wa, wb) => {
        const a = independent(wa, 0);
        const b = independent(wb, 100_000);
        const netA = assessClaim({ attributions: a }).netWeight;
        const netB = assessClaim({ attributions: b }).netWeight;
        fc.pre(netA > EPS && netB > EPS);
        const ra = assessClaim({ attributions: a, linkedClaims: [{ claimId: 2, text: 'B', kind: 'contradicts', attributions: b }] });
        const rb = assessClaim({ attributions: b, linkedClaims: [{ claimId: 1, text: 'A', kind: 'contradicts', attributions: a }] });
        expect(ra.score + rb.score).toBeCloseTo(1, 12);
      }),
    );
  });

  it('a claim contradicted by a claim with the same evidence does not run away', () => {
    fc.assert(
      fc.property(worldArb, ({ evidence }) => {
        const mirror = { claimId: 1, text: 'Mirror', kind: 'contradicts' as const, attributions: evidence.attributions };
        const r = assessClaim({ attributions: evidence.attributions, linkedClaims: [mirror] });
        const alone = assessClaim({ attributions: evidence.attributions });
        expect(Number.isFinite(r.netWeight)).toBe(true);
        expect(r.score).toBeLessThanOrEqual(alone.score + EPS);
        expect(Math.abs(r.netWeight)).toBeLessThanOrEqual(2 * Math.abs(alone.lines.reduce((s, l) => s + Math.abs(l.weight), 0)) + EPS);
      }),
    );
  });
});

describe('5. explanation covers every line', () => {
  it('every line is a sentence with its weight; every attribution is in exactly one line or not counted', () => {
    fc.assert(
      fc.property(worldArb, ({ evidence }) => {
        const r = assessClaim(evidence);
        for (const line of r.lines) {
          expect(r.explanation.some((s) => s.includes(line.label) && s.includes(signed(line.weight)) && s.includes(line.reason))).toBe(true);
        }
        const ids = [...new Set(evidence.attributions.map((a) => a.id))];
        for (const id of ids) {
          const inLines = r.lines.filter((l) => l.type === 'origin' && l.attributionIds.includes(id)).length;
          const skipped = r.notCounted.filter((n) => n.subject.type === 'attribution' && n.subject.id === id);
          expect(inLines + skipped.length).toBe(1);
          for (const n of skipped) {
            expect(n.reason).toContain('without endorsing');
            expect(r.explanation).toContain(`Not counted: attribution #${id}, ${n.reason}.`);
          }
        }
        const claims = new Set((evidence.linkedClaims ?? []).map((l) => `${l.claimId}:${l.kind}`));
        const accounted =
          r.lines.filter((l) => l.type === 'linked_claim').length + r.notCounted.filter((n) => n.subject.type === 'linked_claim').length;
        expect(accounted).toBe(claims.size);
        expect(r.counts).toEqual({
          for: r.lines.filter((l) => l.direction === 'for').length,
          against: r.lines.filter((l) => l.direction === 'against').length,
        });
        expect(r.lines.every((l) => (l.direction === 'for' ? l.weight > 0 : l.weight < 0))).toBe(true);
        expect(r.netWeight).toBeCloseTo(r.lines.reduce((s, l) => s + l.weight, 0), 12);
      }),
    );
  });

  it('the first sentence states the suggestion and the counts', () => {
    fc.assert(
      fc.property(worldArb, ({ evidence }) => {
        const r = assessClaim(evidence);
        expect(r.explanation[0]).toMatch(new RegExp(`^Suggests ${r.suggestedLevel} `));
        if (r.suggestedLevel !== 6) expect(r.explanation[0]).toContain(`for, ${r.counts.against} against.`);
      }),
    );
  });
});

describe('6. suggested level', () => {
  it('follows the score thresholds; 6 exactly when nothing is counted; 1 only with two asserting origins and no strong counter', () => {
    fc.assert(
      fc.property(worldArb, ({ evidence }) => {
        const r = assessClaim(evidence);
        expect(r.suggestedLevel === 6).toBe(r.lines.length === 0);
        if (r.lines.length === 0) expect(r.score).toBe(0.5);
        const assertingOrigins = r.lines.filter((l) => l.type === 'origin' && l.direction === 'for').length;
        const againstWeight = -r.lines.filter((l) => l.direction === 'against').reduce((s, l) => s + l.weight, 0);
        if (r.suggestedLevel === 1) {
          expect(assertingOrigins).toBeGreaterThanOrEqual(2);
          expect(againstWeight).toBeLessThan(STRONG_COUNTER);
          expect(r.score).toBeGreaterThanOrEqual(LEVEL_THRESHOLDS.confirmed);
        }
        expect(r.suggestedLevel).toBe(suggestLevel({ score: r.score, lines: r.lines.length, assertingOrigins, againstWeight }));
      }),
    );
  });

  it('the level never improves as the score falls, for the same structure', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3), (a, b, origins) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const level = (score: number) => suggestLevel({ score, lines: 1, assertingOrigins: origins, againstWeight: 0 });
        expect(level(lo)).toBeGreaterThanOrEqual(level(hi));
      }),
    );
  });
});

/** A consistent record: confirmed + refuted <= reviewed. */
const recordArb = (maxReviewed = 30): fc.Arbitrary<TrackRecord> =>
  fc
    .tuple(fc.nat(maxReviewed), fc.nat(maxReviewed), fc.nat(maxReviewed))
    .map(([a, b, c]) => {
      const reviewed = Math.max(a, b, c);
      const confirmed = Math.min(a, b, c);
      const refuted = Math.min(reviewed - confirmed, [a, b, c].sort((x, y) => x - y)[1]! - confirmed);
      return { confirmed, refuted, reviewed };
    });

/** A record and a better one over as many reviewed claims: more borne out, fewer refuted. */
const recordPairArb = recordArb().chain((worse) =>
  fc
    .tuple(fc.nat(worse.refuted), fc.nat(worse.reviewed))
    .map(([lessRefuted, moreConfirmed]): [TrackRecord, TrackRecord] => {
      const refuted = worse.refuted - lessRefuted;
      const confirmed = Math.min(worse.reviewed - refuted, worse.confirmed + moreConfirmed);
      return [worse, { confirmed, refuted, reviewed: worse.reviewed }];
    }),
);

/** Every source of the evidence (speakers and their affiliations) with the record `recordOf` gives it. */
function withRecords(e: ClaimEvidence, recordOf: (s: SourceRef) => TrackRecord | undefined): ClaimEvidence {
  const put = <T extends SourceRef>(s: T): T => {
    const record = recordOf(s);
    return record ? { ...s, record } : s;
  };
  const attrs = (xs: readonly EvidenceAttribution[]) => xs.map((a) => ({ ...a, source: { ...put(a.source), affiliations: a.source.affiliations.map(put) } }));
  return { attributions: attrs(e.attributions), linkedClaims: (e.linkedClaims ?? []).map((l) => ({ ...l, attributions: attrs(l.attributions) })) };
}

describe('7. track record', () => {
  const gradeTrust = fc.constantFrom(...Object.values(TRUST));

  it('below MIN_REVIEWED reviewed claims the record changes nothing', () => {
    fc.assert(
      fc.property(worldArb, fc.func(fc.option(recordArb(MIN_REVIEWED - 1), { nil: undefined })), ({ evidence }, recordOf) => {
        expect(assessClaim(withRecords(evidence, (s) => recordOf(s.id)))).toEqual(assessClaim(evidence));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), recordArb(MIN_REVIEWED - 1), (t, r) => {
        expect(blendedTrust(t, r)).toBe(t);
      }),
    );
  });

  it('trust stays in (0, 1), within [RECORD_MIN_TRUST, RECORD_MAX_TRUST] once the record counts', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), recordArb(1000), (t, r) => {
        const trust = blendedTrust(t, r);
        expect(trust).toBeGreaterThan(0);
        expect(trust).toBeLessThan(1);
        if (r.reviewed >= MIN_REVIEWED) {
          expect(trust).toBeGreaterThanOrEqual(RECORD_MIN_TRUST);
          expect(trust).toBeLessThanOrEqual(RECORD_MAX_TRUST);
        }
      }),
    );
  });

  it('a better record never lowers the trust', () => {
    fc.assert(
      fc.property(gradeTrust, recordPairArb, (t, [worse, better]) => {
        expect(blendedTrust(t, better)).toBeGreaterThanOrEqual(blendedTrust(t, worse) - EPS);
      }),
    );
  });

  it('a better record of an asserting source never lowers support; of a denying source never raises it', () => {
    fc.assert(
      fc.property(
        worldArb,
        freshSourceArb,
        evidenceKind,
        recordPairArb,
        fc.func(fc.option(recordArb(), { nil: undefined })),
        ({ evidence }, source, kind, [worse, better], recordOf) => {
          const others = withRecords(evidence, (s) => recordOf(s.id));
          const score = (record: TrackRecord, s: 'asserts' | 'denies') =>
            assessClaim(withOwn(others, freshAttribution({ ...source, record }, s, kind))).score;
          expect(score(better, 'asserts')).toBeGreaterThanOrEqual(score(worse, 'asserts') - EPS);
          expect(score(better, 'denies')).toBeLessThanOrEqual(score(worse, 'denies') + EPS);
        },
      ),
    );
  });

  it('the explanation says when and how a record changed the weight', () => {
    fc.assert(
      fc.property(freshSourceArb, evidenceKind, recordArb(), (source, kind, record) => {
        const r = assessClaim({ attributions: [freshAttribution({ ...source, record }, 'asserts', kind)] });
        const [line] = r.lines;
        const text = r.explanation.join(' ');
        if (record.reviewed >= MIN_REVIEWED) {
          expect(text).toContain(`track record ${record.confirmed} of ${record.reviewed} confirmed`);
          expect(line?.type === 'origin' && line.trackRecord?.trust).toBe(blendedTrust(TRUST[source.reliability], record));
        } else {
          expect(text).not.toContain('track record');
          expect(line?.type === 'origin' && line.trackRecord).toBeUndefined();
        }
      }),
    );
  });

  it('with records, the assessment still does not depend on order nor on repeats', () => {
    fc.assert(
      fc.property(worldArb, fc.func(fc.option(recordArb(), { nil: undefined })), ({ evidence }, recordOf) => {
        const e = withRecords(evidence, (s) => recordOf(s.id));
        const reversed = { attributions: [...e.attributions].reverse(), linkedClaims: [...(e.linkedClaims ?? [])].reverse() };
        expect(assessClaim(reversed)).toEqual(assessClaim(e));
        const repeats = e.attributions.map((a) => ({ ...a, id: ++freshId }));
        expect(assessClaim(withOwn(e, ...repeats)).score).toBe(assessClaim(e).score);
      }),
    );
  });
});
