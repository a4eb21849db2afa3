import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HydrateClient, prefetch, trpc } from '../../_trpc/server';
import { DocumentView } from './DocumentView';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Document' };

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await prefetch(trpc.documents.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <DocumentView id={id} />
    </HydrateClient>
  );
}
