/**
 * Vector-only recall of the HNSW index: the same `order by embedding <=> q limit k` run through
 * the index (as the session is configured) and exactly (index scans disabled inside a
 * transaction, so a sequential scan ranks every row). Hybrid retrieval is measured elsewhere;
 * this isolates the index's quality from full-text ranking and fusion.
 */
import type pg from 'pg';
import { inTransaction, type Queryable } from '../infra/database/queryable.js';

export interface Neighbour {
  readonly id: number;
  readonly distance: number;
}

export const hnswIndexName = 'chunks_embedding_hnsw';

const nearestSql = 'select id, embedding <=> $1::vector as distance from chunks order by embedding <=> $1::vector limit $2';

function toNeighbours(rows: readonly { id: string; distance: number }[]): Neighbour[] {
  return rows.map((row) => ({ id: Number(row.id), distance: Number(row.distance) }));
}

/**
 * Nearest neighbours under the client's settings: through the HNSW index inside
 * `withLocalSettings(pool, indexSearchSettings, …)`, exact inside `…exactSearchSettings…`.
 */
export async function nearestNeighbours(database: Queryable, embedding: string, k: number): Promise<Neighbour[]> {
  const { rows } = await database.query<{ id: string; distance: number }>(nearestSql, [embedding, k]);
  return toNeighbours(rows);
}

/**
 * Runs `work` on one client inside a transaction with `settings` applied by `set local`, which
 * ends with the transaction: the pooled connection goes back with its session untouched.
 */
export async function withLocalSettings<T>(pool: pg.Pool, settings: Readonly<Record<string, string>>, work: (client: Queryable) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    for (const [name, value] of Object.entries(settings)) {
      if (!/^[a-z_.]+$/.test(name) || !/^[a-z0-9_]+$/.test(value)) throw new RangeError(`unsafe setting ${name}=${value}`);
      await client.query(`set local ${name} = ${value}`);
    }
    return work(client);
  });
}

/** Settings under which the planner cannot use the HNSW index (it offers only index scans), so every row's distance is computed. */
export const exactSearchSettings = { enable_indexscan: 'off' } as const;

/** Settings under which the planner walks the index even where a sequential scan looks cheaper (small tables, large ef_search). */
export const indexSearchSettings = { enable_seqscan: 'off' } as const;

/**
 * Share of the true top-k the approximate answer found. A returned row counts when it is one of
 * the exact top-k or lies no farther than the exact k-th (a tie the exact order happened to
 * break the other way), so ties never read as misses.
 */
export function recallAtK(approximate: readonly Neighbour[], exact: readonly Neighbour[], k: number): number {
  const truth = exact.slice(0, k);
  if (truth.length === 0) return 1;
  const truthIds = new Set(truth.map((neighbour) => neighbour.id));
  const boundary = truth[truth.length - 1]!.distance;
  const found = approximate.slice(0, k).filter((neighbour) => truthIds.has(neighbour.id) || neighbour.distance <= boundary + 1e-9).length;
  return Math.min(found, truth.length) / truth.length;
}

/** Whether the plan of the nearest-neighbour query (under the client's settings) walks the HNSW index. */
export async function nearestQueryUsesIndex(database: Queryable, embedding: string, k: number): Promise<boolean> {
  const { rows } = await database.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${nearestSql}`, [embedding, k]);
  return JSON.stringify(rows[0]?.['QUERY PLAN'] ?? '').includes(hnswIndexName);
}
