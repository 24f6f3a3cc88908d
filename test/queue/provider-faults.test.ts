/**
 * A faulty model provider does not lose audits. With 30% of model requests failing (429, 500,
 * malformed JSON) every queued audit still completes and publishes; a burst of failures opens
 * the provider's circuit (shared in Redis), lenses then fail fast with a reason that says so and
 * the critic's confidence note names it; once the provider is back a probe closes the circuit.
 * Real PostgreSQL and Redis; the worker runs in this process (the same code as `stancewatch worker`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerKey } from '../../agents/engines/llm/provider-limits.js';
import { startDemoSite, type DemoSite } from '../../demo/serve-demo-site.js';
import type { StanceReport } from '../../contract/report-schema.js';
import type { AuditSystem } from '../../system/audit-system.js';
import type { Database } from '../../infra/database/open-database.js';
import { getAudit } from '../../infra/database/repositories/audits.js';
import { getReportByAudit } from '../../infra/database/repositories/reports.js';
import { startAuditWorker, type AuditWorkerHandle } from '../../system/queue/audit-worker.js';
import { readCircuitTransitions } from '../../system/queue/redis-circuit-store.js';
import { closeRedis, openRedis } from '../../system/queue/redis-connection.js';
import { mixedFaultRules } from '../../evals/simulated-model/faults.js';
import { startSimulatedModel, type SimulatedModel } from '../../evals/simulated-model/server.js';
import { serverBackend } from '../support/databases.js';
import { closeQueuedAuditSystem, demoAuditRequest, openQueuedAuditSystem, queueTestEnvironment } from './queue-test-stage.js';

const redisUrl = process.env.TEST_REDIS_URL;

let site: DemoSite;
let database: Database;
const models: SimulatedModel[] = [];
const systems: AuditSystem[] = [];

async function systemFor(model: SimulatedModel, extra: Record<string, string>): Promise<AuditSystem> {
  const system = await openQueuedAuditSystem(database, await queueTestEnvironment(database, model, { LLM_MAX_CONCURRENCY: '6', ...extra }));
  systems.push(system);
  return system;
}

const auditRequest = () => demoAuditRequest(site);

describe.runIf(serverBackend && redisUrl)('a faulty model provider', () => {
  beforeAll(async () => {
    site = await startDemoSite();
    database = await serverBackend!.open();
  });

  afterAll(async () => {
    for (const system of systems) await closeQueuedAuditSystem(system);
    await database?.close();
    for (const model of models) await model.close();
    await site?.close();
  });

  it('fails 30% of requests, and every queued audit still completes and publishes', async () => {
    const model = await startSimulatedModel({ latencyMs: 100, seed: 3, faults: mixedFaultRules(0.3, ['429', '500', 'malformed-json']) });
    models.push(model);
    // 429s carry Retry-After: 1 s; the circuit is set so a chance run of failures does not open it.
    const system = await systemFor(model, { LLM_CIRCUIT_FAILURES: '12' });
    let worker: AuditWorkerHandle | undefined;
    try {
      const auditIds: string[] = [];
      for (let index = 0; index < 3; index += 1) auditIds.push((await system.runner.launch(auditRequest())).auditId);
      worker = await startAuditWorker({ system, redisUrl: redisUrl!, settings: system.scaleSettings, concurrency: 3 });
      const finished = await Promise.all(auditIds.map((auditId) => system.runner.wait(auditId)));
      expect(finished.map((each) => each.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      const faulted = model.requests.filter((request) => request.fault !== null);
      expect(faulted.length).toBeGreaterThan(0);
      let lensesRead = 0;
      for (const auditId of auditIds) {
        const report = JSON.parse((await getReportByAudit(database.pool, auditId))!.body) as StanceReport;
        lensesRead += report.lenses.filter((lens) => lens.status === 'ok').length;
      }
      // Retries absorb the faults: nearly every lens is read despite one request in three failing.
      expect(lensesRead).toBeGreaterThanOrEqual(22);
    } finally {
      await worker?.shutdown(10_000);
    }
  }, 60_000);

  it('opens the circuit on a burst of failures, fails lenses fast with that reason, and closes it once the provider is back', async () => {
    const model = await startSimulatedModel({ latencyMs: 50, seed: 5 });
    models.push(model);
    let outage = true;
    model.addFault({ kind: '500', match: () => outage });
    const system = await systemFor(model, { LLM_CIRCUIT_FAILURES: '3', LLM_CIRCUIT_COOLDOWN_MS: '1500', LLM_MAX_RETRIES: '1', LLM_MAX_CONCURRENCY: '3' });
    const settings = system.scaleSettings;
    const redis = openRedis(redisUrl!, 'test');
    try {
      const during = await system.runner.launch(auditRequest(), { start: false });
      expect((await system.runner.run(during.auditId)).status).toBe('succeeded');
      const report = JSON.parse((await getReportByAudit(database.pool, during.auditId))!.body) as StanceReport;
      const failedFast = report.lenses.filter((lens) => lens.status === 'failed' && /circuit .* is open/.test(lens.failureReason ?? ''));
      expect(failedFast.length, JSON.stringify(report.lenses.map((lens) => lens.failureReason))).toBeGreaterThanOrEqual(1);
      expect(report.audit.confidence.note).toMatch(/circuit to the model at .* is open/);
      // The open circuit sent nothing but one probe per cool-down: the requests are those of the
      // calls admitted before it opened (three at a time, each with its one retry: at most nine)
      // and the probes, however slow the machine makes the audit — far fewer than eight lenses
      // times two attempts.
      const key = providerKey(model.baseUrl);
      const outageSteps = (await readCircuitTransitions(redis, settings.queuePrefix, key)).map((step) => step.to);
      expect(outageSteps).toContain('open');
      const probes = outageSteps.filter((to) => to === 'half-open').length;
      const sent = model.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
      expect(sent).toBeLessThanOrEqual(9 + probes);
      expect(sent).toBeLessThan(16);

      outage = false;
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      const after = await system.runner.launch(auditRequest(), { start: false });
      expect((await system.runner.run(after.auditId)).status).toBe('succeeded');
      const recovered = JSON.parse((await getReportByAudit(database.pool, after.auditId))!.body) as StanceReport;
      expect(recovered.lenses.every((lens) => lens.status === 'ok')).toBe(true);
      const transitions = (await readCircuitTransitions(redis, settings.queuePrefix, key)).map((step) => `${step.from}->${step.to}`);
      expect(transitions.slice(-2)).toEqual(['open->half-open', 'half-open->closed']);
      expect((await getAudit(database.pool, after.auditId))?.status).toBe('succeeded');
    } finally {
      await closeRedis(redis);
    }
  }, 60_000);
});
