import { RELIABILITY_GRADES, SOURCE_KINDS } from '~/server/shared/enums';
import { SOURCE_SORTS } from '~/server/sources/sources.schema';
import { one, oneOf, type ParamRecord } from '../_components/search-params';

/** The sources list's state, as it lives in the URL (?q=&kind=&grade=&sort=&cursor=). */
export function sourceListInput(p: ParamRecord) {
  return {
    q: one(p, 'q') ?? '',
    kind: oneOf(p, 'kind', SOURCE_KINDS),
    reliability: oneOf(p, 'grade', RELIABILITY_GRADES),
    sort: oneOf(p, 'sort', SOURCE_SORTS) ?? 'name',
    cursor: one(p, 'cursor') ?? null,
    limit: 25,
  };
}
