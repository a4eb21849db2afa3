import { CLAIM_STATUSES, STANCES } from '~/server/shared/enums';
import { SEARCH_KINDS } from '~/server/search/search.schema';
import { one, oneId, oneOf, type ParamRecord } from '../_components/search-params';

const isoDay = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);

/** The search page's state, as it lives in the URL. */
export function searchPageInput(p: ParamRecord) {
  const kind = oneOf(p, 'kind', SEARCH_KINDS);
  const verdict = oneId(p, 'verdict');
  return {
    q: (one(p, 'q') ?? '').slice(0, 200),
    kind,
    storyId: oneId(p, 'story'),
    status: oneOf(p, 'status', CLAIM_STATUSES),
    verdict: verdict && verdict <= 6 ? verdict : null,
    sourceId: oneId(p, 'source'),
    stance: oneOf(p, 'stance', STANCES),
    from: isoDay(one(p, 'from')),
    to: isoDay(one(p, 'to')),
    // One kind: a longer list of it; every kind: the best few of each.
    limit: kind ? 50 : 10,
  };
}
