/**
 * The Suffixscape agent: linguistic diagnostics over the lab's own voice only. Third-party
 * writing about the lab is not the lab's prose, so it is never flagged.
 */
import type { AuditDependencies } from './audit-dependencies.js';
import type { AuditStateUpdate, AuditStateValue, SuffixscapeOutcome, VerifiedFlag } from './audit-state.js';
import { describeError } from '../infra/errors.js';
import { createEvidenceVerifier } from './evidence-verifier.js';
import { firstPartyPassages } from './first-party-passages.js';

async function readFlags(deps: AuditDependencies, state: AuditStateValue): Promise<SuffixscapeOutcome> {
  const engine = deps.engineFor(state.request.engine);
  // Each flag's quote check is a span beneath the agent, as the lens agents' are: reviewers see
  // which flags were dropped and why.
  const verifier = createEvidenceVerifier(deps.database.pool, state.sources, { tracing: deps.progress.tracing, scope: { auditId: state.auditId, agent: 'suffixscape' } });
  await verifier.preload(state.sources.filter((source) => source.party === 'first').map((source) => source.id));
  const passages = await firstPartyPassages(state.sources, verifier.snapshotOf);
  const drafts = await engine.detectFlags(
    { lab: state.request.lab, passages },
    { signal: AbortSignal.timeout(deps.agentTimeoutMs), auditId: state.auditId },
  );
  const flags: VerifiedFlag[] = [];
  let quotesDropped = 0;
  for (const draft of drafts) {
    const evidence = await verifier.verify({ quote: draft.quote, sourceId: draft.sourceId });
    if (!evidence) {
      quotesDropped += 1;
      continue;
    }
    if (flags.some((flag) => flag.sourceId === evidence.sourceId && flag.start === evidence.start && flag.pattern === draft.pattern)) continue;
    flags.push({
      pattern: draft.pattern,
      quote: evidence.quote,
      sourceId: evidence.sourceId,
      url: evidence.url,
      start: evidence.start,
      end: evidence.end,
      effect: draft.effect,
      alternative: draft.alternative,
      detector: draft.detector,
      ...(draft.confidence === undefined ? {} : { confidence: draft.confidence }),
    });
  }
  return { status: 'ok', flags, quotesDropped };
}

export function createSuffixscapeAgent(deps: AuditDependencies) {
  return async function suffixscape(state: AuditStateValue): Promise<AuditStateUpdate> {
    const outcome = await deps.progress.recordAgentRun(
      state.auditId,
      'suffixscape',
      async (): Promise<SuffixscapeOutcome> => {
        try {
          return await readFlags(deps, state);
        } catch (error) {
          return { status: 'failed', reason: describeError(error) };
        }
      },
      (result) =>
        result.status === 'ok'
          ? { status: 'succeeded', detail: `${result.flags.length} flags${result.quotesDropped ? ` · ${result.quotesDropped} quotes dropped` : ''}` }
          : { status: 'failed', error: result.reason },
    );
    return { suffixscape: outcome };
  };
}
