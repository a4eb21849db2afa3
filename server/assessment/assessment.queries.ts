import { sql, type Kysely } from 'kysely';
import type { Database } from '~/db/schema';
import { inList } from '../shared/in-list';

/*
 * The evidence of a set of claims, in a fixed number of queries however many claims,
 * attributions or affiliations there are: links, attributions, affiliation chains, and the
 * sources' track records (`verdictsOfSourceClaims` in server/sources/sources.queries.ts).
 */


/** Links that weigh in the assessment (contradicts, supports), touching any of `claimIds`, either end. */
export const assessedLinksOf = (db: Kysely<Database>, claimIds: readonly number[]) =>
  db
    .selectFrom('claimLink')
    .innerJoin('claim as fromClaim', 'fromClaim.id', 'claimLink.fromClaimId')
    .innerJoin('claim as toClaim', 'toClaim.id', 'claimLink.toClaimId')
    .select([
      'claimLink.fromClaimId',
      'claimLink.toClaimId',
      'claimLink.kind',
      'fromClaim.text as fromText',
      'toClaim.text as toText',
    ])
    .where('claimLink.kind', 'in', ['contradicts', 'supports'])
    .where((eb) => eb.or([eb('claimLink.fromClaimId', 'in', inList(claimIds)), eb('claimLink.toClaimId', 'in', inList(claimIds))]))
    .orderBy('claimLink.id')
    .execute();

/** Every attribution of `claimIds` with its speaker and relay (grade and kind), and its claim's verdict. */
export const evidenceAttributionsOf = (db: Kysely<Database>, claimIds: readonly number[]) =>
  db
    .selectFrom('attribution')
    .innerJoin('claim', 'claim.id', 'attribution.claimId')
    .innerJoin('source', 'source.id', 'attribution.sourceId')
    .leftJoin('source as via', 'via.id', 'attribution.viaSourceId')
    .select([
      'attribution.id',
      'attribution.claimId',
      'attribution.stance',
      'attribution.evidenceKind',
      'attribution.updatedAt',
      'claim.verdict as claimVerdict',
      'source.id as sourceId',
      'source.name as sourceName',
      'source.kind as sourceKind',
      'source.reliability as sourceReliability',
      'via.id as viaId',
      'via.name as viaName',
      'via.kind as viaKind',
      'via.reliability as viaReliability',
    ])
    .where('attribution.claimId', 'in', inList(claimIds))
    .orderBy('attribution.id')
    .execute();

/**
 * The affiliation chains of many sources in one recursive query: for each start source, every
 * source above it with its depth (1 = the direct affiliation). Bounded at depth 20, like
 * `affiliationChain` in server/sources/sources.queries.ts.
 */
export const affiliationChainsOf = (db: Kysely<Database>, sourceIds: readonly number[]) =>
  db
    .withRecursive('chain(startId, id, depth)', (qb) =>
      qb
        .selectFrom('source')
        .select(['source.id as startId', 'source.affiliationId as id', sql<number>`1`.as('depth')])
        .where('source.id', 'in', inList(sourceIds))
        .where('source.affiliationId', 'is not', null)
        .unionAll((u) =>
          u
            .selectFrom('source')
            .innerJoin('chain', 'chain.id', 'source.id')
            .select(['chain.startId', 'source.affiliationId as id', sql<number>`chain.depth + 1`.as('depth')])
            .where('source.affiliationId', 'is not', null)
            .where('chain.depth', '<', 20),
        ),
    )
    .selectFrom('chain')
    .innerJoin('source', 'source.id', 'chain.id')
    .select(['chain.startId', 'chain.depth', 'source.id', 'source.name', 'source.reliability'])
    .orderBy('chain.startId')
    .orderBy('chain.depth')
    .execute();
