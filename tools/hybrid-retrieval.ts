/**
 * Hybrid retrieval: the top-k chunks for a query by vector similarity (pgvector, cosine) and by
 * full-text rank (Postgres tsvector), fused with reciprocal rank fusion. RRF needs no score
 * calibration between the two rankings: a chunk's fused score is the sum of 1 / (60 + rank)
 * over the rankings it appears in.
 *
 * Two vector modes:
 * - `exact` ranks every chunk of the audit by true distance. An audit holds at most a few
 *   thousand chunks, so this is cheap, and it makes retrieval independent of how the HNSW graph
 *   happened to be built: the same snapshots always give the same evidence, which exact replays
 *   depend on. Audit agents use it.
 * - `approximate` walks the HNSW index (with pgvector's iterative scan, so filters by audit or
 *   party still fill k) and serves searches over large stores.
 */
import pgvector from 'pgvector';
import type { Queryable } from '../infra/database/queryable.js';
import { StanceWatchError } from '../infra/errors.js';

export interface HybridQuery {
  readonly query: string;
  readonly queryEmbedding: readonly number[];
  readonly k: number;
  /** Only chunks of this audit; omitted searches every audit. */
  readonly auditId?: string;
  readonly party?: 'first' | 'third';
  readonly mode?: 'exact' | 'approximate';
  /** Candidates taken from each ranking before fusion; defaults to max(4k, 40). */
  readonly candidates?: number;
}

export interface RetrievedChunk {
  readonly chunkId: number;
  readonly auditId: string;
  readonly sourceId: string;
  readonly snapshotHash: string;
  readonly party: 'first' | 'third';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Fused RRF score; higher is better. */
  readonly score: number;
  readonly vectorRank: number | null;
  readonly textRank: number | null;
}

/**
 * Query words found in more than this share of all chunks are left out of the full-text leg:
 * they rank nothing (every passage has them) yet make Postgres score most of the table. The
 * shares come from the planner's statistics on `chunks.tsv` (ANALYZE), so small stores, which
 * have none, keep every word.
 */
export const commonLexemeShare = 0.02;

/** The constant of reciprocal rank fusion (Cormack, Clarke & Büttcher, 2009). */
export const rrfK = 60;

export async function hybridSearch(database: Queryable, request: HybridQuery): Promise<RetrievedChunk[]> {
  if (!Number.isInteger(request.k) || request.k < 1 || request.k > 200) {
    throw new StanceWatchError('retrieval_invalid', `k must be a whole number from 1 to 200, got ${request.k}`, 400);
  }
  const candidates = request.candidates ?? Math.max(request.k * 4, 40);
  if (!Number.isInteger(candidates) || candidates < request.k || candidates > 1000) {
    throw new StanceWatchError('retrieval_invalid', `candidates must be a whole number from k to 1000, got ${candidates}`, 400);
  }
  const embedding = pgvector.toSql([...request.queryEmbedding]);
  const exact = (request.mode ?? 'exact') === 'exact';
  // `materialized` keeps the planner from using the HNSW index in exact mode.
  const vectorCandidates = exact
    ? `scoped as materialized (
         select id, embedding from chunks where ($1::text is null or audit_id = $1) and ($2::text is null or party = $2)
       ),
       vector_hits as (
         select id, row_number() over (order by embedding <=> $3::vector, id) as rank
         from scoped order by embedding <=> $3::vector, id limit $5
       )`
    : // Filters and limit are written into the statement, not left as "$1 is null or …" and
      // "$5": a prepared statement's generic plan cannot see them, and then prefers a full scan
      // and sort to walking the HNSW index.
      `vector_hits as (
         select id, row_number() over (order by distance, id) as rank
         from (
           select id, embedding <=> $3::vector as distance from chunks
           where true${request.auditId === undefined ? '' : ' and audit_id = $1'}${request.party === undefined ? '' : ' and party = $2'}
           order by embedding <=> $3::vector limit ${candidates}
         ) nearest
       )`;
  // The full-text leg ORs the query's words, so a natural-language question matches passages
  // that share any of its terms (ranked by how many and how well), not only those with all.
  const sql = `
    with ${vectorCandidates},
    text_terms as (
      select array_agg(quote_literal(term) order by term) as terms
      from unnest(tsvector_to_array(to_tsvector('english', $4))) as term
      where term not in (
        select common.lexeme
        from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as common(lexeme, frequency)
        where s.tablename = 'chunks' and s.attname = 'tsv' and s.schemaname = current_schema() and common.frequency > ${commonLexemeShare}
      )
    ),
    text_query as (
      select case when terms is null then null else to_tsquery('simple', array_to_string(terms, ' | ')) end as q from text_terms
    ),
    text_hits as (
      select id, row_number() over (order by rank desc, id) as rank
      from (
        select c.id, ts_rank_cd(c.tsv, t.q) as rank
        from chunks c, text_query t
        where t.q is not null and c.tsv @@ t.q and ($1::text is null or c.audit_id = $1) and ($2::text is null or c.party = $2)
        order by rank desc, c.id limit $5
      ) ranked
    ),
    fused as (
      select coalesce(v.id, t.id) as id, v.rank as vector_rank, t.rank as text_rank,
             coalesce(1.0 / (${rrfK} + v.rank), 0) + coalesce(1.0 / (${rrfK} + t.rank), 0) as score
      from vector_hits v full outer join text_hits t on v.id = t.id
    )
    select c.id, c.audit_id, c.source_id, c.snapshot_hash, c.party, c.start_offset, c.end_offset, c.text,
           f.score, f.vector_rank, f.text_rank
    from fused f join chunks c on c.id = f.id
    order by f.score desc, c.id
    limit $6`;
  const { rows } = await database.query<{
    id: string;
    audit_id: string;
    source_id: string;
    snapshot_hash: string;
    party: 'first' | 'third';
    start_offset: number;
    end_offset: number;
    text: string;
    score: string;
    vector_rank: string | null;
    text_rank: string | null;
  }>(sql, [request.auditId ?? null, request.party ?? null, embedding, request.query, candidates, request.k]);
  return rows.map((row) => ({
    chunkId: Number(row.id),
    auditId: row.audit_id,
    sourceId: row.source_id,
    snapshotHash: row.snapshot_hash,
    party: row.party,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    score: Number(row.score),
    vectorRank: row.vector_rank === null ? null : Number(row.vector_rank),
    textRank: row.text_rank === null ? null : Number(row.text_rank),
  }));
}
