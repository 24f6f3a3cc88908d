/**
 * Progress for a replay: listeners (the terminal view) still hear every agent, but nothing is
 * written to the original audit's agent runs or event log, which record what really happened.
 */
import { AuditProgress, type AgentResultSummary, type ProgressEvent } from './progress.js';
import type { AgentName } from './agent-names.js';
import type { Queryable } from '../infra/database/queryable.js';
import { StanceWatchError } from '../infra/errors.js';

const noDatabase: Queryable = {
  query() {
    return Promise.reject(new StanceWatchError('replay_progress_stored', 'a replay must not write progress to the audit it replays', 500, false));
  },
};

export class ReplayProgress extends AuditProgress {
  constructor() {
    super(noDatabase);
  }

  override async queued(): Promise<void> {}

  override async run<T>(auditId: string, agent: AgentName, work: () => Promise<T>, summarise: (result: T) => AgentResultSummary): Promise<T> {
    const startedAt = Date.now();
    this.emit({ auditId, agent, status: 'running', at: new Date(startedAt).toISOString() });
    try {
      const result = await work();
      const summary = summarise(result);
      this.emit({
        auditId,
        agent,
        status: summary.status,
        at: new Date().toISOString(),
        durationMs: Date.now() - startedAt,
        ...(summary.detail === undefined ? {} : { detail: summary.detail }),
        ...(summary.error === undefined ? {} : { error: summary.error }),
      });
      return result;
    } catch (error) {
      this.emit({ auditId, agent, status: 'failed', at: new Date().toISOString(), durationMs: Date.now() - startedAt, error: (error as Error).message });
      throw error;
    }
  }

  private emit(event: ProgressEvent): void {
    this.events.emit('progress', event);
  }
}
