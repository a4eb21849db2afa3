import { describe, expect, it } from 'vitest';
import {
  assessClaim,
  type EvidenceAttribution,
  type LinkedClaimEvidence,
  type RelaySource,
  type SpeakerSource,
} from '~/server/assessment/assessment';

/*
 * Worked examples from the reference story (shared/seed-article.txt, db/demo-story.ts), with the
 * arithmetic written out. Weights are -ln((1 - trust)(1 - boost)), trust A .9 B .7 C .5 F .3 D .2
 * E .1, boost footage .2; score = 1 / (1 + exp(-0.8 * net)). Levels: 1 >= .90 (with two asserting
 * origins and no strong counter), 2 >= .75, 3 >= .60, 4 > .25, else 5; 6 with no lines.
 */

const SOHR = { id: 1, name: 'Syrian Observatory for Human Rights', reliability: 'B' as const };
const speaker = (id: number, name: string, kind: SpeakerSource['kind'], reliability: SpeakerSource['reliability'], affiliations = [] as SpeakerSource['affiliations']): SpeakerSource => ({
  id,
  name,
  kind,
  reliability,
  affiliations,
});
const rami = speaker(2, 'Rami Abdurrahman', 'person', 'F', [SOHR]);
const agencies: RelaySource = { id: 3, name: 'News agencies (unnamed)', reliability: 'F', kind: 'wire_agency' };
const newsDesk = speaker(4, 'Demo News Desk', 'media_outlet', 'F');
const oppositionMedia = speaker(5, 'Opposition-linked media', 'media_outlet', 'D');
const oppositionGroups = speaker(6, 'Syrian opposition groups', 'organization', 'F');
const government = speaker(8, 'Syrian government', 'government_body', 'E');

let nextId = 1;
const attr = (
  source: SpeakerSource,
  stance: EvidenceAttribution['stance'],
  extra: Partial<Pick<EvidenceAttribution, 'evidenceKind' | 'via'>> = {},
): EvidenceAttribution => ({ id: nextId++, stance, evidenceKind: 'statement', source, via: null, ...extra });

// "Bashar al-Assad has left Syria."
const ramiSaysLeft = attr(rami, 'asserts', { via: agencies });
const governmentDenies = attr(government, 'denies');
const left = [ramiSaysLeft, governmentDenies];

// "Opposition forces entered Damascus on 8 December 2024." supports the departure claim.
const entered: LinkedClaimEvidence = {
  claimId: 3,
  text: 'Opposition forces entered Damascus on 8 December 2024.',
  kind: 'supports',
  attributions: [attr(oppositionGroups, 'asserts'), attr(oppositionMedia, 'asserts', { evidenceKind: 'footage' })],
};

// "Bashar al-Assad is still in Syria." (the government's position) contradicts it.
const stillInSyria: LinkedClaimEvidence = {
  claimId: 2,
  text: 'Bashar al-Assad is still in Syria.',
  kind: 'contradicts',
  attributions: [attr(government, 'asserts')],
};

describe('"Bashar al-Assad has left Syria."', () => {
  it('the monitor via agencies, against the government denial: possibly true (3)', () => {
    // SOHR line: Rami is ungraded, he speaks for SOHR (B):  -ln(1 - .7) = 1.2040
    // Government denial, E statement:                      -ln(1 - .1) = 0.1054
    // net = 1.2040 - 0.1054 = 1.0986 (= ln 3); score = 1 / (1 + e^(-0.8 * 1.0986)) = 0.7066
    // 0.60 <= 0.7066 < 0.75: possibly true. One named monitor, relayed, denied by a party.
    const r = assessClaim({ attributions: left });
    expect(r.lines.map((l) => l.weight)).toEqual([expect.closeTo(1.204, 3), expect.closeTo(-0.1054, 4)]);
    expect(r.netWeight).toBeCloseTo(Math.log(3), 12);
    expect(r.score).toBeCloseTo(0.7066, 4);
    expect(r.suggestedLevel).toBe(3);
    expect(r.counts).toEqual({ for: 1, against: 1 });
  });

  it('with "opposition forces entered Damascus" supporting it: probably true (2)', () => {
    // Entered Damascus, its own lines: opposition groups (F) statement  -ln(1 - .3)        = 0.3567
    //                                  opposition-linked media (D) footage -ln(.8 * .8)     = 0.4463
    //   own net 0.8030; a supporting claim passes on half:            0.5 * 0.8030     = 0.4015
    // net = 1.2040 + 0.4015 - 0.1054 = 1.5001; score = 1 / (1 + e^(-0.8 * 1.5001)) = 0.7685
    // >= 0.75: probably true ("consistent with other information"), not confirmed: one asserting origin.
    const r = assessClaim({ attributions: left, linkedClaims: [entered] });
    expect(r.netWeight).toBeCloseTo(1.5001, 4);
    expect(r.score).toBeCloseTo(0.7685, 4);
    expect(r.suggestedLevel).toBe(2);
    expect(r.explanation).toEqual([
      'Suggests 2 (probably true), support 0.77: 2 independent lines for, 1 against.',
      'Asserts: Syrian Observatory for Human Rights via News agencies (unnamed) (B), statement, +1.20. Rami Abdurrahman speaks for Syrian Observatory for Human Rights, graded B.',
      'Supporting claim: “Opposition forces entered Damascus on 8 December 2024.”, +0.40. Its own evidence nets +0.80 over 2 independent lines, which passes on ×0.5 as supporting evidence.',
      'Denies: Syrian government (E), statement, −0.11. Syrian government, graded E.',
      'Confirmation needs a second independent origin asserting it; repeats of the same origin do not count.',
    ]);
    const [sohr] = r.lines;
    expect(sohr?.type === 'origin' && [sohr.origin.name, sohr.grade, sohr.attributionIds]).toEqual([SOHR.name, 'B', [ramiSaysLeft.id]]);
  });

  it('the government is heard once: its "still in Syria" claim adds nothing to its denial', () => {
    // "Still in Syria" rests only on the government (E, 0.1054), whose denial (0.1054) is already
    // counted against this claim: 0.1054 - 0.1054 / 1 = 0 left, so the link is listed, not counted.
    const r = assessClaim({ attributions: left, linkedClaims: [entered, stillInSyria] });
    expect(r.score).toBeCloseTo(0.7685, 4);
    expect(r.suggestedLevel).toBe(2);
    expect(r.notCounted).toEqual([
      {
        subject: { type: 'linked_claim', id: 2 },
        reason: '“Bashar al-Assad is still in Syria.”: Syrian government is already counted on this claim, and nothing else supports it',
      },
    ]);
  });

  it('repeats change nothing: ten outlets running the agency copy, Rami quoted again directly', () => {
    const outlets = Array.from({ length: 10 }, (_, i) =>
      attr(speaker(100 + i, `Outlet ${i}`, 'media_outlet', 'F'), 'asserts', { via: agencies }),
    );
    const r = assessClaim({ attributions: [...left, attr(rami, 'asserts'), ...outlets], linkedClaims: [entered] });
    // Rami direct joins the SOHR line; the ten outlets are one "News agencies" line (F, 0.3567).
    // net = 1.5001 + 0.3567 = 1.8568; score = 1 / (1 + e^(-0.8 * 1.8568)) = 0.8154: still 2, not 1,
    // because agencies that credit nobody are ungraded and the score is under 0.90.
    expect(r.lines.filter((l) => l.type === 'origin').map((l) => [l.label, l.attributionIds.length])).toEqual([
      ['Syrian Observatory for Human Rights via News agencies (unnamed)', 2],
      ['News agencies (unnamed)', 10],
      ['Syrian government', 1],
    ]);
    expect(r.netWeight).toBeCloseTo(1.8568, 4);
    expect(r.score).toBeCloseTo(0.8154, 4);
    expect(r.suggestedLevel).toBe(2);
  });

  it('what would confirm it: an independent A-graded agency reporting it in its own voice', () => {
    // + Reuters (A) statement: -ln(1 - .9) = 2.3026; net = 1.5001 + 2.3026 = 3.8027
    // score = 1 / (1 + e^(-0.8 * 3.8027)) = 0.9544 >= 0.90, two asserting origins, counter 0.1054 < 0.6931
    const reuters = speaker(20, 'Reuters', 'wire_agency', 'A');
    const r = assessClaim({ attributions: [...left, attr(reuters, 'asserts')], linkedClaims: [entered] });
    expect(r.score).toBeCloseTo(0.9544, 4);
    expect(r.suggestedLevel).toBe(1);
  });

  it('what would block confirmation: a fairly reliable (C) denial, however strong the support', () => {
    // + UN (C) denial: -ln(1 - .5) = 0.6931 >= the strong-counter mark (one C statement)
    // net = 3.8027 - 0.6931 = 3.1096; score = 1 / (1 + e^(-0.8 * 3.1096)) = 0.9233, but the counter-evidence caps it at 2.
    const reuters = speaker(20, 'Reuters', 'wire_agency', 'A');
    const un = speaker(21, 'United Nations', 'organization', 'C');
    const r = assessClaim({ attributions: [...left, attr(reuters, 'asserts'), attr(un, 'denies')], linkedClaims: [entered] });
    expect(r.score).toBeCloseTo(0.9233, 4);
    expect(r.suggestedLevel).toBe(2);
    expect(r.explanation.at(-1)).toBe('Counter-evidence weighing −0.80 rules out confirmation until it is answered.');
  });
});

describe('other claims of the story', () => {
  it('"Opposition forces entered Damascus": the groups themselves and their media, possibly true (3)', () => {
    // 0.3567 + 0.4463 = 0.8030; score = 1 / (1 + e^(-0.8 * 0.8030)) = 0.6553
    const r = assessClaim({ attributions: entered.attributions });
    expect(r.score).toBeCloseTo(0.6553, 4);
    expect(r.suggestedLevel).toBe(3);
    expect(r.lines.map((l) => l.type === 'origin' && l.evidenceKind)).toEqual(['footage', 'statement']);
  });

  it('"Assad is still in Syria": the government alone, against the monitor, doubtful (4)', () => {
    // own: government (E) asserts +0.1054; "has left" contradicts it with its own net
    // 1.2040 - 0.1054 = 1.0986, in full. net = 0.1054 - 1.0986 = -0.9933; score = 0.3112
    const r = assessClaim({
      attributions: stillInSyria.attributions,
      linkedClaims: [{ claimId: 1, text: 'Bashar al-Assad has left Syria.', kind: 'contradicts', attributions: left }],
    });
    expect(r.netWeight).toBeCloseTo(-0.9933, 4);
    expect(r.score).toBeCloseTo(0.3112, 4);
    expect(r.suggestedLevel).toBe(4);
  });

  it('"Rebels captured Aleppo, Homs and Hama": the outlet in its own voice from agency copy, doubtful (4)', () => {
    // One line, origin the agencies (the outlet repeats them), ungraded: 0.3567 -> 0.5709 < 0.60.
    // "Government forces retreated" supports it but is only reported ("appear to have"): not counted.
    const r = assessClaim({
      attributions: [attr(newsDesk, 'asserts', { via: agencies })],
      linkedClaims: [{ claimId: 6, text: 'Government forces retreated to areas outside Homs.', kind: 'supports', attributions: [attr(newsDesk, 'reports', { via: agencies })] }],
    });
    expect(r.score).toBeCloseTo(0.5709, 4);
    expect(r.suggestedLevel).toBe(4);
    expect(r.lines[0]?.type === 'origin' && r.lines[0].origin.name).toBe('News agencies (unnamed)');
    expect(r.lines[0]?.reason).toBe('Demo News Desk repeats News agencies (unnamed), ungraded (F): neither trusted nor distrusted, it counts a little.');
    expect(r.notCounted.map((n) => n.subject.type)).toEqual(['linked_claim']);
  });

  it('"Opposition groups took Saydnaya prison": only reported, so it cannot be judged (6)', () => {
    const report = attr(newsDesk, 'reports', { via: agencies });
    const r = assessClaim({ attributions: [report] });
    expect(r.score).toBe(0.5);
    expect(r.suggestedLevel).toBe(6);
    expect(r.lines).toEqual([]);
    expect(r.explanation).toEqual([
      'Suggests 6 (cannot be judged): no evidence is counted for or against.',
      `Not counted: attribution #${report.id}, Demo News Desk reports it without endorsing it.`,
      'Log who asserts or denies it (not only who reports it) to assess it.',
    ]);
  });
});

describe('track record', () => {
  // SOHR has 10 reviewed claims of its own: 9 borne out, 1 refuted (the claim assessed is never among them).
  const sohrWithRecord = { ...SOHR, record: { confirmed: 9, refuted: 1, reviewed: 10 } };
  const ramiWithRecord = { ...rami, affiliations: [sohrWithRecord] };

  it('a monitor with a good record lifts "Assad has left Syria" from possibly (3) to probably true (2)', () => {
    // trust = (K·grade + confirmed·HIGH + refuted·LOW + neutral·grade) / (K + reviewed)
    //       = (4 × .7 + 9 × .9 + 1 × .1 + 0 × .7) / (4 + 10) = 11 / 14 = 0.7857
    // SOHR line: -ln(1 - 0.7857) = 1.5404 (B alone: 1.2040)
    // Government denial, E statement, no record: 0.1054
    // net = 1.5404 - 0.1054 = 1.4351; score = 1 / (1 + e^(-0.8 * 1.4351)) = 0.7592 >= 0.75: probably true.
    const r = assessClaim({ attributions: [{ ...ramiSaysLeft, source: ramiWithRecord }, governmentDenies] });
    expect(r.lines.map((l) => l.weight)).toEqual([expect.closeTo(1.5404, 4), expect.closeTo(-0.1054, 4)]);
    expect(r.netWeight).toBeCloseTo(1.4351, 4);
    expect(r.score).toBeCloseTo(0.7592, 4);
    expect(r.suggestedLevel).toBe(2);
    const [line] = r.lines;
    expect(line?.type === 'origin' && line.trackRecord).toEqual({
      source: { id: SOHR.id, name: SOHR.name },
      confirmed: 9,
      refuted: 1,
      reviewed: 10,
      gradeTrust: 0.7,
      trust: expect.closeTo(11 / 14, 12),
    });
    expect(r.explanation[1]).toBe(
      'Asserts: Syrian Observatory for Human Rights via News agencies (unnamed) (B), statement, +1.54. Rami Abdurrahman speaks for Syrian Observatory for Human Rights, graded B; track record 9 of 10 confirmed, 1 refuted: trust 0.70 → 0.79.',
    );
  });

  it('below three reviewed claims the record changes nothing: still possibly true (3), 0.7066', () => {
    const short = { ...rami, affiliations: [{ ...SOHR, record: { confirmed: 2, refuted: 0, reviewed: 2 } }] };
    const r = assessClaim({ attributions: [{ ...ramiSaysLeft, source: short }, governmentDenies] });
    expect(r).toEqual(assessClaim({ attributions: left }));
    expect(r.score).toBeCloseTo(0.7066, 4);
    expect(r.explanation.join(' ')).not.toContain('track record');
  });
});
