import { EDGE_KINDS, GRAPH_DEPTH, GRAPH_LIMIT, parseNodeKey, type EdgeKind, type FocusKind } from '~/server/graph/graph.schema';
import { one, toQueryString, type ParamRecord } from '../_components/search-params';

/**
 * The graph page's state as it lives in the URL (`?focus=claim:12&depth=2&kinds=asserts,denies`),
 * and the graph.neighbourhood input it stands for. One place, used by the server page and the
 * client view alike, so the prefetched query is the one the client asks for.
 */

export interface GraphState {
  focus: { kind: FocusKind; id: number };
  depth: number;
  /** null: every kind. */
  kinds: EdgeKind[] | null;
}

export function graphState(home: GraphState['focus'], p: ParamRecord): GraphState {
  const focus = parseNodeKey(one(p, 'focus') ?? '') ?? home;
  const d = Number(one(p, 'depth'));
  const depth = Number.isInteger(d) && d >= 1 && d <= GRAPH_DEPTH.max ? d : GRAPH_DEPTH.default;
  const raw = one(p, 'kinds');
  const kinds = raw == null ? null : EDGE_KINDS.filter((k) => raw === 'none' ? false : raw.split(',').includes(k));
  return { focus, depth, kinds: kinds && kinds.length === EDGE_KINDS.length ? null : kinds };
}

export function graphInput(s: GraphState) {
  return {
    focus: s.focus,
    depth: s.depth,
    limit: GRAPH_LIMIT.default,
    ...(s.kinds ? { edgeKinds: s.kinds } : {}),
  };
}

/** The query string for a state; the home focus and the defaults are left out. */
export function graphQuery(home: GraphState['focus'], s: GraphState): string {
  const isHome = s.focus.kind === home.kind && s.focus.id === home.id;
  return toQueryString({
    focus: isHome ? null : `${s.focus.kind}:${s.focus.id}`,
    depth: s.depth === GRAPH_DEPTH.default ? null : s.depth,
    kinds: s.kinds == null ? null : s.kinds.length ? s.kinds.join(',') : 'none',
  });
}
