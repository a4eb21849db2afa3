import { appDb } from '~/server/context';
import { publicDesk } from '~/server/publish/desk';
import { publishedClaim } from '~/server/publish/publish.service';

export const dynamic = 'force-dynamic';

/** A published claim's ClaimReview JSON-LD, for download (404 for a claim never reviewed). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const claim = await publishedClaim(appDb(), publicDesk(), Number((await params).id));
  if (!claim) return Response.json({ error: { message: 'No published review of this claim.' } }, { status: 404 });
  return new Response(JSON.stringify(claim.claimReview, null, 2), {
    headers: {
      'content-type': 'application/ld+json; charset=utf-8',
      'content-disposition': `inline; filename="claim-review-${claim.id}.json"`,
    },
  });
}
