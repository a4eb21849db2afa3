import { claimsCsv } from '~/server/export/export.service';
import { exportResponse } from '../export-route';

export const dynamic = 'force-dynamic';

export const GET = (req: Request) => exportResponse(req, 'claims.csv', 'text/csv', claimsCsv);
