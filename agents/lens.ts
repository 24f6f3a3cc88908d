/**
 * The lens agent, one module parameterised by the catalog: gathers evidence for the lens (every
 * source whole for the rubric engine, retrieved passages for a model), asks the engine for a
 * draft, and verifies every quote against the snapshots. A lens that cannot be read (model
 * down, garbage output, timeout) is reported failed with its reason; the audit goes on and the
 * critic lowers confidence.
 */
import { lensById, type LensId } from '../contract/catalog/lenses.js';
import type { AuditDependencies } from './audit-dependencies.js';
import { lensAgentName, type AgentName } from '../contract/agent-names.js';
import type { AuditStateUpdate, LensOutcome, LensTask, VerifiedFinding } from './audit-state.js';
import type { Evidence, SourceRead } from '../contract/report-schema.js';
import { listSources } from '../infra/database/repositories/sources.js';
import { describeError } from '../infra/errors.js';
import { hybridSearch } from '../tools/hybrid-retrieval.js';
import type { EvidencePassage } from './engines/contract.js';
import { createEvidenceVerifier } from './evidence-verifier.js';
import { wholeSourcePassages } from './whole-source-passages.js';
import { retrieval } from '../infra/telemetry/attribute-names.js';

/** Passages per retrieval query, and the most passages one lens reads. */
const passagesPerQuery = 6;
const passagesPerLens = 30;

/**
 * Runs every query through hybrid retrieval and keeps the passages with the highest summed
 * fusion score, ties broken by chunk id so the same evidence always comes back in the same order.
 */
export async function retrieveLensEvidence(
  deps: AuditDependencies,
  auditId: string,
  queries: readonly string[],
  sources: readonly SourceRead[],
  /** The agent the retrieval runs for: each query is traced as a `retrieve` span beneath it. */
  agent: AgentName,
): Promise<EvidencePassage[]> {
  const urls = new Map(sources.map((source) => [source.id, source.finalUrl]));
  const embeddings = await deps.embedder.embed([...queries]);
  const scored = new Map<number, { score: number; passage: EvidencePassage }>();
  const scope = { auditId, agent };
  for (const [index, query] of queries.entries()) {
    const chunks = await deps.progress.tracing.inTool(scope, 'retrieve', { [retrieval.query]: query }, async (span) => {
      const found = await hybridSearch(deps.database.pool, {
        auditId,
        query,
        queryEmbedding: embeddings[index]!,
        k: passagesPerQuery,
      });
      span.setAttributes({
        [retrieval.chunkIds]: found.map((chunk) => chunk.chunkId),
        [retrieval.sourceIds]: found.map((chunk) => chunk.sourceId),
        [retrieval.offsets]: found.map((chunk) => `${chunk.start}-${chunk.end}`),
        [retrieval.results]: JSON.stringify(
          found.map((chunk) => ({
            chunkId: chunk.chunkId,
            sourceId: chunk.sourceId,
            url: urls.get(chunk.sourceId) ?? '',
            start: chunk.start,
            end: chunk.end,
            score: chunk.score,
            text: chunk.text,
          })),
        ),
      });
      return found;
    });
    for (const chunk of chunks) {
      const existing = scored.get(chunk.chunkId);
      if (existing) {
        existing.score += chunk.score;
        continue;
      }
      scored.set(chunk.chunkId, {
        score: chunk.score,
        passage: {
          sourceId: chunk.sourceId,
          url: urls.get(chunk.sourceId) ?? '',
          party: chunk.party,
          snapshotHash: chunk.snapshotHash,
          start: chunk.start,
          end: chunk.end,
          text: chunk.text,
        },
      });
    }
  }
  return [...scored.entries()]
    .sort(([leftId, left], [rightId, right]) => right.score - left.score || leftId - rightId)
    .slice(0, passagesPerLens)
    .map(([, entry]) => entry.passage);
}

async function readLens(deps: AuditDependencies, task: LensTask): Promise<LensOutcome> {
  const lens = lensById(task.lensId);
  const engine = deps.engineFor(task.request.engine);
  const sources = await listSources(deps.database.pool, task.auditId);
  const agent = lensAgentName(task.lensId);
  const verifier = createEvidenceVerifier(deps.database.pool, sources, { tracing: deps.progress.tracing, scope: { auditId: task.auditId, agent } });
  // The rubric reads every source whole (judging a sentence is cheap); a model reads retrieved passages.
  const passages =
    engine.kind === 'rubric'
      ? await verifier.preload(sources.map((source) => source.id)).then(() => wholeSourcePassages(sources, verifier.snapshotOf))
      : await retrieveLensEvidence(deps, task.auditId, engine.retrievalQueries(lens), sources, agent);
  const draft = await engine.analyseLens(
    { lens, lab: task.request.lab, passages },
    { signal: AbortSignal.timeout(deps.agentTimeoutMs), auditId: task.auditId },
  );

  const findings: VerifiedFinding[] = [];
  let quotesVerified = 0;
  let quotesDropped = 0;
  for (const finding of draft.findings) {
    const evidence: Evidence[] = [];
    for (const quote of finding.quotes) {
      const passage = passages.find((candidate) => candidate.sourceId === quote.sourceId && candidate.text.includes(quote.quote));
      const verified = await verifier.verify(quote, passage?.start ?? 0);
      if (verified && !evidence.some((existing) => existing.start === verified.start && existing.sourceId === verified.sourceId)) {
        evidence.push(verified);
        quotesVerified += 1;
      } else if (!verified) {
        quotesDropped += 1;
      }
    }
    if (evidence.length > 0) findings.push({ text: finding.text, indicator: finding.indicator, evidence });
  }
  const notes = [...draft.notes];
  if (quotesDropped > 0) notes.push(`${quotesDropped} quote(s) not found verbatim in the cited sources were dropped`);
  return {
    status: 'ok',
    lensId: lens.id,
    score: Math.min(10, Math.max(1, Math.round(draft.score))),
    rubricScore: draft.rubricScore,
    ...(draft.rubricCredit ? { rubricCredit: draft.rubricCredit } : {}),
    findings,
    gaps: draft.gaps.map((gap) => ({ text: gap.text, indicator: gap.indicator })),
    justification: draft.justification,
    notes,
    quotesVerified,
    quotesDropped,
    passagesRead: passages.length,
  };
}

export function createLensAgent(deps: AuditDependencies) {
  return async function lensAgent(task: LensTask): Promise<AuditStateUpdate> {
    const outcome = await deps.progress.recordAgentRun(
      task.auditId,
      lensAgentName(task.lensId),
      async (): Promise<LensOutcome> => {
        try {
          return await readLens(deps, task);
        } catch (error) {
          return { status: 'failed', lensId: task.lensId, reason: describeError(error) };
        }
      },
      (result) =>
        result.status === 'ok'
          ? {
              status: 'succeeded',
              detail: `score ${result.score}/10 · ${result.findings.length} findings · ${result.gaps.length} gaps${result.quotesDropped ? ` · ${result.quotesDropped} quotes dropped` : ''}`,
            }
          : { status: 'failed', error: result.reason },
    );
    return { lensOutcomes: { [task.lensId]: outcome } as Partial<Record<LensId, LensOutcome>> };
  };
}
