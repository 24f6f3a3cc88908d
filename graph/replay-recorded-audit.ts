/**
 * What a replay starts from: everything the original audit recorded before analysis began
 * (request, start time, sources read, crawl notes, from the audit's workflow checkpoint), its
 * published report and the lab's history as it stood when that report was published.
 */
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { AuditDependencies } from './audit-dependencies.js';
import type { AuditRequest } from './audit-request.js';
import type { HistoryEntry, SourceRead, StanceReport } from './report-schema.js';
import { historyEntryFromReport } from './report-serialisation.js';
import type { AuditStateValue } from './state.js';
import { createAuditWorkflow } from './workflow.js';
import { getAudit } from '../infra/database/repositories/audits.js';
import { getReportByAudit, listReportVersions, type ReportVersion } from '../infra/database/repositories/reports.js';
import { StanceWatchError } from '../infra/errors.js';

export interface RecordedAudit {
  readonly auditId: string;
  readonly request: AuditRequest;
  readonly startedAt: string;
  readonly sources: readonly SourceRead[];
  readonly crawlNotes: readonly string[];
  readonly chunksIndexed: number;
  /** The published version the replay must reproduce. */
  readonly original: ReportVersion;
  readonly originalReport: StanceReport;
  /** The lab's earlier versions, as the publisher attached them. */
  readonly history: readonly HistoryEntry[];
}

/** The history the publisher attached: every earlier version of the lab, newest first. */
export function historyBefore(versions: readonly ReportVersion[], original: ReportVersion): HistoryEntry[] {
  return versions
    .filter((version) => version.version < original.version)
    .map((version) => historyEntryFromReport(JSON.parse(version.body) as StanceReport))
    .sort((left, right) => right.date.localeCompare(left.date) || right.auditId.localeCompare(left.auditId));
}

export async function loadRecordedAudit(deps: AuditDependencies, checkpointer: BaseCheckpointSaver, auditId: string): Promise<RecordedAudit> {
  const audit = await getAudit(deps.database.pool, auditId);
  if (!audit) throw new StanceWatchError('audit_not_found', `No audit with id "${auditId}"`, 404);
  const original = await getReportByAudit(deps.database.pool, auditId);
  if (!original) {
    throw new StanceWatchError('audit_not_published', `Audit ${auditId} has no published report (status ${audit.status}); only published audits can be replayed.`, 409);
  }
  const graph = createAuditWorkflow(deps).compile({ checkpointer });
  const snapshot = await graph.getState({ configurable: { thread_id: auditId } });
  const values = (snapshot.values ?? {}) as Partial<AuditStateValue>;
  if (!values.request || !values.startedAt || !values.sources) {
    throw new StanceWatchError(
      'audit_state_missing',
      `Audit ${auditId} has no recorded workflow state (request, start time, sources) in this database; it cannot be replayed here.`,
      409,
    );
  }
  return {
    auditId,
    request: values.request,
    startedAt: values.startedAt,
    sources: values.sources,
    crawlNotes: values.crawlNotes ?? [],
    chunksIndexed: values.chunksIndexed ?? 0,
    original,
    originalReport: JSON.parse(original.body) as StanceReport,
    history: historyBefore(await listReportVersions(deps.database.pool, original.labSlug), original),
  };
}
