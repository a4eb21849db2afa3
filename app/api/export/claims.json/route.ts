import { exportResponse } from '../export-route';

export const dynamic = 'force-dynamic';

export const GET = (req: Request) => exportResponse(req, 'claims.json', 'application/json', (claims) => JSON.stringify({ claims }, null, 2));
