import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../_trpc/server';
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
  // A merged duplicate (archived, with a duplicate-of link) opens its canonical claim.
  const claim = getQueryClient().getQueryData(trpc.claims.get.queryKey({ id }));
  const canonical = claim?.status === 'archived' ? claim.links.find((l) => l.direction === 'out' && l.kind === 'duplicate_of') : undefined;
  if (canonical) redirect(`/claims/${canonical.otherId}?mergedFrom=${id}`);
  return (
    <HydrateClient>
      <ClaimView id={id} />
    </HydrateClient>
  );
}
