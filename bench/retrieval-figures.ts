/**
 * What the retrieval benchmark measures on one backend, and the targets the figures are read
 * against. These shapes are what `artifacts/bench/retrieval.json` holds.
 */
import type { DatabaseBackend } from '../infra/database/open-database.js';
import type { MemoryFigures } from './support/memory.js';
import type { Summary } from './support/statistics.js';

export const retrievalTargets = {
  /** Hybrid top-10 p95 on the PostgreSQL server; the embedded database is single-threaded WebAssembly and has no target. */
  serverP95Milliseconds: 20,
  recallAtTen: 0.95,
} as const;

export interface LatencyFigures {
  readonly queries: number;
  readonly warmupQueries: number;
  readonly milliseconds: Summary;
  /** Queries that came back with fewer than k chunks. */
  readonly shortAnswers: number;
}

export interface InsertFigures {
  readonly chunks: number;
  readonly batchSize: number;
  readonly batches: number;
  /** Time inside the insert statements only (rows, generated tsvector, HNSW, GIN and b-tree maintenance). */
  readonly insertMilliseconds: number;
  readonly chunksPerSecond: number;
  /** Throughput over the first and last tenth of the batches: the HNSW graph gets dearer to extend as it grows. */
  readonly firstTenthChunksPerSecond: number;
  readonly lastTenthChunksPerSecond: number;
  readonly batchMilliseconds: Summary;
  /** Generating and embedding the text, outside the measured inserts. */
  readonly embeddingMilliseconds: number;
  readonly snapshotMilliseconds: number;
  readonly analyseMilliseconds: number;
  /** Wall time of the whole load: generation, embedding, snapshots and inserts. */
  readonly totalMilliseconds: number;
}

export interface RecallFigures {
  readonly k: number;
  readonly queries: number;
  /** Through the index with the session's `hnsw.ef_search` (as opened). */
  readonly meanRecall: number;
  readonly minimumRecall: number;
  readonly perfectQueries: number;
  /**
   * Whether the planner, left to itself, walks the index for a top-k query. On a small table it
   * prefers a sequential scan (exact, recall 1), which is why recall is measured with sequential
   * scans disabled: the figure is always the index's.
   */
  readonly plannerPicksIndex: boolean;
  readonly approximateMilliseconds: Summary;
  readonly exactMilliseconds: Summary;
  /** The same queries with other `hnsw.ef_search` values, to show the recall/latency trade. */
  readonly byEfSearch: readonly EfSearchFigures[];
}

export interface EfSearchFigures {
  readonly efSearch: number;
  readonly meanRecall: number;
  readonly medianMilliseconds: number;
  readonly p95Milliseconds: number;
}

/** Building the HNSW index in one pass over the loaded table, for comparison with maintaining it row by row. */
export interface IndexBuildFigures {
  readonly milliseconds: number;
  readonly chunksPerSecond: number;
  readonly maintenanceWorkMem: string;
}

export interface BackendFigures {
  readonly backend: DatabaseBackend;
  readonly serverVersion: string;
  readonly pgvectorVersion: string;
  readonly settings: {
    readonly efSearch: string;
    readonly iterativeScan: string;
    /** The HNSW index's storage parameters; empty means pgvector's defaults (m = 16, ef_construction = 64). */
    readonly hnswOptions: readonly string[];
  };
  readonly corpus: {
    readonly chunks: number;
    readonly audits: number;
    readonly pages: number;
    readonly vocabularySize: number;
    readonly meanWordsPerSentence: number;
    readonly meanWordsPerChunk: number;
    readonly firstPartyShare: number;
  };
  readonly insert: InsertFigures;
  readonly storage: {
    readonly tableMegabytes: number;
    readonly hnswIndexMegabytes: number;
    readonly textIndexMegabytes: number;
    readonly totalMegabytes: number;
  };
  readonly hybrid: {
    readonly unfiltered: LatencyFigures;
    readonly auditFiltered: LatencyFigures;
    /** The audit-scoped queries in exact mode, as the audit agents run them (every chunk of the audit ranked). */
    readonly auditExact: LatencyFigures;
    /**
     * The unfiltered queries with empty text: the vector leg, fusion and row fetch without
     * full-text ranking. The difference from `unfiltered` is what the full-text leg costs.
     */
    readonly vectorLegOnly: LatencyFigures;
  };
  readonly recall: RecallFigures;
  /** Absent when skipped (--skip-index-build). */
  readonly indexBuild: IndexBuildFigures | null;
  readonly memory: MemoryFigures;
  /**
   * The machine's 1/5/15-minute load averages when the backend finished: latency and throughput
   * figures from a busy machine are upper bounds, and this says how busy it was.
   */
  readonly loadAverage: readonly number[];
  readonly totalMilliseconds: number;
}

export interface TargetVerdict {
  readonly name: string;
  readonly target: string;
  readonly actual: number;
  readonly met: boolean;
}

/** The targets that apply to a backend's figures, each with whether it was met. */
export function verdictsFor(figures: BackendFigures): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [
    { name: 'recall@10', target: `≥ ${retrievalTargets.recallAtTen}`, actual: figures.recall.meanRecall, met: figures.recall.meanRecall >= retrievalTargets.recallAtTen },
  ];
  if (figures.backend === 'postgres') {
    for (const [name, latency] of [
      ['hybrid p95 (all audits)', figures.hybrid.unfiltered],
      ['hybrid p95 (one audit)', figures.hybrid.auditFiltered],
    ] as const) {
      verdicts.push({
        name,
        target: `< ${retrievalTargets.serverP95Milliseconds} ms`,
        actual: latency.milliseconds.p95,
        met: latency.milliseconds.p95 < retrievalTargets.serverP95Milliseconds,
      });
    }
  }
  return verdicts;
}

/** The run fails when recall misses its target on any backend; latency targets are reported only. */
export function recallFailed(figures: readonly BackendFigures[]): boolean {
  return figures.some((backend) => !(backend.recall.meanRecall >= retrievalTargets.recallAtTen));
}
