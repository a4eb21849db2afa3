import { AUDIT_ENTITIES } from '~/db/schema';
import { one, oneId, oneOf, type ParamRecord } from '../_components/search-params';

const day = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);

/** The activity feed's state, as it lives in the URL (?entity=&person=&from=&to=&cursor=). The cursor is an event id. */
export function activityInput(p: ParamRecord) {
  return {
    entity: oneOf(p, 'entity', AUDIT_ENTITIES),
    actorId: one(p, 'person') ?? null,
    from: day(one(p, 'from')),
    to: day(one(p, 'to')),
    cursor: oneId(p, 'cursor'),
    limit: 50,
  };
}
