import type { EdgeKind, NodeKind } from '~/server/graph/graph.schema';

/**
 * How each kind of edge and node looks. Colour never carries meaning alone: every edge kind has
 * its own dash pattern and weight (shown in the legend with its name), every node kind its own
 * shape, icon and word.
 */

export interface EdgeStyle {
  color: string;
  width: number;
  /** SVG stroke-dasharray ('' for a solid line). */
  dash: string;
  /** Directed kinds end in an arrow; contradicts is symmetric. */
  arrow: boolean;
}

export const EDGE_STYLE: Record<EdgeKind, EdgeStyle> = {
  asserts: { color: '#087f5b', width: 2, dash: '', arrow: true },
  denies: { color: '#c92a2a', width: 2, dash: '8 4', arrow: true },
  reports: { color: '#495057', width: 2, dash: '2 4', arrow: true },
  relayed_via: { color: '#6741d9', width: 1.5, dash: '10 4 2 4', arrow: true },
  published_in: { color: '#1864ab', width: 1, dash: '', arrow: true },
  contradicts: { color: '#e03131', width: 3.5, dash: '12 5', arrow: false },
  supports: { color: '#2b8a3e', width: 3.5, dash: '', arrow: true },
  duplicate_of: { color: '#d9480f', width: 2, dash: '4 4', arrow: true },
  part_of: { color: '#364fc7', width: 2, dash: '1 4', arrow: true },
  affiliated_with: { color: '#862e9c', width: 1.5, dash: '6 3 1 3', arrow: true },
};

export interface NodeStyle {
  word: string;
  border: string;
  background: string;
  radius: string;
  borderStyle: 'solid' | 'double' | 'dashed';
}

export const NODE_STYLE: Record<NodeKind, NodeStyle> = {
  claim: { word: 'Claim', border: '#1864ab', background: '#e7f5ff', radius: '4px', borderStyle: 'solid' },
  source: { word: 'Source', border: '#5f3dc4', background: '#f3f0ff', radius: '999px', borderStyle: 'solid' },
  document: { word: 'Document', border: '#5c940d', background: '#f4fce3', radius: '0 14px 0 0', borderStyle: 'double' },
};

export const NODE_SIZE = { width: 200, height: 74 } as const;
