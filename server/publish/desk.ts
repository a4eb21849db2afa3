import { appBaseUrl } from '../auth/auth';
import type { Desk } from './claim-review';

/** The desk as it signs its published reviews: CORROBORATE_DESK_NAME, at the app's public address. */
export const publicDesk = (): Desk => ({ name: process.env.CORROBORATE_DESK_NAME?.trim() || 'Corroborate', baseUrl: appBaseUrl() });
