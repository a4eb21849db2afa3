import { describe, expect, it } from 'vitest';
import { graphInput, graphQuery, graphState } from '~/app/_graph/params';
import { neighbourhoodInput } from '~/server/graph/graph.schema';

const home = { kind: 'claim' as const, id: 12 };

describe('graph URL state', () => {
  it('defaults to the page’s own focus, two hops, every edge kind, and leaves them out of the URL', () => {
    const s = graphState(home, {});
    expect(s).toEqual({ focus: home, depth: 2, kinds: null });
    expect(graphQuery(home, s)).toBe('');
    expect(graphInput(s)).toEqual({ focus: home, depth: 2, limit: 150 });
  });

  it('round-trips a refocused, filtered view', () => {
    const s = { focus: { kind: 'source' as const, id: 3 }, depth: 3, kinds: ['asserts' as const, 'denies' as const] };
    const q = graphQuery(home, s);
    expect(q).toBe('?focus=source%3A3&depth=3&kinds=asserts%2Cdenies');
    expect(graphState(home, Object.fromEntries(new URLSearchParams(q)))).toEqual(s);
    expect(neighbourhoodInput.parse(graphInput(s))).toEqual({ focus: s.focus, depth: 3, limit: 150, edgeKinds: ['asserts', 'denies'] });
    // No kind at all is a state of its own, not "every kind".
    expect(graphState(home, { kinds: 'none' }).kinds).toEqual([]);
    expect(graphQuery(home, { ...s, kinds: [] })).toContain('kinds=none');
  });

  it('ignores what it cannot read: bad focus, depth out of range, unknown kinds', () => {
    expect(graphState(home, { focus: 'claim:0', depth: '9', kinds: 'bogus,asserts' })).toEqual({ focus: home, depth: 2, kinds: ['asserts'] });
    expect(graphState(home, { focus: 'user:1', depth: '0' })).toEqual({ focus: home, depth: 2, kinds: null });
    expect(graphState(home, { focus: 'story:99999999999999999999' }).focus).toEqual(home);
    expect(graphState(home, { focus: 'document:7', depth: '1' })).toEqual({ focus: { kind: 'document', id: 7 }, depth: 1, kinds: null });
  });
});
