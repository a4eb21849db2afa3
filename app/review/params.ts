import { QUEUE_SORTS } from '~/server/reviews/reviews.schema';
import { oneId, oneOf, one, type ParamRecord } from '../_components/search-params';

/** The review queue's state, as it lives in the URL. */
export function reviewQueueParams(p: ParamRecord) {
  const page = Number(one(p, 'page'));
  return {
    storyId: oneId(p, 'story'),
    sort: oneOf(p, 'sort', QUEUE_SORTS) ?? 'attention',
    page: Number.isInteger(page) && page > 0 && page <= 10_000 ? page : 1,
    limit: 25,
  };
}
