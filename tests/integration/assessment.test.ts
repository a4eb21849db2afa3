import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '~/db/client';
import { loadDemoStory } from '~/db/demo-story';
import { assessClaims, claimAssessment } from '~/server/assessment/assessment.service';
import { addUser, callerAs, freshCaller } from '../helpers/db';
import { expectTRPCError, gradeSource, makeAttribution, makeClaim, makeSohrChain, makeSource, type Caller } from '../helpers/fixtures';

/** The same database, counting every query it runs. */
function counting(db: DB) {
  const counter = { n: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counter.n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), counter };
}

async function demo() {
  const { db, user, caller } = await freshCaller('desk-editor', 'editor');
  await loadDemoStory(db, { grader: user.id });
  const idOf = async (text: string) => (await db.selectFrom('claim').select('id').where('text', '=', text).executeTakeFirstOrThrow()).id;
  return { db, caller, idOf };
}

describe('claims.assessment on the reference story', () => {
  it('“Bashar al-Assad has left Syria.”: probably true (2), the government heard once', async () => {
    const { caller, idOf } = await demo();
    const left = await idOf('Bashar al-Assad has left Syria.');
    const still = await idOf('Bashar al-Assad is still in Syria.');
    const a = await caller.claims.assessment({ id: left });
    // As in tests/unit/assessment.examples.test.ts: SOHR via agencies (B) +1.2040, "entered
    // Damascus" supporting at half +0.4015, the government's denial (E) −0.1054.
    expect(a.suggestedLevel).toBe(2);
    expect(a.score).toBeCloseTo(0.7685, 4);
    expect(a.counts).toEqual({ for: 2, against: 1 });
    expect(a.lines.map((l) => [l.type, l.label, Number(l.weight.toFixed(4))])).toEqual([
      ['origin', 'Syrian Observatory for Human Rights via News agencies (unnamed)', 1.204],
      ['linked_claim', '“Opposition forces entered Damascus on 8 December 2024.”', 0.4015],
      ['origin', 'Syrian government', -0.1054],
    ]);
    expect(a.notCounted).toEqual([
      {
        subject: { type: 'linked_claim', id: still },
        reason: '“Bashar al-Assad is still in Syria.”: Syrian government is already counted on this claim, and nothing else supports it',
      },
    ]);
    expect(a.explanation[0]).toBe('Suggests 2 (probably true), support 0.77: 2 independent lines for, 1 against.');
    expect(a).toMatchObject({ latestReview: null, evidenceChanged: false, disagreement: 0 });
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a contradicting claim counts from either end; a supported claim gains nothing from what it supports', async () => {
    const { caller, idOf } = await demo();
    // "Still in Syria" is the lower id of the contradiction: "has left" weighs against it in full.
    const still = await caller.claims.assessment({ id: await idOf('Bashar al-Assad is still in Syria.') });
    expect(still.suggestedLevel).toBe(4);
    expect(still.score).toBeCloseTo(0.3112, 4);
    // "Entered Damascus" supports "has left"; the reverse is not evidence for it.
    const entered = await caller.claims.assessment({ id: await idOf('Opposition forces entered Damascus on 8 December 2024.') });
    expect(entered.lines.every((l) => l.type === 'origin')).toBe(true);
    expect(entered.score).toBeCloseTo(0.6553, 4);
  });

  it('the other claims get the levels the worked examples give', async () => {
    const { caller, idOf } = await demo();
    const level = async (text: string) => (await caller.claims.assessment({ id: await idOf(text) })).suggestedLevel;
    expect(await level('Rebels captured the cities of Aleppo, Homs and Hama.')).toBe(4);
    expect(await level('Opposition groups took control of Saydnaya military prison and freed its inmates.')).toBe(6);
  });
});

describe('loading the evidence', () => {
  async function claimWith(caller: Caller, n: number, links = 0) {
    const { rami, sohr } = await makeSohrChain(caller);
    const agency = await makeSource(caller, { name: `Agency for ${n}`, kind: 'wire_agency' });
    const claim = await makeClaim(caller);
    for (let i = 0; i < n; i++) {
      const outlet = await makeSource(caller, { kind: 'media_outlet', affiliationId: i % 2 ? sohr.id : null });
      await makeAttribution(caller, { claimId: claim.id, sourceId: i % 3 ? outlet.id : rami.id, viaSourceId: i % 4 ? agency.id : null, stance: i % 5 ? 'asserts' : 'denies' });
    }
    for (let i = 0; i < links; i++) {
      const other = await makeClaim(caller);
      await makeAttribution(caller, { claimId: other.id, sourceId: rami.id });
      await caller.links.create({ fromClaimId: other.id, toClaimId: claim.id, kind: i % 2 ? 'supports' : 'contradicts' });
    }
    return claim;
  }

  it('takes the same fixed number of queries for 1 attribution as for 20 with links', async () => {
    const small = await freshCaller();
    const one = await claimWith(small.caller, 1);
    const big = await freshCaller();
    const twenty = await claimWith(big.caller, 20, 4);

    const s = counting(small.db);
    await claimAssessment(s.db, one.id);
    const b = counting(big.db);
    const result = await claimAssessment(b.db, twenty.id);
    expect(result.lines.length).toBeGreaterThan(1);
    expect(s.counter.n).toBe(b.counter.n);
    expect(b.counter.n).toBeLessThanOrEqual(6);

    // Many claims at once: still four queries (links, attributions, affiliation chains, track records).
    const many = counting(big.db);
    const ids = (await big.db.selectFrom('claim').select('id').execute()).map((r) => r.id);
    const all = await assessClaims(many.db, ids);
    expect(all.size).toBe(ids.length);
    expect(many.counter.n).toBe(4);
  });

  it('blends a source’s track record once it has three reviewed claims, leaving out the claim assessed', async () => {
    const { caller } = await freshCaller();
    const source = await gradeSource(caller, await makeSource(caller, { name: 'Monitor', kind: 'ngo' }), 'C');
    const claims = [];
    for (let i = 0; i < 4; i++) {
      const c = await makeClaim(caller);
      await makeAttribution(caller, { claimId: c.id, sourceId: source.id, stance: 'asserts' });
      claims.push(c);
    }
    const review = async (claimId: number, verdict: number) => {
      const [claim, a] = await Promise.all([caller.claims.get({ id: claimId }), caller.claims.assessment({ id: claimId })]);
      await caller.reviews.create({ claimId, claimVersion: claim.version, verdict, rationale: 'Checked.', evidenceFingerprint: a.fingerprint });
    };
    const lineOf = async (claimId: number) => {
      const [line] = (await caller.claims.assessment({ id: claimId })).lines;
      return line?.type === 'origin' ? line : null;
    };
    const plain = (await lineOf(claims[3]!.id))!.weight;

    // Two borne out, one undecided: three reviewed claims, so the record now counts for claim 4.
    await review(claims[0]!.id, 1);
    await review(claims[1]!.id, 2);
    expect((await lineOf(claims[3]!.id))?.trackRecord).toBeUndefined();
    await review(claims[2]!.id, 3);
    const fourth = (await lineOf(claims[3]!.id))!;
    // (4 × .5 + 2 × .9 + 1 × .5) / 7 = 4.3 / 7
    expect(fourth.trackRecord).toMatchObject({ confirmed: 2, refuted: 0, reviewed: 3, gradeTrust: 0.5, trust: expect.closeTo(4.3 / 7, 12) });
    expect(fourth.weight).toBeGreaterThan(plain);
    expect(fourth.reason).toContain('track record 2 of 3 confirmed');
    // Claim 1's own verdict is left out of its own assessment: only two other reviewed claims, below three.
    expect((await lineOf(claims[0]!.id))?.trackRecord).toBeUndefined();
    expect((await lineOf(claims[0]!.id))!.weight).toBe(plain);

    // The source page says it weighs in, and by how much.
    const page = await caller.sources.get({ id: source.id });
    expect(page.trackRecordUse).toMatchObject({ used: true, reviewed: 3, gradeTrust: 0.5, trust: expect.closeTo(4.3 / 7, 12) });
  });

  it('follows the whole affiliation chain: a member of an ungraded body borrows the nearest grade above', async () => {
    const { caller } = await freshCaller();
    const { network, rami } = await makeSohrChain(caller);
    const claim = await makeClaim(caller);
    await makeAttribution(caller, { claimId: claim.id, sourceId: rami.id });
    const a = await caller.claims.assessment({ id: claim.id });
    const [line] = a.lines;
    // Rami → SOHR (B) → the network: the origin is the top, the grade SOHR's.
    expect(line?.type === 'origin' && [line.origin.id, line.grade]).toEqual([network.id, 'B']);
  });

  it('fingerprints the evidence: regrading a source changes it, renaming it or editing the claim does not', async () => {
    const { caller } = await freshCaller();
    const source = await makeSource(caller, { name: 'Reuters', kind: 'wire_agency' });
    const claim = await makeClaim(caller);
    await makeAttribution(caller, { claimId: claim.id, sourceId: source.id });
    const first = (await caller.claims.assessment({ id: claim.id })).fingerprint;
    const renamed = await caller.sources.update({ id: source.id, version: source.version, name: 'Reuters News', kind: 'wire_agency' });
    await caller.claims.update({ id: claim.id, version: claim.version, text: 'Edited wording of the claim' });
    expect((await caller.claims.assessment({ id: claim.id })).fingerprint).toBe(first);
    await gradeSource(caller, renamed, 'A');
    const regraded = await caller.claims.assessment({ id: claim.id });
    expect(regraded.fingerprint).not.toBe(first);
    expect(regraded.suggestedLevel).toBe(2);
  });

  it('is refused for a claim that does not exist, and for a signed-out caller', async () => {
    const { db, caller } = await freshCaller();
    expect((await expectTRPCError(caller.claims.assessment({ id: 999 }), 'NOT_FOUND')).message).toMatch(/Claim #999/);
    await expectTRPCError(callerAs(db, null).claims.assessment({ id: 1 }), 'UNAUTHORIZED');
    const checker = callerAs(db, await addUser(db, 'c', 'checker'));
    const claim = await makeClaim(checker);
    expect((await checker.claims.assessment({ id: claim.id })).suggestedLevel).toBe(6);
  });
});
