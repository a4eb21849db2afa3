import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ClaimStatus, Database, DocumentKind, ReliabilityGrade, SourceKind } from '~/db/schema';
import { notFound } from '../errors';
import { getStory } from '../stories/stories.queries';
import { found } from '../shared/versioned';
import * as q from './graph.queries';
import { EDGE_KINDS, nodeKey, type EdgeKind, type NodeKind, type neighbourhoodInput } from './graph.schema';

export interface GraphNode {
  /** `claim:12`, `source:3`, `document:7`. */
  id: string;
  kind: NodeKind;
  label: string;
  /** Hops from the focus (0: the focus, or one of the story's claims). */
  depth: number;
  /** Sources: reliability grade A–F and kind. */
  grade?: ReliabilityGrade;
  sourceKind?: SourceKind;
  /** Claims: status and current verdict (1–6, null when not reviewed). */
  status?: ClaimStatus;
  verdict?: number | null;
  /** Documents: kind and address. */
  documentKind?: DocumentKind;
  url?: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
}

export interface Neighbourhood {
  focus: { kind: 'claim' | 'source' | 'document' | 'story'; id: number; key: string; label: string };
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** More nodes were in reach than the node cap: the nearest `limit` are shown. */
  truncated: boolean;
}

/**
 * The graph around a claim, source, document or story: every node within `depth` hops over the
 * wanted edge kinds (a story starts from its claims), at most `limit` of them, and every edge of
 * those kinds between them. A fixed number of queries whatever the size: the walk, the edges,
 * one label query per node kind (and the story, for a story).
 */
export async function neighbourhood(db: Kysely<Database>, input: z.output<typeof neighbourhoodInput>): Promise<Neighbourhood> {
  const { focus, depth, limit } = input;
  const kinds = input.edgeKinds ?? EDGE_KINDS;
  const story = focus.kind === 'story' ? found('story', focus.id, await getStory(db, focus.id)) : null;

  const walked = await q.walk(db, { focus, depth, kinds, limit });
  const truncated = walked.length > limit;
  const kept = walked.slice(0, limit);
  const ids: Record<NodeKind, number[]> = { claim: [], source: [], document: [] };
  for (const n of kept) ids[n.kind].push(n.id);

  const [claims, sources, documents, edges] = await Promise.all([
    q.claimLabels(db, ids.claim),
    q.sourceLabels(db, ids.source),
    q.documentLabels(db, ids.document),
    q.edgesBetween(db, ids, kinds),
  ]);
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const documentById = new Map(documents.map((d) => [d.id, d]));

  const nodes: GraphNode[] = [];
  for (const n of kept) {
    const key = nodeKey(n.kind, n.id);
    const depthOf = Number(n.depth);
    if (n.kind === 'claim') {
      const c = claimById.get(n.id);
      if (c) nodes.push({ id: key, kind: 'claim', label: c.text, depth: depthOf, status: c.status, verdict: c.verdict });
    } else if (n.kind === 'source') {
      const s = sourceById.get(n.id);
      if (s) nodes.push({ id: key, kind: 'source', label: s.name, depth: depthOf, grade: s.reliability, sourceKind: s.kind });
    } else {
      const d = documentById.get(n.id);
      if (d) nodes.push({ id: key, kind: 'document', label: d.title, depth: depthOf, documentKind: d.kind, url: d.url });
    }
  }

  let label: string;
  if (story) label = story.title;
  else {
    const focusNode = nodes.find((n) => n.depth === 0);
    if (!focusNode) throw notFound(focus.kind, focus.id);
    label = focusNode.label;
  }

  return {
    focus: { ...focus, key: `${focus.kind}:${focus.id}`, label },
    nodes,
    edges: edges.map((e) => ({ source: nodeKey(e.srcKind, e.src), target: nodeKey(e.dstKind, e.dst), kind: e.kind })),
    truncated,
  };
}
