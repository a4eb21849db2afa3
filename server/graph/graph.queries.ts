import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '~/db/schema';
import { LINK_KINDS, STANCES } from '~/db/schema';
import type { EdgeKind, FocusKind, NodeKind } from './graph.schema';
import { inList } from '../shared/in-list';

/**
 * The claim graph's SQL. Every edge of the graph comes from one row of one table, described once
 * in EDGES; the walk (a recursive CTE, both directions of every edge) and the edge load (every
 * edge between the nodes found) are both generated from it, so they cannot disagree.
 *
 * SQLite-only, and kept here: several recursive SELECTs in one CTE, ORDER BY/LIMIT on the
 * recursive CTE (a breadth-first walk that stops after a number of rows), json_each for id sets.
 */

type Table = 'attribution' | 'document' | 'claimLink' | 'source';
interface EdgeSpec {
  table: Table;
  src: readonly [NodeKind, string];
  dst: readonly [NodeKind, string];
  /** A fixed kind, or the column that holds the kind and the kinds it may hold. */
  kind: EdgeKind | { column: string; kinds: readonly EdgeKind[] };
}

export const EDGES: readonly EdgeSpec[] = [
  // A source's stance on a claim, as seen in a document.
  { table: 'attribution', src: ['source', 'sourceId'], dst: ['claim', 'claimId'], kind: { column: 'stance', kinds: STANCES } },
  // The speaker, relayed by (say) a wire agency.
  { table: 'attribution', src: ['source', 'sourceId'], dst: ['source', 'viaSourceId'], kind: 'relayed_via' },
  // Where the claim was seen.
  { table: 'attribution', src: ['claim', 'claimId'], dst: ['document', 'documentId'], kind: 'published_in' },
  // Who published the document.
  { table: 'document', src: ['source', 'publisherId'], dst: ['document', 'id'], kind: 'published_in' },
  // Claim to claim.
  { table: 'claimLink', src: ['claim', 'fromClaimId'], dst: ['claim', 'toClaimId'], kind: { column: 'kind', kinds: LINK_KINDS } },
  // A source and the organisation it belongs to.
  { table: 'source', src: ['source', 'id'], dst: ['source', 'affiliationId'], kind: 'affiliated_with' },
];

const col = (c: string) => sql.ref(`e.${c}`);

/** The spec's kind as an SQL expression, and the filter that keeps only the wanted kinds (null: the spec is not wanted). */
function kindOf(spec: EdgeSpec, wanted: ReadonlySet<EdgeKind>): { expr: RawBuilder<string>; filter: RawBuilder<unknown> } | null {
  if (typeof spec.kind === 'string') return wanted.has(spec.kind) ? { expr: sql`${spec.kind}`, filter: sql`1` } : null;
  const kinds = spec.kind.kinds.filter((k) => wanted.has(k));
  if (!kinds.length) return null;
  const expr = col(spec.kind.column) as RawBuilder<string>;
  return { expr, filter: kinds.length === spec.kind.kinds.length ? sql`1` : sql`${expr} in (${sql.join(kinds)})` };
}

export interface WalkedNode {
  kind: NodeKind;
  id: number;
  depth: number;
}

/**
 * The nodes within `depth` hops of the focus, nearest first, at most `limit` of them (one
 * query). The walk is breadth-first (a priority queue on depth) and stops after
 * (limit + 1) × (depth + 1) rows: a node appears at most once per depth, so a walk cut there has
 * found more than `limit` distinct nodes, and one that is not cut is complete. Cycles end at the
 * depth limit; UNION drops a node met twice at the same depth.
 */
export function walk(
  db: Kysely<Database>,
  f: { focus: { kind: FocusKind; id: number }; depth: number; kinds: readonly EdgeKind[]; limit: number },
): Promise<WalkedNode[]> {
  const wanted = new Set(f.kinds);
  const rowLimit = (f.limit + 1) * (f.depth + 1);
  return db
    .withRecursive('walk(kind, id, depth)', (qb) => {
      let q =
        f.focus.kind === 'story'
          ? qb
              .selectFrom('storyClaim')
              .where('storyClaim.storyId', '=', f.focus.id)
              .select([sql<NodeKind>`'claim'`.as('kind'), 'storyClaim.claimId as id', sql<number>`0`.as('depth')])
          : qb.selectNoFrom([sql<NodeKind>`${f.focus.kind}`.as('kind'), sql<number>`${f.focus.id}`.as('id'), sql<number>`0`.as('depth')]);
      for (const spec of EDGES) {
        const kind = kindOf(spec, wanted);
        if (!kind) continue;
        for (const [from, to] of [
          [spec.src, spec.dst],
          [spec.dst, spec.src],
        ] as const) {
          q = q.union((u) =>
            u
              .selectFrom('walk')
              .innerJoin(sql.table(spec.table).as('e'), (j) => j.on(sql<boolean>`${col(from[1])} = walk.id`))
              .where(sql<boolean>`walk.kind = ${from[0]} and walk.depth < ${f.depth} and ${col(to[1])} is not null and ${kind.filter}`)
              .select([sql<NodeKind>`${to[0]}`.as('kind'), sql<number>`${col(to[1])}`.as('id'), sql<number>`walk.depth + 1`.as('depth')]),
          );
        }
      }
      return q.orderBy('depth').limit(rowLimit);
    })
    .selectFrom('walk')
    .select(['walk.kind', 'walk.id', sql<number>`min(walk.depth)`.as('depth')])
    .groupBy(['walk.kind', 'walk.id'])
    .orderBy('depth')
    .orderBy('walk.kind')
    .orderBy('walk.id')
    .limit(f.limit + 1)
    .execute() as Promise<WalkedNode[]>;
}

export interface EdgeRow {
  kind: EdgeKind;
  srcKind: NodeKind;
  src: number;
  dstKind: NodeKind;
  dst: number;
}

/** Every edge of the wanted kinds between the given nodes (one query, however many nodes). */
export async function edgesBetween(
  db: Kysely<Database>,
  ids: Record<NodeKind, number[]>,
  kinds: readonly EdgeKind[],
): Promise<EdgeRow[]> {
  const wanted = new Set(kinds);
  const set = (k: NodeKind) => sql`(select value from json_each(${JSON.stringify(ids[k])}))`;
  const parts = EDGES.flatMap((spec) => {
    const kind = kindOf(spec, wanted);
    if (!kind) return [];
    return [
      sql`select ${kind.expr} as kind, ${spec.src[0]} as src_kind, ${col(spec.src[1])} as src, ${spec.dst[0]} as dst_kind, ${col(spec.dst[1])} as dst
          from ${sql.table(spec.table)} as e
          where ${col(spec.src[1])} in ${set(spec.src[0])} and ${col(spec.dst[1])} in ${set(spec.dst[0])} and ${kind.filter}`,
    ];
  });
  if (!parts.length) parts.push(sql`select null as kind, null as src_kind, null as src, null as dst_kind, null as dst where 0`);
  const { rows } = await sql<EdgeRow>`${sql.join(parts, sql` union `)} order by 1, 2, 3, 4, 5`.execute(db);
  return rows;
}

export const claimLabels = (db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('claim').select(['id', 'text', 'status', 'verdict']).where('id', 'in', inList(ids)).execute();

export const sourceLabels = (db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('source').select(['id', 'name', 'kind', 'reliability']).where('id', 'in', inList(ids)).execute();

export const documentLabels = (db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('document').select(['id', 'title', 'kind', 'url', 'publishedAt']).where('id', 'in', inList(ids)).execute();
