import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '~/db/schema';
import type { SearchKind, searchInput, similarClaimsInput } from './search.schema';
import * as q from './search.sqlite';
import { contentWords, similarity } from './similarity';
import { searchTerms } from './terms';

type DB = Kysely<Database>;

const EMPTY = { claim: [], source: [], document: [], quote: [] };

/**
 * The one search: claims, sources, documents and quotes, each ranked by relevance. Every word
 * typed is a prefix ("assa syr" finds "Assad … Syria"), and every word must match; when no
 * result has them all, results with any of them are shown instead (`matched: 'any'`), best
 * first. Input that holds no word (only punctuation or query syntax) finds nothing.
 */
export async function search(db: DB, input: z.output<typeof searchInput>) {
  const terms = searchTerms(input.q);
  const { q: _q, kind, limit, ...filters } = input;
  if (!terms.length) return { terms, matched: 'all' as const, total: 0, groups: { ...EMPTY } };
  const run = async (mode: q.MatchMode) => {
    const match = q.ftsQuery(terms, mode);
    const want = (k: SearchKind) => kind == null || kind === k;
    const [claim, source, document, quote] = await Promise.all([
      want('claim') ? q.searchClaims(db, match, filters, limit) : [],
      want('source') ? q.searchSources(db, match, filters, limit) : [],
      want('document') ? q.searchDocuments(db, match, filters, limit) : [],
      want('quote') ? q.searchQuotes(db, match, filters, limit) : [],
    ]);
    return { claim, source, document, quote };
  };
  const count = (g: Awaited<ReturnType<typeof run>>) => g.claim.length + g.source.length + g.document.length + g.quote.length;
  let matched: q.MatchMode = 'all';
  let groups = await run('all');
  if (count(groups) === 0 && terms.length > 1) {
    matched = 'any';
    groups = await run('any');
  }
  return { terms, matched, total: count(groups), groups };
}

/** How many candidates the index offers for re-ranking, and the least similarity worth showing. */
const CANDIDATES = 50;
const MIN_SIMILARITY = 0.3;

/**
 * Existing claims most like a draft, for "this may already be logged". The index supplies
 * candidates sharing any content word (each cut to a 5-letter prefix, so "Syrian" meets
 * "Syria"); `similarity` decides, with a little weight on the index's own rank.
 */
export async function similarClaims(db: DB, input: z.output<typeof similarClaimsInput>) {
  const words = contentWords(input.text);
  if (!words.length) return [];
  const prefixes = [...new Set(words.map((w) => w.slice(0, 5)))];
  const candidates = await q.claimCandidates(db, q.ftsQuery(prefixes, 'any'), input.excludeId, CANDIDATES);
  const best = candidates[0]?.rank ?? 0; // bm25: more negative is better
  return candidates
    .map(({ rank, ...c }) => {
      const textScore = similarity(input.text, c.text);
      const lexical = best < 0 ? rank / best : 0;
      return { ...c, similarity: textScore, score: 0.85 * textScore + 0.15 * lexical };
    })
    .filter((c) => c.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, input.limit);
}
