import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HydrateClient, prefetch, trpc } from '../../_trpc/server';
import { SourceView } from './SourceView';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Source' };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await prefetch(trpc.sources.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <SourceView id={id} />
    </HydrateClient>
  );
}
