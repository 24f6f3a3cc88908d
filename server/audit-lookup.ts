/**
 * The audit a route names, or the one 404 every audit route answers when there is none, so
 * clients see the same code and hint whichever audit route they called.
 */
import type { Queryable } from '../infra/database/queryable.js';
import { getAudit, type AuditRow } from '../infra/database/repositories/audits.js';
import { StanceWatchError } from '../infra/errors.js';

export async function requireAudit(database: Queryable, id: string): Promise<AuditRow> {
  const audit = await getAudit(database, id);
  if (!audit) throw new StanceWatchError('audit_not_found', `No audit with id "${id}"; list audits with GET /api/audits.`, 404);
  return audit;
}
