import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ParamRecord } from '../../../_components/search-params';
import { graphInput, graphState } from '../../../_graph/params';
import { GraphView } from '../../../_graph/GraphView';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../_trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Claim graph' };

export default async function ClaimGraphPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<ParamRecord> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const home = { kind: 'claim' as const, id };
  await Promise.all([
    prefetch(trpc.claims.get.queryOptions({ id })),
    prefetch(trpc.graph.neighbourhood.queryOptions(graphInput(graphState(home, await searchParams)))),
  ]);
  const claim = getQueryClient().getQueryData(trpc.claims.get.queryKey({ id }));
  return (
    <HydrateClient>
      <GraphView
        home={home}
        basePath={`/claims/${id}/graph`}
        crumbs={[
          { href: '/claims', label: 'Claims' },
          { href: `/claims/${id}`, label: claim ? shorten(claim.text) : `Claim ${id}` },
        ]}
      />
    </HydrateClient>
  );
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
