import dagre from '@dagrejs/dagre';
import { NODE_SIZE } from './styles';

/**
 * Automatic layout (dagre, left to right): sources on the left, the claims they speak to in the
 * middle, the documents claims were seen in on the right. Returns each node's top-left corner.
 */
export function layOut(nodes: { id: string }[], edges: { source: string; target: string }[]): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 12, edgesep: 6, ranksep: 64, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_SIZE.width, height: NODE_SIZE.height });
  edges.forEach((e, i) => g.setEdge(e.source, e.target, {}, String(i)));
  dagre.layout(g);
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = g.node(n.id);
    out.set(n.id, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 });
  }
  return out;
}
