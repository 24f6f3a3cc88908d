/**
 * The one contract every analysis engine fulfils. Agents never talk to a model directly: they
 * hand an engine evidence and get drafts back. Drafts carry quotes as plain strings plus the
 * source they claim to come from; the agents, not the engines, locate and verify every quote
 * against the snapshot, so no engine can publish text that was not crawled.
 */
import type { LensDefinition, LensId } from '../../contract/catalog/lenses.js';
import type { PalsDimensionId } from '../../contract/catalog/pals.js';
import type { SuffixscapePatternId } from '../../contract/catalog/suffixscape-patterns.js';
import type { LabProfile, SourceRead } from '../../contract/report-schema.js';
import type { EngineKind } from '../../contract/vocabulary.js';

/** A retrieved passage of a crawled snapshot, with offsets into that snapshot. */
export interface EvidencePassage {
  readonly sourceId: string;
  readonly url: string;
  readonly party: 'first' | 'third';
  readonly snapshotHash: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface DraftQuote {
  /** Must appear verbatim in the cited source's snapshot, or it is dropped. */
  readonly quote: string;
  readonly sourceId: string;
}

export interface DraftFinding {
  readonly text: string;
  readonly indicator: string | null;
  readonly quotes: readonly DraftQuote[];
}

export interface DraftGap {
  readonly text: string;
  readonly indicator: string | null;
}

export interface LensAnalysisInput {
  readonly lens: LensDefinition;
  readonly lab: LabProfile;
  /** Passages retrieved for this lens, most relevant first, first- and third-party mixed. */
  readonly passages: readonly EvidencePassage[];
}

/** Σ weight·credit earned and Σ weight possible over a lens rubric's indicators. */
export interface RubricCredit {
  readonly earned: number;
  readonly possible: number;
}

export interface LensDraft {
  readonly lensId: LensId;
  readonly score: number;
  readonly findings: readonly DraftFinding[];
  readonly gaps: readonly DraftGap[];
  readonly justification: string;
  /** The offline rubric's score for the same evidence, kept as a prior for the critic. */
  readonly rubricScore: number;
  /**
   * The offline rubric's weighted indicator credit behind `rubricScore`: PALS pools it across a
   * dimension's lenses. Absent in drafts recorded before it was kept; PALS then averages scores.
   */
  readonly rubricCredit?: RubricCredit;
  /** Anything a reviewer should know about how this draft was produced. */
  readonly notes: readonly string[];
}

export interface FlagDetectionInput {
  readonly lab: LabProfile;
  /** First-party passages only: Suffixscape reads the lab's own voice. */
  readonly passages: readonly EvidencePassage[];
}

export interface DraftFlag {
  readonly pattern: SuffixscapePatternId | string;
  readonly quote: string;
  readonly sourceId: string;
  readonly effect: string;
  readonly alternative: string;
  readonly detector: string;
  /** In [0, 1]: how likely the flag is to hold; absent when the engine gives none (read as 1). */
  readonly confidence?: number;
}

export interface ReconcileInput {
  readonly lab: LabProfile;
  readonly lensDrafts: readonly LensDraft[];
  readonly flags: readonly DraftFlag[];
  readonly sources: readonly SourceRead[];
}

export interface PalsDraft {
  readonly score: number;
  readonly basis: string;
}

export interface ReconcileDraft {
  /** A justification per lens that agrees with that lens's findings and gaps. */
  readonly justifications: Readonly<Partial<Record<LensId, string>>>;
  readonly pals: Readonly<Record<PalsDimensionId, PalsDraft>>;
}

export interface CallContext {
  /** Aborts model calls when the audit is cancelled or the node times out. */
  readonly signal?: AbortSignal;
  /** Audit the call belongs to, for recording and tracing. */
  readonly auditId?: string;
}

export interface AnalysisEngine {
  readonly kind: EngineKind;
  readonly model: string | null;
  readonly rubricVersion: string;
  /** Retrieval queries for a lens; the lens agent runs them through hybrid retrieval. */
  retrievalQueries(lens: LensDefinition): readonly string[];
  analyseLens(input: LensAnalysisInput, context?: CallContext): Promise<LensDraft>;
  detectFlags(input: FlagDetectionInput, context?: CallContext): Promise<readonly DraftFlag[]>;
  reconcile(input: ReconcileInput, context?: CallContext): Promise<ReconcileDraft>;
}
