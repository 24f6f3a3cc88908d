/** Liveness (the process answers) and readiness (the database answers) for orchestrators. */
import { Router } from 'express';
import type { AuditSystem } from '../../infra/audit-system.js';
import { describeError } from '../../infra/errors.js';

export function createHealthRouter(system: AuditSystem): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    try {
      await system.database.pool.query('select 1');
      response.json({ status: 'ok', database: system.database.backend });
    } catch (error) {
      process.stderr.write(`readyz: the database does not answer: ${describeError(error)}\n`);
      response.status(503).json({ status: 'unavailable', database: system.database.backend });
    }
  });
  return router;
}
