import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ParamRecord } from '../../../_components/search-params';
import { graphInput, graphState } from '../../../_graph/params';
import { GraphView } from '../../../_graph/GraphView';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../_trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Story graph' };

export default async function StoryGraphPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<ParamRecord> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const home = { kind: 'story' as const, id };
  await Promise.all([
    prefetch(trpc.stories.get.queryOptions({ id })),
    prefetch(trpc.graph.neighbourhood.queryOptions(graphInput(graphState(home, await searchParams)))),
  ]);
  const story = getQueryClient().getQueryData(trpc.stories.get.queryKey({ id }));
  return (
    <HydrateClient>
      <GraphView
        home={home}
        basePath={`/stories/${id}/graph`}
        crumbs={[
          { href: '/stories', label: 'Stories' },
          { href: `/stories/${id}`, label: story?.title ?? `Story ${id}` },
        ]}
      />
    </HydrateClient>
  );
}
