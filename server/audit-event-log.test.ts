/**
 * The audit event log the live stream resumes from, on both storage backends: events come back
 * in the order they were appended, after any position, per audit, and are never rewritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../infra/database/open-database.js';
import { appendAuditEvent, listAuditEventsAfter, type NewAuditEvent } from '../infra/database/repositories/audit-events.js';
import { createAudit } from '../infra/database/repositories/audits.js';
import { upsertLab } from '../infra/database/repositories/labs.js';
import { testBackends } from '../test/support/databases.js';

const lab = { slug: 'acme-ai', name: 'Acme AI', country: 'Nowhere', website: 'https://acme.example/', kind: 'closed' as const, focusTags: [], opennessNote: 'Closed.' };

function event(auditId: string, agent: string, status: NewAuditEvent['status']): NewAuditEvent {
  return { auditId, agent, status, at: new Date().toISOString(), durationMs: null, detail: `${agent} ${status}`, error: null };
}

describe.each(testBackends)('the audit event log on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await upsertLab(database.pool, lab);
    for (const id of ['aud_first', 'aud_second']) {
      await createAudit(database.pool, { id, labSlug: lab.slug, request: {}, engine: { kind: 'rubric' }, appVersion: 'test', idempotencyKey: null });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('returns one audit’s events in append order, after any position, a page at a time', async () => {
    const agents = Array.from({ length: 12 }, (_, index) => `agent-${index}`);
    // Parallel agents append at once; the log must still hand them out in a single order.
    await Promise.all(agents.map((agent) => appendAuditEvent(database.pool, event('aud_first', agent, 'running'))));
    await appendAuditEvent(database.pool, event('aud_second', 'crawler', 'queued'));

    const all = await listAuditEventsAfter(database.pool, 'aud_first', 0);
    expect(all.map((row) => row.agent).sort()).toEqual([...agents].sort());
    expect(all.every((row) => row.auditId === 'aud_first')).toBe(true);
    const ids = all.map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const afterFifth = await listAuditEventsAfter(database.pool, 'aud_first', ids[4]!);
    expect(afterFifth.map((row) => row.id)).toEqual(ids.slice(5));
    const page = await listAuditEventsAfter(database.pool, 'aud_first', ids[4]!, 3);
    expect(page.map((row) => row.id)).toEqual(ids.slice(5, 8));
    expect(await listAuditEventsAfter(database.pool, 'aud_first', ids.at(-1)!)).toEqual([]);
  });

  it('refuses to rewrite an event', async () => {
    await appendAuditEvent(database.pool, event('aud_second', 'indexer', 'running'));
    await expect(database.pool.query(`update audit_events set status = 'failed' where audit_id = 'aud_second'`)).rejects.toThrow(/append-only/);
  });
});
