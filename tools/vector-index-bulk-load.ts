/**
 * Loading many chunks into the embedded database without paying for the HNSW index row by row.
 *
 * Why: in PGlite (Postgres in WebAssembly) each row inserted into the live HNSW index of chunk
 * embeddings costs about 3 ms, while building the index afresh costs under 1 ms per row, and
 * loading rows with no HNSW index to maintain about 0.5 ms. A 1,000-page audit (some 4,800
 * chunks) spent 16 s inserting into the index; dropping it, loading, and building it again
 * takes under 7 s. Audits never read this index (they rank their own chunks exactly, see
 * `hybrid-retrieval.ts`); it serves approximate searches across every audit in the store.
 *
 * So on PGlite, when the new chunks are a large enough share of the table (the rebuild covers
 * every row, the live inserts only the new ones), the index is dropped before the load and built
 * after it. The rule keeps the rebuild cheaper than live inserts and its cost proportional to the
 * audit's own size: an audit into a store many times its size keeps inserting row by row.
 *
 * A PostgreSQL server keeps its index live: dropping it would lock the chunks of every other
 * audit its workers are writing and reading, and its native HNSW inserts are fast.
 *
 * No transaction spans the load (the embedded pool has one connection, which progress and traces
 * need meanwhile). If the process dies between drop and build, the next load of any audit builds
 * the index again (`create index if not exists`), and a search without it is exact, only slower.
 */
import type { Database } from '../infra/database/open-database.js';

/**
 * The HNSW index of chunk embeddings, exactly as migration 001 creates it (cosine distance,
 * pgvector's default graph settings), so a rebuilt index answers as the original did.
 */
const createVectorIndex = 'create index if not exists chunks_embedding_hnsw on chunks using hnsw (embedding vector_cosine_ops)';
const dropVectorIndex = 'drop index if exists chunks_embedding_hnsw';

/**
 * The index is rebuilt when the rows already stored are at most this many times the new ones.
 * Measured on PGlite: a live insert costs ~3.4 times a row of a rebuild, so up to 2.4 times as
 * many existing rows a rebuild is still faster; 2 leaves a margin.
 */
export const rebuildWhenExistingAtMost = 2;

/**
 * Fewer new rows than this are inserted live: a few hundred live inserts take well under a
 * second, while building the index reserves its working memory in the embedded database's
 * WebAssembly heap, which never shrinks (a one-file audit would hold it for nothing).
 */
export const rebuildFromRows = 500;

export interface VectorIndexLoad {
  /** Whether the index was dropped for this load and is built again by `finish()`. */
  readonly rebuilds: boolean;
  /** Builds the index again if it was dropped (or is missing); call it whether the load succeeded or not. */
  finish(): Promise<void>;
}

/** Whether rebuilding after the load beats live inserts: only the embedded database, only a large load, and only for a large share. */
export function shouldRebuildVectorIndex(backend: Database['backend'], existingRows: number, newRows: number, fromRows = rebuildFromRows): boolean {
  return backend === 'pglite' && newRows >= fromRows && existingRows <= rebuildWhenExistingAtMost * newRows;
}

/**
 * Prepares the chunks table for loading `newRows` chunks: drops the HNSW index when rebuilding
 * it afterwards is faster. Counting stops past the threshold, so a large store is not scanned whole.
 */
export async function beginVectorIndexLoad(
  database: Pick<Database, 'pool' | 'backend'>,
  newRows: number,
  { fromRows = rebuildFromRows }: { readonly fromRows?: number } = {},
): Promise<VectorIndexLoad> {
  if (database.backend !== 'pglite' || newRows === 0) return { rebuilds: false, finish: async () => undefined };
  const limit = rebuildWhenExistingAtMost * newRows + 1;
  const { rows } = await database.pool.query<{ existing: string }>('select count(*) as existing from (select 1 from chunks limit $1) stored', [limit]);
  const rebuilds = shouldRebuildVectorIndex(database.backend, Number(rows[0]?.existing ?? 0), newRows, fromRows);
  if (rebuilds) await database.pool.query(dropVectorIndex);
  return {
    rebuilds,
    // Also run after a live load: an index lost to a crash between drop and build comes back here.
    finish: async () => {
      await database.pool.query(createVectorIndex);
    },
  };
}
