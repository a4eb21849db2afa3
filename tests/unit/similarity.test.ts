import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentWords, similarity, stem } from '~/server/search/similarity';
import { markedParts, MARK_END, MARK_START, searchTerms } from '~/server/search/terms';

describe('similarity', () => {
  const departure = 'Bashar al-Assad has left Syria.';

  it('survives rewording', () => {
    expect(similarity('Assad has fled Syria', departure)).toBeGreaterThan(0.5);
    expect(similarity('Assad left Syria', departure)).toBeGreaterThan(0.8);
    expect(similarity('Rebels took Aleppo, Homs and Hama', 'Rebels captured the cities of Aleppo, Homs and Hama.')).toBeGreaterThan(0.6);
  });

  it('forgives spelling variants through trigrams', () => {
    expect(similarity('Rami Abdurrahman says Assad left', 'Rami Abdel Rahman says Assad left')).toBeGreaterThan(0.5);
  });

  it('scores unrelated claims low', () => {
    expect(similarity('Opposition forces entered Damascus on 8 December 2024.', departure)).toBeLessThan(0.1);
    expect(similarity('UN envoy Geir Pedersen urged talks in Syria', departure)).toBeLessThan(0.3);
  });

  it('is symmetric, bounded, and 1 for the same content words', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-9);
        expect(Math.abs(s - similarity(b, a))).toBeLessThan(1e-9);
      }),
    );
    expect(similarity(departure, 'the bashar ASSAD has left syria')).toBeCloseTo(1);
    expect(similarity('the of and', departure)).toBe(0);
  });

  it('drops stop words and strips light suffixes', () => {
    expect(contentWords('The claims were claimed by the claimant')).toEqual(['claim', 'claimant']);
    expect(stem('has')).toBe('has');
    expect(stem('leaving')).toBe('leav');
  });
});

describe('search terms', () => {
  it('keeps words only, lowercased and unique, and drops capitalised operators', () => {
    expect(searchTerms('"Assad" AND (syria OR damascus*) NEAR/2 -x ^y col:z assad')).toEqual(['assad', 'syria', 'damascus', '2', 'x', 'y', 'col', 'z']);
    expect(searchTerms('and or not')).toEqual(['and', 'or', 'not']);
    expect(searchTerms('"*()^:-')).toEqual([]);
    expect(searchTerms('Abdurrahmán al-Ḥasan')).toEqual(['abdurrahmán', 'al', 'ḥasan']);
  });

  it('never yields a quote or an operator character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const t of searchTerms(s)) expect(t).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u);
      }),
    );
  });

  it('splits a highlighted snippet into parts, ignoring stray markers', () => {
    expect(markedParts(`a ${MARK_START}b${MARK_END} c`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
    expect(markedParts(`x${MARK_END}y`)).toEqual([
      { text: 'x', match: false },
      { text: 'y', match: false },
    ]);
  });
});
