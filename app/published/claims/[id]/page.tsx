import { Container } from '@mantine/core';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { appDb } from '~/server/context';
import { jsonForScript } from '~/server/publish/claim-review';
import { publicDesk } from '~/server/publish/desk';
import { publishedClaim } from '~/server/publish/publish.service';
import { PublishedClaimView } from './PublishedClaimView';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const load = async (params: Props['params']) => publishedClaim(appDb(), publicDesk(), Number((await params).id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await load(params);
  return { title: claim ? `Fact check: ${claim.text.slice(0, 80)}` : 'Not found' };
}

/**
 * The public, read-only page of a reviewed claim (open signed out): the claim, the verdict and
 * its rationale, who said it and where, and the ClaimReview JSON-LD for search engines. A claim
 * never reviewed is not published: 404.
 */
export default async function PublishedClaimPage({ params }: Props) {
  const claim = await load(params);
  if (!claim) notFound();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <Container size="md" py="xl">
      <script
        type="application/ld+json"
        nonce={nonce}
        // Serialized with <, > and & escaped: stored text cannot close this element.
        dangerouslySetInnerHTML={{ __html: jsonForScript(claim.claimReview) }}
      />
      <PublishedClaimView claim={claim} deskName={publicDesk().name} />
    </Container>
  );
}
