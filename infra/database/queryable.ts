/**
 * What a repository needs to run SQL: a pool or a client checked out of one (inside a
 * transaction). Both node-postgres and PGlite (through its node-postgres adapter) satisfy it.
 */
import type pg from 'pg';

export interface Queryable {
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<Row>>;
}

/** Runs `work` in one transaction on a client of its own; rolls back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client as unknown as Queryable);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Postgres error code of a failed query, if it has one (23505 = unique violation). */
export function postgresErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
