/**
 * The PostgreSQL server database in a schema of its own (`<prefix>_<random>`), dropped when it
 * is closed, so a benchmark never touches an existing StanceWatch schema or another run's rows.
 * A run stopped before it closes the database leaves the schema behind.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../infra/database/open-database.js';

/** `announce` hears the schema's name before anything is created, so an interrupted run can say what to drop. */
export async function openThrowawaySchema(url: string, prefix: string, announce: (schema: string) => void = () => undefined): Promise<Database> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  announce(schema);
  const database = await openDatabase({ url, schema });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      try {
        await cleanup.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
