import { one, oneId, type ParamRecord } from '../_components/search-params';

/** The documents list's state, as it lives in the URL (?q=&publisher=&cursor=). */
export function documentListInput(p: ParamRecord) {
  return {
    q: one(p, 'q') ?? '',
    publisherId: oneId(p, 'publisher'),
    cursor: one(p, 'cursor') ?? null,
    limit: 25,
  };
}
