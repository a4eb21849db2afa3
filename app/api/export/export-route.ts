import { appDb, sessionUser } from '~/server/context';
import { exportFilterFrom } from '~/server/export/export.schema';
import { exportClaims, type ExportedClaim } from '~/server/export/export.service';

/**
 * The claims export for signed-in desk members (any role: checkers see all of this already):
 * 401 signed out, 400 for a bad filter; otherwise `render` of the matching claims, as a download.
 */
export async function exportResponse(req: Request, file: string, type: string, render: (claims: ExportedClaim[]) => string) {
  if (!(await sessionUser(req.headers))) return Response.json({ error: { message: 'Sign in to export claims.' } }, { status: 401 });
  const filter = exportFilterFrom(new URL(req.url).searchParams);
  if (!filter.success) return Response.json({ error: { message: 'Unknown story or status filter.' } }, { status: 400 });
  const body = render(await exportClaims(appDb(), filter.data));
  return new Response(body, {
    headers: {
      'content-type': `${type}; charset=utf-8`,
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'private, no-store',
    },
  });
}
