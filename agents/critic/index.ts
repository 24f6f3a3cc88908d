/**
 * The critic agent: reconciles the nine drafts into one report. The engine writes the prose
 * (per-lens justifications, PALS scores with their basis); the critic itself does what must not
 * depend on an engine: cross-references, review flags, the confidence assessment, the composite,
 * and holding every model score (lens and PALS) to the rubric's (`prior-agreement.ts`).
 */
import { lenses, lensById, type LensId } from '../../contract/catalog/lenses.js';
import { palsComposite, palsDimensions, type PalsDimensionId } from '../../contract/catalog/pals.js';
import type { AuditDependencies } from '../audit-dependencies.js';
import { stanceReportSchema, describeReportProblems, reportSchemaVersion, type LensResult, type Pals, type StanceReport } from '../../contract/report-schema.js';
import type { AuditStateUpdate, AuditStateValue, LensOutcome } from '../audit-state.js';
import { StanceWatchError, describeError } from '../../infra/errors.js';
import type { DraftFlag, LensDraft, ReconcileDraft, ReconcileInput } from '../engines/contract.js';
import { firstPartyPassages } from '../first-party-passages.js';
import { getSnapshotTexts } from '../../infra/database/repositories/snapshots.js';
import { assessConfidence, lensLabel } from './confidence.js';
import { describeContradictionsProblem, findContradictions, type FirstPartyDocument } from './contradictions.js';
import { crossReference, mergeDuplicateFindings, rankSubstance } from './cross-reference.js';
import {
  checkAgainstPrior,
  checkPalsAgainstPrior,
  describeClamp,
  describeCompositeDisagreement,
  describeCompositeProblem,
  describeDisagreement,
  describeDisagreementProblem,
  type PriorCheck,
} from './prior-agreement.js';

type ReadLens = Extract<LensOutcome, { status: 'ok' }>;

/**
 * How much of each source's text is read to recognise its kind of document: enough for a model
 * card's sections, which run through the document (`document-kinds.ts`).
 */
const openingChars = 12000;

/** The audit's snapshot texts by hash, read once for every step of the critic that needs them. */
type SnapshotTexts = ReadonlyMap<string, string>;

/** The opening of every read source's snapshot, for the confidence note's document kinds. */
function sourceOpenings(texts: SnapshotTexts, sources: AuditStateValue['sources']): Map<string, string> {
  const openings = new Map<string, string>();
  for (const source of sources) {
    const text = source.snapshotHash === null ? undefined : texts.get(source.snapshotHash);
    if (text !== undefined) openings.set(source.id, text.slice(0, openingChars));
  }
  return openings;
}

/**
 * The lab's own documents as read: first-party sources with a snapshot, login pages left out
 * (their text is the login form, not the lab speaking).
 */
function firstPartyDocuments(texts: SnapshotTexts, sources: AuditStateValue['sources']): FirstPartyDocument[] {
  const documents: FirstPartyDocument[] = [];
  const read = sources.filter((source) => source.party === 'first' && source.snapshotHash !== null && source.error === null && !source.issues.includes('redirected-to-login'));
  for (const source of read) {
    const text = texts.get(source.snapshotHash!);
    if (text !== undefined) documents.push({ sourceId: source.id, url: source.finalUrl, text });
  }
  return documents;
}

/** The draft the reconciliation reads: the lens's published score, not the model's raw one. */
function toLensDraft(outcome: ReadLens, score: number): LensDraft {
  return {
    lensId: outcome.lensId,
    score,
    rubricScore: outcome.rubricScore,
    ...(outcome.rubricCredit ? { rubricCredit: outcome.rubricCredit } : {}),
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

/** A justification or basis, plus the sentence that says its score was clamped, when it was. */
function withClamp(text: string, check: PriorCheck | undefined): string {
  return check && check.published !== check.model ? `${text} ${describeClamp(check)}` : text;
}

/** One flag per pattern and quote of a source, as the Suffixscape agent keeps them. */
function distinctFlags(flags: readonly DraftFlag[]): DraftFlag[] {
  const seen = new Set<string>();
  return flags.filter((flag) => {
    const key = `${flag.sourceId}\u0000${flag.pattern}\u0000${flag.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The rubric's PALS for this audit, what a rubric audit of the same pages would publish: the
 * rubric's reconciliation of its own lens scores (the priors the lens agents kept) and of its own
 * Suffixscape flags over the same first-party pages. Nothing in it comes from the model, so an
 * injection that inflates the model's scores or suppresses its flags cannot move it. Offline, so
 * it runs without the model's time limit.
 */
async function rubricPals(
  deps: AuditDependencies,
  state: AuditStateValue,
  texts: SnapshotTexts,
  input: ReconcileInput,
  succeeded: readonly ReadLens[],
): Promise<ReconcileDraft['pals']> {
  const rubric = deps.engineFor('rubric');
  const context = { auditId: state.auditId };
  const byId = new Map(state.sources.map((source) => [source.id, source]));
  const passages = await firstPartyPassages(state.sources, async (sourceId) => {
    const hash = byId.get(sourceId)?.snapshotHash;
    return hash ? (texts.get(hash) ?? null) : null;
  });
  const flags = passages.length > 0 ? distinctFlags(await rubric.detectFlags({ lab: input.lab, passages }, context)) : [];
  const priorScores = new Map(succeeded.map((outcome) => [outcome.lensId, outcome.rubricScore]));
  const lensDrafts = input.lensDrafts.map((draft) => ({ ...draft, score: priorScores.get(draft.lensId) ?? draft.score }));
  return (await rubric.reconcile({ ...input, lensDrafts, flags }, context)).pals;
}

interface PublishedPals {
  readonly published: Pals;
  /** Confidence-note lines, one per flagged dimension or composite. */
  readonly problems: readonly string[];
}

/**
 * The PALS as published: the engine's dimensions held to the rubric's (`prior` null when the
 * engine is the rubric itself), the composite computed here from what is published.
 */
function publishPals(reconciled: ReconcileDraft, prior: ReconcileDraft['pals'] | null): PublishedPals {
  const model = reconciled.pals;
  const scoresOf = (pals: ReconcileDraft['pals']) => ({
    completeness: pals.completeness.score,
    multiplicity: pals.multiplicity.score,
    responsibility: pals.responsibility.score,
  });
  const checks = checkPalsAgainstPrior(scoresOf(model), scoresOf(prior ?? model), palsComposite);
  const reviewFlags: Pals['reviewFlags'] = [];
  const problems: string[] = [];
  for (const dimension of palsDimensions) {
    const check = checks[dimension.id];
    if (!check.flagged) continue;
    reviewFlags.push({ target: dimension.id, kind: 'model-rubric-disagreement', detail: describeDisagreement(check) });
    problems.push(describeDisagreementProblem(`PALS ${dimension.title}`, check));
  }
  if (checks.composite.flagged) {
    reviewFlags.push({ target: 'composite', kind: 'model-rubric-disagreement', detail: describeCompositeDisagreement(checks.composite) });
    problems.push(describeCompositeProblem(checks.composite));
  }
  const dimensionScore = (id: PalsDimensionId) => ({ score: checks[id].published, basis: withClamp(model[id].basis, checks[id]) });
  return {
    published: {
      completeness: dimensionScore('completeness'),
      multiplicity: dimensionScore('multiplicity'),
      responsibility: dimensionScore('responsibility'),
      composite: checks.composite.published,
      reviewFlags,
    },
    problems,
  };
}

/** Assembles and validates the report; history is attached by the publisher. */
export async function reconcileAudit(deps: AuditDependencies, state: AuditStateValue): Promise<StanceReport> {
  const engine = deps.engineFor(state.request.engine);
  const outcomes = lenses.map(
    (lens): LensOutcome => state.lensOutcomes[lens.id] ?? { status: 'failed', lensId: lens.id, reason: 'the lens agent did not report' },
  );
  const succeeded = outcomes.filter((outcome): outcome is ReadLens => outcome.status === 'ok');
  const flags = state.suffixscape?.status === 'ok' ? state.suffixscape.flags : [];
  const lensChecks = new Map<LensId, PriorCheck>(succeeded.map((outcome) => [outcome.lensId, checkAgainstPrior(outcome.score, outcome.rubricScore)]));
  const publishedScore = (outcome: ReadLens) => lensChecks.get(outcome.lensId)?.published ?? outcome.score;
  // One query for every snapshot the critic reads (PALS prior, contradictions, document kinds);
  // none read, no database touched.
  const hashes = state.sources.flatMap((source) => source.snapshotHash ?? []);
  const texts: SnapshotTexts = hashes.length === 0 ? new Map() : await getSnapshotTexts(deps.database.pool, hashes);

  const reconcileInput: ReconcileInput = {
    lab: state.request.lab,
    lensDrafts: succeeded.map((outcome) => toLensDraft(outcome, publishedScore(outcome))),
    flags: flags.map((flag) => ({ pattern: flag.pattern, quote: flag.quote, sourceId: flag.sourceId, effect: flag.effect, alternative: flag.alternative, detector: flag.detector, ...(flag.confidence === undefined ? {} : { confidence: flag.confidence }) })),
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
  const pals =
    engine.kind === 'rubric'
      ? publishPals(reconciled, null)
      : publishPals(reconciled, await rubricPals(deps, state, texts, reconcileInput, succeeded));
  const priorDisagreements = [
    ...succeeded.flatMap((outcome) => {
      const check = lensChecks.get(outcome.lensId);
      return check?.flagged ? [describeDisagreementProblem(lensLabel(outcome), check)] : [];
    }),
    ...pals.problems,
  ];

  const mergedFindings = new Map<LensId, ReturnType<typeof mergeDuplicateFindings>>(
    succeeded.map((outcome) => [outcome.lensId, mergeDuplicateFindings(outcome.findings)]),
  );
  const alsoIn = crossReference(mergedFindings);
  const allEvidence = [...mergedFindings.values()].flat().flatMap((finding) => finding.evidence);
  const date = state.startedAt.slice(0, 10);
  // Engine-independent, like the cross-references: the same pages give the same contradictions
  // whichever engine wrote the prose, and an exact replay reproduces them.
  const contradictions = findContradictions(firstPartyDocuments(texts, state.sources));
  const contradictionsProblem = describeContradictionsProblem(contradictions);
  const confidence = assessConfidence({
    openings: sourceOpenings(texts, state.sources),
    date,
    sources: state.sources,
    crawlNotes: state.crawlNotes,
    lensOutcomes: outcomes,
    suffixscape: state.suffixscape,
    substanceFrom: rankSubstance(allEvidence),
    reconcileFailure,
    priorDisagreements,
    ...(contradictionsProblem ? { contradictions: contradictionsProblem } : {}),
    ...(state.request.watch ? { watch: state.request.watch } : {}),
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
    const check = lensChecks.get(lens.id);
    if (check?.flagged) reviewFlags.push({ kind: 'model-rubric-disagreement', detail: describeDisagreement(check) });
    if (outcome.quotesDropped > 0) {
      reviewFlags.push({ kind: 'quotes-dropped', detail: `${outcome.quotesDropped} quote(s) not found verbatim were dropped` });
    }
    return {
      ...header,
      status: 'ok',
      failureReason: null,
      score: publishedScore(outcome),
      findings: findings.map((finding, index) => ({
        id: `${lens.id}-f${index + 1}`,
        text: finding.text,
        indicator: finding.indicator,
        evidence: [...finding.evidence],
        alsoIn: references[index] ?? [],
      })),
      gaps: outcome.gaps.map((gap, index) => ({ id: `${lens.id}-g${index + 1}`, text: gap.text, indicator: gap.indicator })),
      justification: withClamp(reconciled.justifications[lens.id] ?? outcome.justification, check),
      reviewFlags,
    };
  });

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
    pals: pals.published,
    lenses: lensResults,
    suffixscape: flags.map((flag, index) => ({ id: `flag-${index + 1}`, ...flag, verified: true })),
    contradictions,
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
    const report = await deps.progress.recordAgentRun(
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
