/**
 * The state of one audit's LangGraph thread. Large texts never live here: snapshots and chunks
 * are in Postgres, keyed by audit, so checkpoints stay small and any process can resume.
 */
import { Annotation } from '@langchain/langgraph';
import type { LensId } from '../contract/catalog/lenses.js';
import type { SuffixscapePatternId } from '../contract/catalog/suffixscape-patterns.js';
import type { Evidence, SourceRead } from '../contract/report-schema.js';
import type { AuditRequest } from '../contract/audit-request.js';
import type { RubricCredit } from './engines/contract.js';

export interface VerifiedFinding {
  readonly text: string;
  readonly indicator: string | null;
  readonly evidence: readonly Evidence[];
}

/** What a lens agent hands the critic: verified findings, or why the lens could not be read. */
export type LensOutcome =
  | {
      readonly status: 'ok';
      readonly lensId: LensId;
      readonly score: number;
      readonly rubricScore: number;
      /** The rubric's weighted indicator credit behind `rubricScore` (absent in audits recorded before it was kept). */
      readonly rubricCredit?: RubricCredit;
      readonly findings: readonly VerifiedFinding[];
      readonly gaps: readonly { readonly text: string; readonly indicator: string | null }[];
      readonly justification: string;
      readonly notes: readonly string[];
      readonly quotesVerified: number;
      readonly quotesDropped: number;
      readonly passagesRead: number;
    }
  | {
      readonly status: 'failed';
      readonly lensId: LensId;
      readonly reason: string;
    };

export interface VerifiedFlag {
  readonly pattern: SuffixscapePatternId | string;
  readonly quote: string;
  readonly sourceId: string;
  readonly url: string;
  readonly start: number;
  readonly end: number;
  readonly effect: string;
  readonly alternative: string;
  readonly detector: string;
  /** In [0, 1], from the engine; absent when it gives none. */
  readonly confidence?: number;
}

export type SuffixscapeOutcome =
  | { readonly status: 'ok'; readonly flags: readonly VerifiedFlag[]; readonly quotesDropped: number }
  | { readonly status: 'failed'; readonly reason: string };

export interface PublishedVersion {
  /** The lab's version number; null while the report waits for an editor as a draft. */
  readonly version: number | null;
  readonly sha256: string;
}

export const AuditState = Annotation.Root({
  /** The audit id, also the LangGraph thread id. */
  auditId: Annotation<string>,
  /** The validated launch request. */
  request: Annotation<AuditRequest>,
  /** Audit date (YYYY-MM-DD) and start time, fixed at launch so a resumed audit keeps them. */
  startedAt: Annotation<string>,
  /** Every source the crawler read or tried to read; written once by the crawler. */
  sources: Annotation<SourceRead[]>({ reducer: (_previous, next) => next, default: () => [] }),
  /** Crawl-wide remarks for the confidence note (browser missing, budget exhausted). */
  crawlNotes: Annotation<string[]>({ reducer: (_previous, next) => next, default: () => [] }),
  /** Chunks indexed, for progress and the confidence note. */
  chunksIndexed: Annotation<number>({ reducer: (_previous, next) => next, default: () => 0 }),
  /** One outcome per lens; the eight lens agents write in the same step, so this merges. */
  lensOutcomes: Annotation<Partial<Record<LensId, LensOutcome>>>({
    reducer: (previous, next) => ({ ...previous, ...next }),
    default: () => ({}),
  }),
  /** The Suffixscape agent's verified flags. */
  suffixscape: Annotation<SuffixscapeOutcome | null>({ reducer: (_previous, next) => next, default: () => null }),
  /** The report the critic assembled (before history is attached at publish time). */
  reportDraft: Annotation<unknown>({ reducer: (_previous, next) => next, default: () => null }),
  /** Set once the report is stored: as an immutable version, or as a draft awaiting review. */
  published: Annotation<PublishedVersion | null>({ reducer: (_previous, next) => next, default: () => null }),
});

export type AuditStateValue = typeof AuditState.State;
export type AuditStateUpdate = typeof AuditState.Update;

/** What the lens fan-out sends each lens agent. */
export interface LensTask {
  readonly auditId: string;
  readonly request: AuditRequest;
  readonly lensId: LensId;
}
