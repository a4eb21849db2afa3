import { AUDIT_ENTITIES } from '~/db/schema';
import { oneId, oneOf, type ParamRecord } from '../_components/search-params';

/** The activity feed's state, as it lives in the URL (?entity=&cursor=). The cursor is an event id. */
export function activityInput(p: ParamRecord) {
  return {
    entity: oneOf(p, 'entity', AUDIT_ENTITIES),
    cursor: oneId(p, 'cursor'),
    limit: 50,
  };
}
