/**
 * The storage backends every storage test runs on: embedded PGlite always, and the machine's
 * PostgreSQL server when TEST_DATABASE_URL is set (CI sets it). Each open gets a fresh schema on
 * the server, so test files running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../infra/database/open-database.js';

export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

const serverUrl = process.env.TEST_DATABASE_URL;

export const testBackends: readonly TestBackend[] = [
  { name: 'pglite', open: () => openDatabase() },
  ...(serverUrl
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const schema = `test_${randomBytes(6).toString('hex')}`;
            const database = await openDatabase({ url: serverUrl, schema });
            return {
              ...database,
              async close() {
                await database.close();
                const cleanup = new pg.Client({ connectionString: serverUrl });
                await cleanup.connect();
                await cleanup.query(`drop schema if exists ${schema} cascade`);
                await cleanup.end();
              },
            };
          },
        },
      ]
    : []),
];

export const serverBackend: TestBackend | undefined = testBackends.find((backend) => backend.name === 'postgres');
