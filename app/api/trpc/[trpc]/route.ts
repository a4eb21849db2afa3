import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '~/server/context';
import { appRouter } from '~/server/root';

/**
 * Writes come only as POST with a JSON body from our own origin: a cross-site form or a
 * page elsewhere cannot send them (tRPC itself refuses mutations over GET).
 */
function refuseCrossSite(req: Request): Response | null {
  if (req.method !== 'POST') return null;
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json'))
    return Response.json({ error: { message: 'Changes must be sent as JSON.' } }, { status: 415 });
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (origin && (!host || new URL(origin).host !== host))
    return Response.json({ error: { message: 'Changes are accepted only from this site.' } }, { status: 403 });
  if (req.headers.get('sec-fetch-site') === 'cross-site')
    return Response.json({ error: { message: 'Changes are accepted only from this site.' } }, { status: 403 });
  return null;
}

const handler = (req: Request) =>
  refuseCrossSite(req) ??
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    onError({ error, path }) {
      // Expected errors (validation, not found, conflicts, permissions) reach the user; log only the unexpected.
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
