/**
 * The llm engine: reads lenses, detects Suffixscape flags and reconciles drafts through any
 * OpenAI-compatible endpoint. The offline rubric still runs first for every lens as a prior, so
 * the critic can hold a model score far from it (lens or PALS) to the rubric's and flag it. The
 * engine returns the model's score untouched (pulling it here would hide from the critic exactly
 * the disagreement it must record), and the prior's reading is not shown to the model, so the
 * two stay independent.
 */
import type { AnalysisEngine, CallContext, DraftFlag, FlagDetectionInput, LensAnalysisInput, LensDraft, ReconcileDraft, ReconcileInput } from '../contract.js';
import type { LensId } from '../../../contract/catalog/lenses.js';
import type { ModelCallRecorder } from '../../../contract/model-call.js';
import type { ModelTransport } from './model-transport.js';
import { describeRetries } from './model-failure.js';
import { buildFlagMessages, buildLensMessages, buildReconcileMessages } from './prompts.js';
import { createCircuitBreaker, defaultCircuitPolicy, type CircuitBreaker } from './circuit-breaker.js';
import { chainSlots, providerLimit, type ProviderSlots } from './provider-limits.js';
import { flagsAnswerSchema, lensAnswerSchema, reconcileAnswerSchema, schemaNames } from './schemas.js';
import { createStructuredModelClient } from './structured-call.js';

export type { ModelCallRecord, ModelCallRecorder } from '../../../contract/model-call.js';

export interface LlmEngineOptions {
  /** An OpenAI-compatible API root, e.g. `http://127.0.0.1:8000/v1`. */
  readonly baseUrl: string;
  readonly model: string;
  /** Local servers usually ignore it; defaults to a placeholder the client accepts. */
  readonly apiKey?: string;
  /** Per HTTP attempt. */
  readonly timeoutMs: number;
  /** Attempts after the first, for 429, 5xx, timeouts, network errors and unusable answers. */
  readonly maxRetries: number;
  /** Concurrent requests to this provider, shared with every engine on the same baseUrl. */
  readonly maxConcurrency: number;
  /** Runs before every lens reading; its score becomes the draft's `rubricScore`. */
  readonly prior: AnalysisEngine;
  readonly recorder?: ModelCallRecorder;
  /** Answers requests instead of the network: an exact replay answers from recorded calls. */
  readonly transport?: ModelTransport;
  /** First backoff delay, doubled per retry (default 500 ms). */
  readonly retryBaseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 30 s). */
  readonly maxRetryDelayMs?: number;
  /** Slots shared with other processes (concurrency and requests per minute), taken after this process's own. */
  readonly sharedSlots?: ProviderSlots;
  /** The provider's circuit; shared across workers when given, else one per engine. */
  readonly circuitBreaker?: CircuitBreaker;
}

const defaultRetryBaseDelayMs = 500;
const defaultMaxRetryDelayMs = 30_000;

export function createLlmEngine(options: LlmEngineOptions): AnalysisEngine {
  const client = createStructuredModelClient({
    baseUrl: options.baseUrl,
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryDelay: {
      baseDelayMs: options.retryBaseDelayMs ?? defaultRetryBaseDelayMs,
      maxDelayMs: options.maxRetryDelayMs ?? defaultMaxRetryDelayMs,
    },
    limit: chainSlots(providerLimit(options.baseUrl, options.maxConcurrency), options.sharedSlots),
    circuitBreaker: options.circuitBreaker ?? createCircuitBreaker({ policy: defaultCircuitPolicy }),
    ...(options.recorder ? { recorder: options.recorder } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  const { prior } = options;

  async function analyseLens(input: LensAnalysisInput, context?: CallContext): Promise<LensDraft> {
    const priorDraft = await prior.analyseLens(input, context);
    const { value, failedAttempts } = await client.call(
      {
        purpose: `lens:${input.lens.id}`,
        subject: `lens '${input.lens.id}'`,
        schemaName: schemaNames.lens,
        schema: lensAnswerSchema,
        messages: buildLensMessages(input),
      },
      context,
    );
    const retries = describeRetries(failedAttempts);
    return {
      lensId: input.lens.id,
      score: value.score,
      findings: value.findings.map((finding) => ({
        text: finding.text,
        indicator: finding.indicator,
        quotes: finding.quotes.map((quote) => ({ quote: quote.quote, sourceId: quote.sourceId })),
      })),
      gaps: value.gaps.map((gap) => ({ text: gap.text, indicator: gap.indicator })),
      justification: value.justification,
      rubricScore: priorDraft.score,
      ...(priorDraft.rubricCredit ? { rubricCredit: priorDraft.rubricCredit } : {}),
      notes: retries ? [retries] : [],
    };
  }

  async function detectFlags(input: FlagDetectionInput, context?: CallContext): Promise<readonly DraftFlag[]> {
    const { value } = await client.call(
      {
        purpose: 'suffixscape',
        subject: 'the Suffixscape diagnostic',
        schemaName: schemaNames.flags,
        schema: flagsAnswerSchema,
        messages: buildFlagMessages(input),
      },
      context,
    );
    const detector = `llm:${options.model}`;
    return value.flags.map((flag) => ({ ...flag, detector }));
  }

  /**
   * No silent fallback to the prior on failure: a report whose prose quietly came from another
   * engine would misstate its own provenance. The error propagates to the critic instead.
   */
  async function reconcile(input: ReconcileInput, context?: CallContext): Promise<ReconcileDraft> {
    const { value } = await client.call(
      {
        purpose: 'reconcile',
        subject: 'the critic’s reconciliation',
        schemaName: schemaNames.reconcile,
        schema: reconcileAnswerSchema,
        messages: buildReconcileMessages(input),
      },
      context,
    );
    const drafted = new Set<LensId>(input.lensDrafts.map((draft) => draft.lensId));
    const justifications: Partial<Record<LensId, string>> = {};
    for (const [lensId, justification] of Object.entries(value.justifications) as Array<[LensId, string | null]>) {
      if (justification !== null && justification.trim() !== '' && drafted.has(lensId)) justifications[lensId] = justification;
    }
    return { justifications, pals: value.pals };
  }

  return {
    kind: 'llm',
    model: options.model,
    rubricVersion: prior.rubricVersion,
    retrievalQueries: (lens) => prior.retrievalQueries(lens),
    analyseLens,
    detectFlags,
    reconcile,
  };
}
