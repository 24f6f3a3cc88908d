/**
 * Audits a dead process left behind. Without a queue the server runs audits itself, so a server
 * killed mid-audit (or a terminal audit whose process died) leaves them `running`, or `queued`,
 * with nobody running them: they would stay so forever, and nothing could cancel them. When the
 * server starts, it takes each of them over and resumes it from its last checkpoint, or, when it
 * cannot run it, records it as failed with the reason and what to do instead.
 *
 * Only audits whose lock in the audit fence is free are touched: a held lock means a live
 * process (another server, `stancewatch audit` in a terminal) is running the audit. With a queue
 * (REDIS_URL) nothing is taken over here: the workers own queued audits, and the queue's
 * stalled-job check hands those of a dead worker to another.
 */
import { auditRequestSchema } from '../contract/audit-request.js';
import type { AuditSystem } from './audit-system.js';
import { getAudit, listUnfinishedAuditIds, setAuditStatus } from '../infra/database/repositories/audits.js';
import { describeError } from '../infra/errors.js';

export type TakeOver =
  | { readonly auditId: string; readonly outcome: 'resumed' }
  | { readonly auditId: string; readonly outcome: 'failed'; readonly reason: string }
  | { readonly auditId: string; readonly outcome: 'left'; readonly reason: string };

/** Why this process cannot run the audit's request, or null when it can. */
export function whyNotRunnableHere(request: unknown, canReadFiles: boolean): string | null {
  const parsed = auditRequestSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`);
    return `its request is not one this version can run (${problems.join('; ')}); launch it again`;
  }
  if (!canReadFiles && parsed.data.sources.some((source) => source.kind === 'file')) {
    return 'it reads local files, which only the command line may read: resume it with `stancewatch audit --resume <id>`';
  }
  return null;
}

/**
 * Takes over every unfinished audit no live process runs: resumes it in this process (without
 * waiting for it to finish), or marks it failed. Returns what it did with each, in launch order.
 */
export async function takeOverInterruptedAudits(system: AuditSystem, onTakeOver: (takeOver: TakeOver) => void = () => undefined): Promise<TakeOver[]> {
  if (system.queue) return [];
  const pool = system.database.pool;
  const outcomes: TakeOver[] = [];
  // Each outcome is told as it happens, so a log shows progress through a long list.
  const tell = (takeOver: TakeOver) => {
    outcomes.push(takeOver);
    onTakeOver(takeOver);
  };
  for (const auditId of await listUnfinishedAuditIds(pool)) {
    const release = await system.fence.tryHold(auditId);
    if (!release) {
      tell({ auditId, outcome: 'left', reason: 'another process is running it' });
      continue;
    }
    let handedToRun = false;
    try {
      // Read again under the lock: the process running it may have finished it meanwhile.
      const audit = await getAudit(pool, auditId);
      if (!audit || (audit.status !== 'queued' && audit.status !== 'running')) continue;
      const problem = whyNotRunnableHere(audit.request, system.dependencies.fileReader !== undefined);
      if (problem) {
        const reason = `interrupted when the process running it stopped, and not resumed: ${problem.replace('<id>', auditId)}`;
        await setAuditStatus(pool, auditId, 'failed', { error: reason });
        tell({ auditId, outcome: 'failed', reason });
        continue;
      }
      // The run takes the lock again in this process's session before this hold is given back,
      // so no other process can take the audit in between.
      const run = system.inProcessRunner.run(auditId);
      handedToRun = true;
      void run.catch(() => undefined).finally(() => void release());
      tell({ auditId, outcome: 'resumed' });
    } catch (error) {
      tell({ auditId, outcome: 'left', reason: `it could not be taken over: ${describeError(error)}` });
    } finally {
      if (!handedToRun) await release();
    }
  }
  return outcomes;
}

/** One line per audit taken over, for the server's log. */
export function describeTakeOver(takeOver: TakeOver): string {
  switch (takeOver.outcome) {
    case 'resumed':
      return `Resuming audit ${takeOver.auditId} from its last checkpoint: the process running it stopped.`;
    case 'failed':
      return `Audit ${takeOver.auditId} failed: ${takeOver.reason}.`;
    case 'left':
      return `Leaving audit ${takeOver.auditId} alone: ${takeOver.reason}.`;
  }
}

/**
 * The line that closes the take-over in the server's log. Said even when there was nothing to
 * take over, so the log always shows that the server looked, and what it found.
 */
export function describeTakeOverDone(takeOvers: readonly TakeOver[]): string {
  if (takeOvers.length === 0) return 'Took over no audits: none was left unfinished.';
  const count = (outcome: TakeOver['outcome']) => takeOvers.filter((takeOver) => takeOver.outcome === outcome).length;
  const unfinished = takeOvers.length === 1 ? '1 unfinished audit' : `${takeOvers.length} unfinished audits`;
  return `Looked at ${unfinished}: ${count('resumed')} resumed, ${count('failed')} failed, ${count('left')} left to another process.`;
}
