'use client';

import { Alert, Anchor, Box, Button, Card, Checkbox, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconExternalLink, IconFileText, IconMessage2, IconUser } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';
import { EDGE_KINDS, EDGE_KIND_LABEL, GRAPH_LIMIT, parseNodeKey, type EdgeKind } from '~/server/graph/graph.schema';
import { PageHeader } from '../_components/PageHeader';
import { fromURLSearchParams } from '../_components/search-params';
import { useTRPC } from '../_trpc/react';
import { GraphCanvas, nodeDetail, type GraphData, type GraphNodeData } from './GraphCanvas';
import { graphInput, graphQuery, graphState, type GraphState } from './params';
import { EDGE_STYLE, NODE_STYLE } from './styles';

const NODE_ICON = { claim: IconMessage2, source: IconUser, document: IconFileText } as const;
const PAGE_OF = { claim: '/claims', source: '/sources', document: '/documents', story: '/stories' } as const;

/** The entity page of a node or focus key (`claim:12` → /claims/12). */
const pageOf = (key: string) => {
  const k = parseNodeKey(key);
  return k ? `${PAGE_OF[k.kind]}/${k.id}` : '/';
};

function EdgeSample({ kind }: { kind: EdgeKind }) {
  const s = EDGE_STYLE[kind];
  return (
    <svg width="44" height="12" aria-hidden style={{ flex: 'none' }}>
      <line x1="2" y1="6" x2={s.arrow ? 34 : 42} y2="6" stroke={s.color} strokeWidth={s.width} strokeDasharray={s.dash || undefined} />
      {s.arrow && <polygon points="34,1 42,6 34,11" fill={s.color} />}
    </svg>
  );
}

/** Edge kinds as checkboxes, each with its line style and name: the filter is the legend. */
function EdgeFilter({ kinds, counts, onChange }: { kinds: EdgeKind[] | null; counts: Map<EdgeKind, number>; onChange: (k: EdgeKind[] | null) => void }) {
  const on = new Set(kinds ?? EDGE_KINDS);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
        Edges to show and follow
      </Text>
      <Group gap="md" style={{ rowGap: 6 }}>
        {EDGE_KINDS.map((k) => (
          <Checkbox
            key={k}
            size="xs"
            checked={on.has(k)}
            onChange={(e) => {
              const next = EDGE_KINDS.filter((x) => (x === k ? e.currentTarget.checked : on.has(x)));
              onChange(next.length === EDGE_KINDS.length ? null : next);
            }}
            label={
              <Group gap={6} wrap="nowrap">
                <EdgeSample kind={k} />
                <span>
                  {EDGE_KIND_LABEL[k]}
                  {on.has(k) ? <Text span size="xs" c="dimmed"> ({counts.get(k) ?? 0})</Text> : null}
                </span>
              </Group>
            }
          />
        ))}
      </Group>
    </fieldset>
  );
}

function NodeLegend() {
  return (
    <Group gap="md" aria-label="Node shapes">
      {(['claim', 'source', 'document'] as const).map((k) => {
        const s = NODE_STYLE[k];
        const Icon = NODE_ICON[k];
        return (
          <Group key={k} gap={6} wrap="nowrap">
            <span
              aria-hidden
              style={{ display: 'inline-block', width: 30, height: 16, background: s.background, border: `3px ${s.borderStyle} ${s.border}`, borderRadius: s.radius }}
            />
            <Icon size={14} aria-hidden />
            <Text size="sm">{s.word}</Text>
          </Group>
        );
      })}
    </Group>
  );
}

/** Every node of the graph as a list of links: the keyboard and screen-reader way through it. */
function NeighbourList({ data, href }: { data: GraphData; href: (key: string) => string }) {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const toFocus = (n: GraphNodeData) =>
    data.edges
      .filter((e) => (e.source === n.id && e.target === data.focus.key) || (e.target === n.id && e.source === data.focus.key))
      .map((e) => (e.source === n.id ? EDGE_KIND_LABEL[e.kind] : `${EDGE_KIND_LABEL[e.kind]} (from focus)`));
  const others = data.nodes.filter((n) => n.id !== data.focus.key);
  return (
    <nav aria-label="Nodes in the graph">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
        Nodes ({data.nodes.length})
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {others.map((n) => {
          const Icon = NODE_ICON[n.kind];
          const rel = toFocus(n);
          return (
            <li key={n.id}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Icon size={14} aria-label={NODE_STYLE[n.kind].word} style={{ flex: 'none', marginTop: 3 }} />
                <Box style={{ minWidth: 0 }}>
                  <Anchor component={Link} href={href(n.id)} scroll={false} size="sm" lineClamp={2} title={`Centre the graph on ${n.label}`}>
                    {n.label}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[n.depth === 0 ? 'in the story' : `${n.depth} ${n.depth === 1 ? 'hop' : 'hops'}`, rel.join(', '), nodeDetail(n)].filter(Boolean).join(' · ')}{' '}
                    <Anchor component={Link} href={pageOf(n.id)} size="xs" aria-label={`Open the page of ${n.label}`}>
                      details
                    </Anchor>
                  </Text>
                </Box>
              </Group>
            </li>
          );
        })}
      </SimpleGrid>
      {byId.size === 1 && (
        <Text size="sm" c="dimmed">
          Nothing is connected to it through the edge kinds shown.
        </Text>
      )}
    </nav>
  );
}

/**
 * The claim graph around a focus (a claim, source, document or story): the focus, depth and edge
 * kinds live in the URL, so a view can be shared. `home` is the page's own focus.
 */
export function GraphView({ home, basePath, crumbs }: { home: GraphState['focus']; basePath: string; crumbs: { href: string; label: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const state = graphState(home, fromURLSearchParams(params));
  const { data } = useSuspenseQuery(trpc.graph.neighbourhood.queryOptions(graphInput(state)));
  // The controls answer at once; the graph follows when the new neighbourhood has loaded.
  const [shown, setShown] = useOptimistic(state);

  const href = (next: Partial<GraphState>) => `${basePath}${graphQuery(home, { ...state, ...next })}`;
  const go = (next: Partial<GraphState>) =>
    startTransition(() => {
      setShown({ ...state, ...next });
      router.push(href(next), { scroll: false });
    });
  const refocus = (key: string) => {
    const focus = parseNodeKey(key);
    if (focus) go({ focus });
  };
  const counts = new Map<EdgeKind, number>();
  for (const e of data.edges) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const isHome = state.focus.kind === home.kind && state.focus.id === home.id;

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <>
            Graph: <span style={{ fontWeight: 500 }}>{data.focus.label}</span>
          </>
        }
        actions={
          <>
            {!isHome && (
              <Button variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => go({ focus: home })}>
                Back to the {home.kind}
              </Button>
            )}
            <Button variant="default" component={Link} href={pageOf(data.focus.key)} leftSection={<IconExternalLink size={14} aria-hidden />}>
              Open {data.focus.kind} page
            </Button>
          </>
        }
        subtitle={
          <Group gap="lg">
            <span>
              {data.nodes.length} nodes · {data.edges.length} edges · up to {state.depth} {state.depth === 1 ? 'hop' : 'hops'} from the{' '}
              {data.focus.kind}
            </span>
            {pending && <Loader size="xs" aria-label="Loading the graph" />}
          </Group>
        }
      />
      {data.truncated && (
        <Alert color="yellow" mb="sm" title="Graph truncated" role="status">
          More than {GRAPH_LIMIT.default} nodes are in reach; the {data.nodes.length} nearest are shown. Follow fewer edge kinds or fewer hops
          to see the rest, or centre the graph on a node further out.
        </Alert>
      )}
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <NodeLegend />
          <Group gap={8}>
            <Text size="sm" id="graph-depth-label">
              Hops
            </Text>
            <SegmentedControl size="xs" aria-labelledby="graph-depth-label" value={String(shown.depth)} onChange={(v) => go({ depth: Number(v) })} data={['1', '2', '3']} />
          </Group>
        </Group>
        <Card withBorder padding="xs">
          <EdgeFilter kinds={shown.kinds} counts={counts} onChange={(kinds) => go({ kinds })} />
        </Card>
        <Card withBorder padding={0} style={{ height: 'min(78vh, 880px)', minHeight: 440 }} aria-label="Graph" component="section">
          <GraphCanvas key={`${data.focus.key}|${state.depth}|${state.kinds?.join(',') ?? 'all'}`} data={data} onRefocus={refocus} />
        </Card>
        <Text size="xs" c="dimmed">
          Click a node, or Tab to it and press Enter, to centre the graph on it. Drag to pan; scroll or use the buttons to zoom.
        </Text>
        <Card withBorder padding="sm">
          <NeighbourList data={data} href={(key) => href({ focus: parseNodeKey(key)! })} />
        </Card>
      </Stack>
    </>
  );
}
