/**
 * At most one process runs an audit at a time, whatever the queue believes. BullMQ hands an
 * audit to another worker when the first one's lock lapses, which is usually because it died,
 * but can also be a live worker whose event loop stalled past the lock. Two live runners of one
 * LangGraph thread would write the same rows twice, so each worker holds a Postgres advisory
 * lock per running audit on a connection of its own: Postgres releases it the moment that
 * connection dies, so a killed worker never blocks its successor.
 */
import pg from 'pg';

export interface AuditFence {
  /** Takes the audit's lock if free; returns its release, or null when another process holds it. */
  tryHold(auditId: string): Promise<(() => Promise<void>) | null>;
  close(): Promise<void>;
}

export async function openAuditFence(databaseUrl: string, schema: string): Promise<AuditFence> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'stancewatch-worker-fence' });
  // A dropped fence connection has released every lock it held: stop rather than run unguarded.
  client.on('error', (error) => {
    process.stderr.write(`stancewatch: the worker lost its Postgres fence connection (${error.message}); exiting so its audits move to another worker\n`);
    process.exit(1);
  });
  await client.connect();
  // Advisory locks are database-wide; the schema keeps two deployments sharing a database apart.
  const keyOf = (auditId: string) => `stancewatch:${schema}:${auditId}`;
  return {
    async tryHold(auditId) {
      const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock(hashtext($1)) as held', [keyOf(auditId)]);
      if (!rows[0]?.held) return null;
      return async () => {
        await client.query('select pg_advisory_unlock(hashtext($1))', [keyOf(auditId)]).catch(() => undefined);
      };
    },
    async close() {
      await client.end().catch(() => undefined);
    },
  };
}
