/**
 * The critic agent: reconciles the nine drafts into one report. The engine writes the prose
 * (per-lens justifications, PALS scores with their basis); the critic itself does what must not
 * depend on an engine: cross-references, review flags, the confidence assessment, the composite.
 */
import { lenses, lensById, type LensId } from '../catalog/lenses.js';
import { palsComposite } from '../catalog/pals.js';
import type { AuditDependencies } from '../../graph/audit-dependencies.js';
import { stanceReportSchema, describeReportProblems, reportSchemaVersion, type LensResult, type StanceReport } from '../../graph/report-schema.js';
import type { AuditStateUpdate, AuditStateValue, LensOutcome } from '../../graph/state.js';
import { StanceWatchError, describeError } from '../../infra/errors.js';
import type { LensDraft, ReconcileDraft } from '../engines/contract.js';
import { assessConfidence, priorDisagreementThreshold } from './confidence.js';
import { crossReference, mergeDuplicateFindings, rankSubstance } from './cross-reference.js';

function toLensDraft(outcome: Extract<LensOutcome, { status: 'ok' }>): LensDraft {
  return {
    lensId: outcome.lensId,
    score: outcome.score,
    rubricScore: outcome.rubricScore,
    findings: outcome.findings.map((finding) => ({
      text: finding.text,
      indicator: finding.indicator,
      quotes: finding.evidence.map((evidence) => ({ quote: evidence.quote, sourceId: evidence.sourceId })),
    })),
    gaps: outcome.gaps,
    justification: outcome.justification,
    notes: outcome.notes,
  };
}

/** Assembles and validates the report; history is attached by the publisher. */
export async function reconcileAudit(deps: AuditDependencies, state: AuditStateValue): Promise<StanceReport> {
  const engine = deps.engineFor(state.request.engine);
  const outcomes = lenses.map(
    (lens): LensOutcome => state.lensOutcomes[lens.id] ?? { status: 'failed', lensId: lens.id, reason: 'the lens agent did not report' },
  );
  const succeeded = outcomes.filter((outcome): outcome is Extract<LensOutcome, { status: 'ok' }> => outcome.status === 'ok');
  const flags = state.suffixscape?.status === 'ok' ? state.suffixscape.flags : [];

  const reconcileInput = {
    lab: state.request.lab,
    lensDrafts: succeeded.map(toLensDraft),
    flags: flags.map((flag) => ({ pattern: flag.pattern, quote: flag.quote, sourceId: flag.sourceId, effect: flag.effect, alternative: flag.alternative, detector: flag.detector })),
    sources: state.sources,
  };
  const context = { signal: AbortSignal.timeout(deps.agentTimeoutMs), auditId: state.auditId };
  let reconciled: ReconcileDraft;
  let reconcileFailure: string | null = null;
  try {
    reconciled = await engine.reconcile(reconcileInput, context);
  } catch (error) {
    // A model that cannot reconcile must not cost the whole audit: the offline rubric's
    // reconciliation stands in, and the confidence note says so.
    if (engine.kind === 'rubric') throw error;
    reconcileFailure = describeError(error);
    // Not under the model's signal: when the model ran out of time it is already aborted, and
    // the rubric, offline and instant, must still answer.
    reconciled = await deps.engineFor('rubric').reconcile(reconcileInput, { auditId: state.auditId });
  }

  const mergedFindings = new Map<LensId, ReturnType<typeof mergeDuplicateFindings>>(
    succeeded.map((outcome) => [outcome.lensId, mergeDuplicateFindings(outcome.findings)]),
  );
  const alsoIn = crossReference(mergedFindings);
  const allEvidence = [...mergedFindings.values()].flat().flatMap((finding) => finding.evidence);
  const date = state.startedAt.slice(0, 10);
  const confidence = assessConfidence({
    date,
    sources: state.sources,
    crawlNotes: state.crawlNotes,
    lensOutcomes: outcomes,
    suffixscape: state.suffixscape,
    substanceFrom: rankSubstance(allEvidence),
    reconcileFailure,
  });

  const lensResults: LensResult[] = outcomes.map((outcome) => {
    const lens = lensById(outcome.lensId);
    const header = { id: lens.id, number: lens.number, title: lens.title, question: lens.question, failureCorrected: lens.failureCorrected };
    if (outcome.status === 'failed') {
      return {
        ...header,
        status: 'failed',
        failureReason: outcome.reason,
        score: null,
        findings: [],
        gaps: [],
        justification: `This lens could not be read in this audit: ${outcome.reason}`,
        reviewFlags: [],
      };
    }
    const findings = mergedFindings.get(lens.id) ?? [];
    const references = alsoIn.get(lens.id) ?? [];
    const reviewFlags: LensResult['reviewFlags'] = [];
    if (Math.abs(outcome.score - outcome.rubricScore) > priorDisagreementThreshold) {
      reviewFlags.push({ kind: 'model-rubric-disagreement', detail: `model score ${outcome.score}, rubric prior ${outcome.rubricScore}` });
    }
    if (outcome.quotesDropped > 0) {
      reviewFlags.push({ kind: 'quotes-dropped', detail: `${outcome.quotesDropped} quote(s) not found verbatim were dropped` });
    }
    return {
      ...header,
      status: 'ok',
      failureReason: null,
      score: outcome.score,
      findings: findings.map((finding, index) => ({
        id: `${lens.id}-f${index + 1}`,
        text: finding.text,
        indicator: finding.indicator,
        evidence: [...finding.evidence],
        alsoIn: references[index] ?? [],
      })),
      gaps: outcome.gaps.map((gap, index) => ({ id: `${lens.id}-g${index + 1}`, text: gap.text, indicator: gap.indicator })),
      justification: reconciled.justifications[lens.id] ?? outcome.justification,
      reviewFlags,
    };
  });

  const pals = {
    completeness: reconciled.pals.completeness,
    multiplicity: reconciled.pals.multiplicity,
    responsibility: reconciled.pals.responsibility,
    composite: palsComposite([reconciled.pals.completeness.score, reconciled.pals.multiplicity.score, reconciled.pals.responsibility.score]),
  };
  const failedAgents = [
    ...outcomes.filter((outcome) => outcome.status === 'failed').map((outcome) => `lens:${outcome.lensId}`),
    ...(state.suffixscape?.status === 'failed' ? ['suffixscape'] : []),
  ];
  const quotesDropped =
    succeeded.reduce((sum, outcome) => sum + outcome.quotesDropped, 0) + (state.suffixscape?.status === 'ok' ? state.suffixscape.quotesDropped : 0);

  const candidate: StanceReport = {
    schemaVersion: reportSchemaVersion,
    lab: state.request.lab,
    audit: {
      id: state.auditId,
      date,
      auditor: deps.auditor,
      engine: { kind: engine.kind, model: engine.model, embedder: deps.embedder.id, rubricVersion: engine.rubricVersion },
      sources: state.sources,
      confidence,
    },
    pals,
    lenses: lensResults,
    suffixscape: flags.map((flag, index) => ({ id: `flag-${index + 1}`, ...flag, verified: true })),
    history: [],
    stats: {
      quotesVerified: lensResults.reduce((sum, lens) => sum + lens.findings.reduce((count, finding) => count + finding.evidence.length, 0), 0) + flags.length,
      quotesDropped,
      failedAgents,
    },
  };
  const parsed = stanceReportSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new StanceWatchError('report_invalid', `The critic assembled an invalid report: ${describeReportProblems(parsed.error).join('; ')}`);
  }
  return parsed.data;
}

export function createCriticAgent(deps: AuditDependencies) {
  return async function critic(state: AuditStateValue): Promise<AuditStateUpdate> {
    const report = await deps.progress.run(
      state.auditId,
      'critic',
      () => reconcileAudit(deps, state),
      (result) => ({
        status: 'succeeded',
        detail: `composite ${result.pals.composite} · ${result.audit.confidence.level} confidence`,
      }),
    );
    return { reportDraft: report };
  };
}
