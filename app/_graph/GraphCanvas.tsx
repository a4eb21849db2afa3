'use client';

import '@xyflow/react/dist/style.css';

import { IconFileText, IconMessage2, IconUser } from '@tabler/icons-react';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { useMemo } from 'react';
import { GRADE_LABEL, STATUS_LABEL, VERDICT_LABEL } from '~/server/shared/enums';
import { EDGE_KIND_LABEL } from '~/server/graph/graph.schema';
import type { RouterOutputs } from '~/server/root';
import { layOut } from './layout';
import { EDGE_STYLE, NODE_SIZE, NODE_STYLE } from './styles';

export type GraphData = RouterOutputs['graph']['neighbourhood'];
export type GraphNodeData = GraphData['nodes'][number];

type EntityNode = Node<{ node: GraphNodeData; isFocus: boolean; inStory: boolean }, 'entity'>;

const ICON = { claim: IconMessage2, source: IconUser, document: IconFileText } as const;

/** What a node says about itself besides its label: the source's grade, the claim's verdict or status. */
export function nodeDetail(n: GraphNodeData, short = false): string {
  if (n.kind === 'source') return n.grade ? (short ? `grade ${n.grade}` : `grade ${n.grade}, ${GRADE_LABEL[n.grade].toLowerCase()}`) : '';
  if (n.kind === 'claim') {
    if (n.verdict != null) return short ? `verdict ${n.verdict}` : `verdict ${n.verdict}, ${VERDICT_LABEL[n.verdict as keyof typeof VERDICT_LABEL].toLowerCase()}`;
    return n.status ? STATUS_LABEL[n.status].toLowerCase() : '';
  }
  return n.documentKind ?? '';
}

function EntityNodeView({ data }: NodeProps<EntityNode>) {
  const { node, isFocus, inStory } = data;
  const s = NODE_STYLE[node.kind];
  const Icon = ICON[node.kind];
  const detail = nodeDetail(node, true);
  return (
    <div
      title={node.label}
      style={{
        width: NODE_SIZE.width,
        height: NODE_SIZE.height,
        boxSizing: 'border-box',
        padding: node.kind === 'source' ? '6px 16px' : '5px 9px',
        background: s.background,
        border: `${isFocus ? 4 : 3}px ${s.borderStyle} ${isFocus ? '#212529' : s.border}`,
        borderRadius: s.radius,
        boxShadow: isFocus ? '0 0 0 3px #ffd43b' : undefined,
        color: '#212529',
        fontSize: 13,
        lineHeight: 1.28,
        overflow: 'hidden',
        cursor: 'pointer',
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={{ opacity: 0 }} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 4, fontSize: 10.5, fontWeight: 600, color: '#495057', textTransform: 'uppercase', letterSpacing: 0.3 }}>
        <Icon size={12} aria-hidden style={{ flex: 'none' }} />
        <span>{isFocus ? `${s.word} · focus` : inStory ? `${s.word} · in story` : s.word}</span>
        {detail && <span style={{ fontWeight: 500, textTransform: 'none', marginLeft: 'auto', whiteSpace: 'nowrap' }}>{detail}</span>}
      </div>
      <div style={{ fontWeight: 600, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}>
        {node.label}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} style={{ opacity: 0 }} />
    </div>
  );
}

const nodeTypes = { entity: EntityNodeView };

/**
 * The neighbourhood drawn with React Flow, laid out by dagre. Click a node, or focus it with Tab
 * and press Enter, to refocus the graph on it.
 */
export function GraphCanvas({ data, onRefocus }: { data: GraphData; onRefocus: (id: string) => void }) {
  const { nodes, edges } = useMemo(() => {
    const at = layOut(data.nodes, data.edges);
    const nodes: EntityNode[] = data.nodes.map((n) => ({
      id: n.id,
      type: 'entity',
      position: at.get(n.id)!,
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      data: { node: n, isFocus: n.id === data.focus.key, inStory: data.focus.kind === 'story' && n.depth === 0 },
      ariaLabel: `${NODE_STYLE[n.kind].word}: ${n.label}${nodeDetail(n) ? ` (${nodeDetail(n)})` : ''}. Press Enter to centre the graph on it.`,
      connectable: false,
    }));
    const edges: Edge[] = data.edges.map((e) => {
      const s = EDGE_STYLE[e.kind];
      return {
        id: `${e.kind}:${e.source}->${e.target}`,
        source: e.source,
        target: e.target,
        ariaLabel: EDGE_KIND_LABEL[e.kind],
        style: { stroke: s.color, strokeWidth: s.width, strokeDasharray: s.dash || undefined },
        markerEnd: s.arrow ? { type: MarkerType.ArrowClosed, color: s.color, width: 16, height: 16 } : undefined,
        focusable: false,
        data: { kind: e.kind },
      };
    });
    return { nodes, edges };
  }, [data]);

  return (
    <div
      style={{ width: '100%', height: '100%' }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
        const id = el?.dataset.id;
        if (id) {
          e.preventDefault();
          onRefocus(id);
        }
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, n) => onRefocus(n.id)}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        fitView
        fitViewOptions={{ padding: 0.05, maxZoom: 1.25 }}
        minZoom={0.15}
        maxZoom={2}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to centre the graph on this node; use the list beside the graph for every neighbour.' }}
      >
        <Background gap={24} color="#e9ecef" />
        <Controls showInteractive={false} position="top-right" />
      </ReactFlow>
    </div>
  );
}
