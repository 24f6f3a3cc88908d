/**
 * The evidence store: chunks of snapshots with their offsets, embeddings (pgvector) and full-text
 * vectors (a generated tsvector column), written in batches.
 */
import pgvector from 'pgvector';
import type { Queryable } from '../infra/database/queryable.js';

export interface ChunkInput {
  readonly auditId: string;
  readonly sourceId: string;
  readonly snapshotHash: string;
  readonly party: 'first' | 'third';
  readonly ordinal: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly embedding: readonly number[];
}

const columnsPerRow = 9;
/** Keeps one statement well under Postgres's 65,535 bind parameters. */
const rowsPerStatement = 1000;

export async function insertChunks(database: Queryable, chunks: readonly ChunkInput[]): Promise<void> {
  for (let offset = 0; offset < chunks.length; offset += rowsPerStatement) {
    const batch = chunks.slice(offset, offset + rowsPerStatement);
    const values: unknown[] = [];
    const tuples = batch.map((chunk, row) => {
      values.push(chunk.auditId, chunk.sourceId, chunk.snapshotHash, chunk.party, chunk.ordinal, chunk.start, chunk.end, chunk.text, pgvector.toSql([...chunk.embedding]));
      const base = row * columnsPerRow;
      return `(${Array.from({ length: columnsPerRow }, (_, column) => `$${base + column + 1}`).join(', ')})`;
    });
    await database.query(
      `insert into chunks (audit_id, source_id, snapshot_hash, party, ordinal, start_offset, end_offset, text, embedding)
       values ${tuples.join(', ')}`,
      values,
    );
  }
}

export async function deleteChunksOfAudit(database: Queryable, auditId: string): Promise<number> {
  const result = await database.query('delete from chunks where audit_id = $1', [auditId]);
  return result.rowCount ?? 0;
}

export async function countChunks(database: Queryable, auditId: string): Promise<number> {
  const { rows } = await database.query<{ count: string }>('select count(*) from chunks where audit_id = $1', [auditId]);
  return Number(rows[0]?.count ?? 0);
}
