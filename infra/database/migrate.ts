/**
 * Applies the versioned SQL migrations in `migrations/` in order, each in its own transaction,
 * and records them in `schema_migrations` with a checksum. Idempotent, and safe when several
 * processes start at once: an advisory lock lets one migrate while the others wait.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { StanceWatchError } from '../errors.js';
import { postgresErrorCode } from './queryable.js';

const migrationsDirectory = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Arbitrary constant shared by every StanceWatch process: "SWMIGRAT" as an integer. */
const migrationLockKey = 0x53574d49;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export async function readMigrations(directory = migrationsDirectory): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(`${directory}${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file.slice(4, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

async function ensureVectorExtension(client: pg.PoolClient): Promise<void> {
  try {
    await client.query('create extension if not exists vector');
  } catch (error) {
    throw new StanceWatchError(
      'pgvector_missing',
      `The database has no pgvector extension (${postgresErrorCode(error) ?? 'error'}: ${(error as Error).message}). Install pgvector on the server, or run "create extension vector" as a superuser.`,
      500,
      true,
      { cause: error },
    );
  }
}

/** Applies every migration not yet recorded; returns the versions applied now. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const migrations = await readMigrations();
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await ensureVectorExtension(client);
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`);
    const applied = new Map(
      (await client.query<{ version: number; checksum: string }>('select version, checksum from schema_migrations')).rows.map((row) => [
        row.version,
        row.checksum,
      ]),
    );
    const appliedNow: number[] = [];
    for (const migration of migrations) {
      const recorded = applied.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new StanceWatchError(
            'migration_edited',
            `Migration ${migration.version} (${migration.name}) changed after it was applied; add a new migration instead of editing a shipped one.`,
          );
        }
        continue;
      }
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new StanceWatchError('migration_failed', `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, 500, false, {
          cause: error,
        });
      }
      appliedNow.push(migration.version);
    }
    return appliedNow;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
    client.release();
  }
}
