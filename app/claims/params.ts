import { CLAIM_STATUSES, STANCES } from '~/server/shared/enums';
import { CLAIM_SORTS } from '~/server/claims/claims.schema';
import { one, oneId, oneOf, type ParamRecord } from '../_components/search-params';

/** The claims list's state, as it lives in the URL. */
export function claimListInput(p: ParamRecord) {
  return {
    q: one(p, 'q') ?? '',
    storyId: oneId(p, 'story'),
    status: oneOf(p, 'status', CLAIM_STATUSES),
    sourceId: oneId(p, 'source'),
    stance: oneOf(p, 'stance', STANCES),
    sort: oneOf(p, 'sort', CLAIM_SORTS) ?? 'newest',
    cursor: one(p, 'cursor') ?? null,
    limit: 25,
  };
}
