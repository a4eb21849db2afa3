import { z } from 'zod';
import { id } from '../shared/fields';

/** Client-safe: the graph's vocabulary and the one input schema (shared by the URL parser and the procedure). */

export const NODE_KINDS = ['claim', 'source', 'document'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const FOCUS_KINDS = ['claim', 'source', 'document', 'story'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];

export const EDGE_KINDS = [
  'asserts',
  'denies',
  'reports',
  'relayed_via',
  'published_in',
  'contradicts',
  'supports',
  'duplicate_of',
  'part_of',
  'affiliated_with',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const EDGE_KIND_LABEL: Record<EdgeKind, string> = {
  asserts: 'asserts',
  denies: 'denies',
  reports: 'reports (no endorsement)',
  relayed_via: 'relayed via',
  published_in: 'published in / publisher of',
  contradicts: 'contradicts',
  supports: 'supports',
  duplicate_of: 'duplicate of',
  part_of: 'part of',
  affiliated_with: 'affiliated with',
};

export const GRAPH_DEPTH = { default: 2, max: 3 } as const;
export const GRAPH_LIMIT = { default: 150, max: 400 } as const;

export const neighbourhoodInput = z.object({
  focus: z.object({ kind: z.enum(FOCUS_KINDS), id }),
  depth: z.number().int().min(1).max(GRAPH_DEPTH.max).default(GRAPH_DEPTH.default),
  /** The edge kinds to walk and show; absent: all of them. */
  edgeKinds: z.array(z.enum(EDGE_KINDS)).max(EDGE_KINDS.length).optional(),
  /** The node cap: past it the walk stops and the answer says `truncated`. */
  limit: z.number().int().min(1).max(GRAPH_LIMIT.max).default(GRAPH_LIMIT.default),
});
export type NeighbourhoodInput = z.input<typeof neighbourhoodInput>;

/** A node's key in the answer: `claim:12`. */
export const nodeKey = (kind: NodeKind, id: number) => `${kind}:${id}`;

export function parseNodeKey(key: string): { kind: FocusKind; id: number } | null {
  const m = /^(claim|source|document|story):([1-9][0-9]{0,14})$/.exec(key);
  return m ? { kind: m[1] as FocusKind, id: Number(m[2]) } : null;
}
