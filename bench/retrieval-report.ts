/** The retrieval benchmark's figures as a readable per-backend report. */
import os from 'node:os';
import { retrievalTargets, verdictsFor, type BackendFigures, type LatencyFigures } from './retrieval-figures.js';
import { formatTable } from './support/table.js';

const milliseconds = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : '—');
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '—');
const megabytes = (value: number) => `${value.toFixed(0)} MB`;
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : '—');
const mark = (met: boolean) => (met ? 'ok' : 'MISSED');

function latencyRow(label: string, latency: LatencyFigures, target: string): string[] {
  const short = latency.shortAnswers > 0 ? ` (${latency.shortAnswers} short)` : '';
  return [label, `${latency.queries}${short}`, milliseconds(latency.milliseconds.median), milliseconds(latency.milliseconds.p95), milliseconds(latency.milliseconds.max), target];
}

export function formatBackendReport(figures: BackendFigures): string {
  const { corpus, insert, storage, hybrid, recall } = figures;
  const latencyTarget = figures.backend === 'postgres' ? `p95 < ${retrievalTargets.serverP95Milliseconds} ms` : 'none (embedded)';
  const hnsw = figures.settings.hnswOptions.length > 0 ? figures.settings.hnswOptions.join(', ') : 'm=16, ef_construction=64 (defaults)';
  const sections = [
    `=== ${figures.backend} — ${figures.serverVersion}, pgvector ${figures.pgvectorVersion} ===`,
    `HNSW ${hnsw}; session hnsw.ef_search=${figures.settings.efSearch}, hnsw.iterative_scan=${figures.settings.iterativeScan}`,
    `Corpus: ${whole(corpus.chunks)} chunks over ${corpus.audits} audits and ${whole(corpus.pages)} pages; ` +
      `${corpus.meanWordsPerChunk.toFixed(0)} words per chunk, ${corpus.meanWordsPerSentence.toFixed(1)} per sentence; ` +
      `vocabulary ${whole(corpus.vocabularySize)} word forms; ${(corpus.firstPartyShare * 100).toFixed(0)}% first-party`,
    '',
    formatTable(
      [{ header: 'Load' }, { header: 'Value', align: 'right' }],
      [
        ['insert throughput (HNSW + GIN maintained)', `${whole(insert.chunksPerSecond)} chunks/s`],
        ['  first / last tenth of the load', `${whole(insert.firstTenthChunksPerSecond)} / ${whole(insert.lastTenthChunksPerSecond)} chunks/s`],
        [`  batch of ${insert.batchSize}: median / p95`, `${milliseconds(insert.batchMilliseconds.median)} / ${milliseconds(insert.batchMilliseconds.p95)}`],
        ['time in inserts', seconds(insert.insertMilliseconds)],
        ['time generating + embedding text', seconds(insert.embeddingMilliseconds)],
        ['time storing page snapshots', seconds(insert.snapshotMilliseconds)],
        ['total load time', seconds(insert.totalMilliseconds)],
        ['analyze chunks', seconds(insert.analyseMilliseconds)],
        ['size: table / HNSW / GIN / total', `${megabytes(storage.tableMegabytes)} / ${megabytes(storage.hnswIndexMegabytes)} / ${megabytes(storage.textIndexMegabytes)} / ${megabytes(storage.totalMegabytes)}`],
      ],
    ),
    '',
    formatTable(
      [{ header: `Hybrid top-${recall.k}` }, { header: 'Queries', align: 'right' }, { header: 'Median', align: 'right' }, { header: 'p95', align: 'right' }, { header: 'Max', align: 'right' }, { header: 'Target' }],
      [
        latencyRow('all audits, approximate', hybrid.unfiltered, latencyTarget),
        latencyRow('one audit, approximate', hybrid.auditFiltered, latencyTarget),
        latencyRow('one audit, exact mode (agents)', hybrid.auditExact, ''),
        latencyRow('all audits, empty text (vector leg)', hybrid.vectorLegOnly, ''),
        ['vector only, HNSW (forced)', String(recall.queries), milliseconds(recall.approximateMilliseconds.median), milliseconds(recall.approximateMilliseconds.p95), milliseconds(recall.approximateMilliseconds.max), ''],
        ['vector only, exact scan', String(recall.queries), milliseconds(recall.exactMilliseconds.median), milliseconds(recall.exactMilliseconds.p95), milliseconds(recall.exactMilliseconds.max), ''],
      ],
    ),
    `  Full-text leg: about ${milliseconds(hybrid.unfiltered.milliseconds.median - hybrid.vectorLegOnly.milliseconds.median)} of the median over all audits (hybrid minus empty text).`,
    '',
    formatTable(
      [{ header: `Vector recall@${recall.k} vs exact` }, { header: 'Mean recall', align: 'right' }, { header: 'Median', align: 'right' }, { header: 'p95', align: 'right' }, { header: 'Target' }],
      [
        [
          `session (ef_search=${figures.settings.efSearch})`,
          ratio(recall.meanRecall),
          milliseconds(recall.approximateMilliseconds.median),
          milliseconds(recall.approximateMilliseconds.p95),
          `≥ ${retrievalTargets.recallAtTen}`,
        ],
        ...recall.byEfSearch.map((row) => [
          `ef_search=${row.efSearch}`,
          ratio(row.meanRecall),
          milliseconds(row.medianMilliseconds),
          milliseconds(row.p95Milliseconds),
          '',
        ]),
      ],
    ),
    `  ${recall.queries} queries; ${recall.perfectQueries} with all ${recall.k} found, worst ${ratio(recall.minimumRecall)}. ` +
      `Index forced on (enable_seqscan=off); left to itself the planner ${recall.plannerPicksIndex ? 'picks the index' : 'prefers a sequential scan (exact)'} for a top-${recall.k} query.`,
    figures.indexBuild
      ? `  HNSW built in one pass (reindex, maintenance_work_mem=${figures.indexBuild.maintenanceWorkMem}): ${seconds(figures.indexBuild.milliseconds)}, ` +
        `${whole(figures.indexBuild.chunksPerSecond)} chunks/s — against ${whole(insert.chunksPerSecond)} chunks/s for inserts maintaining it.`
      : '  HNSW one-pass build: not measured (--skip-index-build).',
    '',
    `Targets: ${verdictsFor(figures)
      .map((verdict) => `${verdict.name} ${verdict.name.startsWith('recall') ? ratio(verdict.actual) : milliseconds(verdict.actual)} (${verdict.target}) ${mark(verdict.met)}`)
      .join('; ')}`,
    `Memory: peak resident ${megabytes(figures.memory.peakResidentMegabytes)}, now ${megabytes(figures.memory.residentMegabytes)}. Backend total ${seconds(figures.totalMilliseconds)}.`,
    `Machine load at the end: ${figures.loadAverage.map((load) => load.toFixed(1)).join(' / ')} (1/5/15 min) on ${os.cpus().length} CPUs.`,
  ];
  return sections.join('\n');
}
