import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HydrateClient, prefetch, trpc } from '../../_trpc/server';
import { ClaimView } from './ClaimView';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Claim' };

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await Promise.all([
    prefetch(trpc.claims.get.queryOptions({ id })),
    prefetch(trpc.claims.assessment.queryOptions({ id })),
    prefetch(trpc.reviews.list.queryOptions({ claimId: id })),
    prefetch(trpc.stories.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <ClaimView id={id} />
    </HydrateClient>
  );
}
