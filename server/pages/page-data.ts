/**
 * The reads behind each page: the thin I/O shell around the pure renderers. Stored reports are
 * parsed against the report contract before any page shows them.
 */
import { stanceReportSchema, describeReportProblems, type StanceReport } from '../../graph/report-schema.js';
import type { Queryable } from '../../infra/database/queryable.js';
import { listAgentRuns, type AgentRunRow } from '../../infra/database/repositories/agent-runs.js';
import { listAudits, type AuditRow } from '../../infra/database/repositories/audits.js';
import { getLab, listLabs } from '../../infra/database/repositories/labs.js';
import { getLatestReport, getReportByAudit, listReportVersionSummaries, type ReportVersion } from '../../infra/database/repositories/reports.js';
import { StanceWatchError } from '../../infra/errors.js';
import type { LabIndexEntry } from './render-labs-index.js';
import type { PublishedVersionSummary } from './render-stance-page.js';

/**
 * Parsed reports by sha256. A published version never changes, so its parse can be reused for
 * as long as the process lives; the map is bounded so a long-lived server does not grow.
 */
const parsedReports = new Map<string, StanceReport>();
const parsedReportsKept = 64;

export function parseStoredReport(version: ReportVersion): StanceReport {
  const cached = parsedReports.get(version.sha256);
  if (cached) return cached;
  const report = parseReportBody(version);
  if (parsedReports.size >= parsedReportsKept) parsedReports.delete(parsedReports.keys().next().value!);
  parsedReports.set(version.sha256, report);
  return report;
}

function parseReportBody(version: ReportVersion): StanceReport {
  let body: unknown;
  try {
    body = JSON.parse(version.body);
  } catch (error) {
    throw new StanceWatchError('report_unreadable', `Report version ${version.version} of lab "${version.labSlug}" is not valid JSON.`, 500, false, { cause: error });
  }
  const parsed = stanceReportSchema.safeParse(body);
  if (!parsed.success) {
    const problems = describeReportProblems(parsed.error).slice(0, 3).join('; ');
    throw new StanceWatchError('report_unreadable', `Report version ${version.version} of lab "${version.labSlug}" does not match the report contract: ${problems}`, 500, false);
  }
  return parsed.data;
}

export async function loadLabsIndex(database: Queryable): Promise<LabIndexEntry[]> {
  const labs = await listLabs(database);
  return Promise.all(
    labs.map(async (lab): Promise<LabIndexEntry> => {
      const latest = await getLatestReport(database, lab.slug);
      if (!latest) return { lab: lab.profile, latest: null };
      const report = parseStoredReport(latest);
      return {
        lab: report.lab,
        latest: { auditId: report.audit.id, date: report.audit.date, composite: report.pals.composite, confidence: report.audit.confidence.level },
      };
    }),
  );
}

export interface StancePageData {
  /** sha256 of the report shown: with the version list, it decides the page's content. */
  readonly sha256: string;
  readonly report: StanceReport;
  readonly versions: readonly PublishedVersionSummary[];
}

/**
 * The report to show for a lab: its latest, or the version an audit published. Null when the
 * lab, the audit, or a published report does not exist (or the audit belongs to another lab).
 */
export async function loadStancePage(database: Queryable, slug: string, auditId?: string): Promise<StancePageData | null> {
  const lab = await getLab(database, slug);
  if (!lab) return null;
  const stored = auditId === undefined ? await getLatestReport(database, slug) : await getReportByAudit(database, auditId);
  if (!stored || stored.labSlug !== slug) return null;
  const versions = await listReportVersionSummaries(database, slug);
  return {
    sha256: stored.sha256,
    report: parseStoredReport(stored),
    versions: versions.map((version) => ({ auditId: version.auditId, version: version.version, sha256: version.sha256, publishedAt: version.publishedAt })),
  };
}

export interface DashboardAudit {
  readonly audit: AuditRow;
  readonly labName: string;
  readonly agents: readonly AgentRunRow[];
}

export async function loadDashboard(database: Queryable, limit = 50): Promise<DashboardAudit[]> {
  const [audits, labs] = await Promise.all([listAudits(database, { limit }), listLabs(database)]);
  const names = new Map(labs.map((lab) => [lab.slug, lab.name]));
  return Promise.all(
    audits.map(async (audit) => ({ audit, labName: names.get(audit.labSlug) ?? audit.labSlug, agents: await listAgentRuns(database, audit.id) })),
  );
}
