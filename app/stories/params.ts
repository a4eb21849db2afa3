import { one, type ParamRecord } from '../_components/search-params';

/** The claims of a story as the story page lists them: the claims list's input, pinned to the story. */
export function storyClaimsInput(storyId: number, p: ParamRecord) {
  return {
    q: '',
    storyId,
    status: null,
    sourceId: null,
    stance: null,
    sort: 'newest' as const,
    cursor: one(p, 'cursor') ?? null,
    limit: 25,
  };
}
