import { appDb } from '~/server/context';
import { publicDesk } from '~/server/publish/desk';
import { publishedFeed } from '~/server/publish/publish.service';

export const dynamic = 'force-dynamic';

/** The desk-wide feed: every published claim's ClaimReview in one schema.org ItemList. */
export async function GET() {
  return new Response(JSON.stringify(await publishedFeed(appDb(), publicDesk()), null, 2), {
    headers: { 'content-type': 'application/ld+json; charset=utf-8' },
  });
}
