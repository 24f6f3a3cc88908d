/**
 * The retrieval benchmark on one opened database: load the generated store in batches through
 * the evidence store (timing the inserts with every index in place, as the indexer meets them),
 * then time hybrid top-k searches with and without an audit filter, then measure the HNSW
 * index's recall against exact search.
 */
import os from 'node:os';
import pgvector from 'pgvector';
import type { Database } from '../infra/database/open-database.js';
import { createAudit } from '../infra/database/repositories/audits.js';
import { upsertLab } from '../infra/database/repositories/labs.js';
import { putSnapshot } from '../infra/database/repositories/snapshots.js';
import { embeddingDimensions, type Embedder } from '../tools/embedder.js';
import { insertChunks, type ChunkInput } from '../tools/evidence-store.js';
import { hybridSearch } from '../tools/hybrid-retrieval.js';
import { createLocalEmbedder } from '../tools/local-embedder.js';
import { createCorpus, type Corpus, type CorpusOptions } from './retrieval-corpus.js';
import type { BackendFigures, EfSearchFigures, IndexBuildFigures, InsertFigures, LatencyFigures, RecallFigures } from './retrieval-figures.js';
import {
  nearestNeighbours,
  exactSearchSettings,
  hnswIndexName,
  indexSearchSettings,
  nearestQueryUsesIndex,
  recallAtK,
  withLocalSettings,
  type Neighbour,
} from './retrieval-recall.js';
import { memoryFigures } from './support/memory.js';
import { createSeededRandom } from './support/seeded-random.js';
import { mean, summarise } from './support/statistics.js';
import { stopwatch, timed } from './support/timing.js';

export interface RetrievalWorkloadOptions extends CorpusOptions {
  readonly k: number;
  readonly latencyQueries: number;
  readonly warmupQueries: number;
  readonly recallQueries: number;
  readonly efSearchSweep: readonly number[];
  /** Time a one-pass rebuild of the HNSW index after the measurements. */
  readonly measureIndexBuild: boolean;
  /**
   * HNSW build parameters to try instead of the migration's, for deciding whether a migration
   * should change them; the index is recreated with them on the empty table before the load.
   */
  readonly hnswParameters?: HnswParameters;
}

export interface HnswParameters {
  readonly m?: number;
  readonly efConstruction?: number;
}

export type ProgressLog = (message: string) => void;

const megabyte = 1024 * 1024;

export async function runRetrievalWorkload(database: Database, options: RetrievalWorkloadOptions, log: ProgressLog): Promise<BackendFigures> {
  const elapsed = stopwatch();
  const corpus = createCorpus(options);
  const embedder = createLocalEmbedder(embeddingDimensions);
  const { pool } = database;

  await seedAudits(database, corpus);
  if (options.hnswParameters) await recreateHnswIndex(database, options.hnswParameters);
  const insert = await loadCorpus(database, corpus, embedder, options, log);

  const analyse = await timed(() => pool.query('analyze chunks'));
  log(`${database.backend}: analyzed chunks in ${(analyse.milliseconds / 1000).toFixed(1)} s`);

  const queryTexts = corpus.heldOutSentences(options.warmupQueries + options.latencyQueries, 'unfiltered');
  const filteredTexts = corpus.heldOutSentences(options.warmupQueries + options.latencyQueries, 'audit-filtered');
  const recallTexts = corpus.heldOutSentences(options.recallQueries, 'recall');
  const [queryEmbeddings, filteredEmbeddings, recallEmbeddings] = await Promise.all([
    embedder.embed(queryTexts),
    embedder.embed(filteredTexts),
    embedder.embed(recallTexts),
  ]);

  log(`${database.backend}: ${options.latencyQueries} hybrid queries over all audits`);
  const unfiltered = await measureHybrid(database, options, 'approximate', queryTexts, queryEmbeddings!, () => undefined);
  // The same audit for the same query in both audit-scoped runs, so the modes compare like for like.
  const auditPicker = () => {
    const random = createSeededRandom(options.seed).fork('audit-filter');
    return () => random.pick(corpus.layout.audits).id;
  };
  log(`${database.backend}: ${options.latencyQueries} hybrid queries within one audit`);
  const auditFiltered = await measureHybrid(database, options, 'approximate', filteredTexts, filteredEmbeddings!, auditPicker());
  log(`${database.backend}: ${options.latencyQueries} exact hybrid queries within one audit`);
  const auditExact = await measureHybrid(database, options, 'exact', filteredTexts, filteredEmbeddings!, auditPicker());
  log(`${database.backend}: ${options.latencyQueries} hybrid queries with empty text (vector leg only)`);
  const vectorLegOnly = await measureHybrid(database, options, 'approximate', queryTexts.map(() => ''), queryEmbeddings!, () => undefined);

  log(`${database.backend}: recall@${options.k} over ${options.recallQueries} queries`);
  const recall = await measureRecall(database, options, recallEmbeddings!.map((embedding) => pgvector.toSql(embedding) as string));
  const storage = await storageSizes(database);
  const server = await describeServer(database);
  let indexBuild: IndexBuildFigures | null = null;
  if (options.measureIndexBuild) {
    log(`${database.backend}: rebuilding the HNSW index in one pass`);
    indexBuild = await measureIndexBuild(database, corpus.statistics.chunks);
  }

  return {
    backend: database.backend,
    ...server,
    corpus: {
      chunks: corpus.statistics.chunks,
      audits: corpus.layout.audits.length,
      pages: corpus.statistics.pages,
      vocabularySize: corpus.vocabularySize,
      meanWordsPerSentence: corpus.statistics.sentenceWords / corpus.statistics.sentences,
      meanWordsPerChunk: corpus.statistics.chunkWords / corpus.statistics.chunks,
      firstPartyShare: corpus.statistics.firstPartyChunks / corpus.statistics.chunks,
    },
    insert: { ...insert, analyseMilliseconds: analyse.milliseconds },
    storage,
    hybrid: { unfiltered, auditFiltered, auditExact, vectorLegOnly },
    recall,
    indexBuild,
    memory: memoryFigures(),
    loadAverage: os.loadavg(),
    totalMilliseconds: elapsed(),
  };
}

async function seedAudits(database: Database, corpus: Corpus): Promise<void> {
  for (const lab of corpus.layout.labs) await upsertLab(database.pool, lab);
  for (const audit of corpus.layout.audits) {
    await createAudit(database.pool, {
      id: audit.id,
      labSlug: audit.labSlug,
      request: { purpose: 'retrieval benchmark' },
      engine: { kind: 'rubric', embedder: `local-hash@${embeddingDimensions}` },
      appVersion: 'bench',
      idempotencyKey: null,
    });
  }
}

async function loadCorpus(
  database: Database,
  corpus: Corpus,
  embedder: Embedder,
  options: RetrievalWorkloadOptions,
  log: ProgressLog,
): Promise<Omit<InsertFigures, 'analyseMilliseconds'>> {
  const total = stopwatch();
  const batchMilliseconds: number[] = [];
  const batchSizes: number[] = [];
  let embeddingMilliseconds = 0;
  let snapshotMilliseconds = 0;
  let loaded = 0;
  const progressEvery = Math.max(1, Math.round(options.chunks / 10));
  let nextProgress = progressEvery;

  // Generation is timed with embedding: the generator runs lazily inside this loop.
  let generation = stopwatch();
  for (const batch of corpus.batches()) {
    const embeddings = await embedder.embed(batch.chunks.map((chunk) => chunk.text));
    const rows: ChunkInput[] = batch.chunks.map((chunk, index) => ({ ...chunk, embedding: embeddings[index]! }));
    embeddingMilliseconds += generation();

    const snapshots = await timed(async () => {
      for (const text of batch.snapshots) await putSnapshot(database.pool, { text, html: null, contentType: 'text/plain' });
    });
    snapshotMilliseconds += snapshots.milliseconds;

    const inserted = await timed(() => insertChunks(database.pool, rows));
    batchMilliseconds.push(inserted.milliseconds);
    batchSizes.push(rows.length);
    loaded += rows.length;
    if (loaded >= nextProgress || loaded === options.chunks) {
      const recent = batchMilliseconds.slice(-5);
      const recentRows = batchSizes.slice(-5).reduce((sum, size) => sum + size, 0);
      log(
        `${database.backend}: ${loaded.toLocaleString('en-GB')}/${options.chunks.toLocaleString('en-GB')} chunks, ` +
          `${Math.round((recentRows / recent.reduce((sum, ms) => sum + ms, 0)) * 1000)} chunks/s over the last ${recent.length} batches, ` +
          `${(total() / 1000).toFixed(0)} s so far`,
      );
      while (nextProgress <= loaded) nextProgress += progressEvery;
    }
    generation = stopwatch();
  }

  const insertMilliseconds = batchMilliseconds.reduce((sum, ms) => sum + ms, 0);
  const tenth = Math.max(1, Math.floor(batchMilliseconds.length / 10));
  const throughput = (from: number, to: number) => {
    const rows = batchSizes.slice(from, to).reduce((sum, size) => sum + size, 0);
    const ms = batchMilliseconds.slice(from, to).reduce((sum, time) => sum + time, 0);
    return ms > 0 ? (rows / ms) * 1000 : Number.NaN;
  };
  return {
    chunks: loaded,
    batchSize: options.batchSize,
    batches: batchMilliseconds.length,
    insertMilliseconds,
    chunksPerSecond: (loaded / insertMilliseconds) * 1000,
    firstTenthChunksPerSecond: throughput(0, tenth),
    lastTenthChunksPerSecond: throughput(batchMilliseconds.length - tenth, batchMilliseconds.length),
    batchMilliseconds: summarise(batchMilliseconds),
    embeddingMilliseconds,
    snapshotMilliseconds,
    totalMilliseconds: total(),
  };
}

async function measureHybrid(
  database: Database,
  options: RetrievalWorkloadOptions,
  mode: 'exact' | 'approximate',
  texts: readonly string[],
  embeddings: readonly number[][],
  auditFor: () => string | undefined,
): Promise<LatencyFigures> {
  const samples: number[] = [];
  let shortAnswers = 0;
  for (const [index, query] of texts.entries()) {
    const auditId = auditFor();
    const search = await timed(() =>
      hybridSearch(database.pool, { query, queryEmbedding: embeddings[index]!, k: options.k, mode, ...(auditId ? { auditId } : {}) }),
    );
    // The first queries fill caches and plan caches; they are run, not counted.
    if (index < options.warmupQueries) continue;
    samples.push(search.milliseconds);
    if (search.result.length < options.k) shortAnswers += 1;
  }
  return { queries: samples.length, warmupQueries: options.warmupQueries, milliseconds: summarise(samples), shortAnswers };
}

async function measureRecall(database: Database, options: RetrievalWorkloadOptions, embeddings: readonly string[]): Promise<RecallFigures> {
  const { pool } = database;
  const { k } = options;
  const probe = embeddings[0]!;
  const plannerPicksIndex = await nearestQueryUsesIndex(pool, probe, k);
  const forcedUsesIndex = await withLocalSettings(pool, indexSearchSettings, (client) => nearestQueryUsesIndex(client, probe, k));
  const exactUsesIndex = await withLocalSettings(pool, exactSearchSettings, (client) => nearestQueryUsesIndex(client, probe, k));
  if (!forcedUsesIndex || exactUsesIndex) {
    throw new Error(
      `Cannot measure recall: the ${hnswIndexName} plan checks failed (index search uses it: ${forcedUsesIndex}, exact search uses it: ${exactUsesIndex}). Check that the migration created the index.`,
    );
  }

  const exact: Neighbour[][] = [];
  const exactMilliseconds: number[] = [];
  await withLocalSettings(pool, exactSearchSettings, async (client) => {
    for (const embedding of embeddings) {
      const search = await timed(() => nearestNeighbours(client, embedding, k));
      exact.push(search.result);
      exactMilliseconds.push(search.milliseconds);
    }
  });

  /** Recall and latency of the index with `settings` on top of the session's. */
  const throughIndex = (settings: Readonly<Record<string, string>>) =>
    withLocalSettings(pool, { ...indexSearchSettings, ...settings }, async (client) => {
      // A few unmeasured searches warm the index pages, as the hybrid warm-up did for its queries.
      for (const embedding of embeddings.slice(0, 10)) await nearestNeighbours(client, embedding, k);
      const recalls: number[] = [];
      const milliseconds: number[] = [];
      for (const [index, embedding] of embeddings.entries()) {
        const search = await timed(() => nearestNeighbours(client, embedding, k));
        milliseconds.push(search.milliseconds);
        recalls.push(recallAtK(search.result, exact[index]!, k));
      }
      return { recalls, milliseconds: summarise(milliseconds) };
    });

  const session = await throughIndex({});
  const byEfSearch: EfSearchFigures[] = [];
  for (const efSearch of options.efSearchSweep) {
    const sweep = await throughIndex({ 'hnsw.ef_search': String(efSearch) });
    byEfSearch.push({ efSearch, meanRecall: mean(sweep.recalls), medianMilliseconds: sweep.milliseconds.median, p95Milliseconds: sweep.milliseconds.p95 });
  }

  return {
    k,
    queries: embeddings.length,
    meanRecall: mean(session.recalls),
    minimumRecall: Math.min(...session.recalls),
    perfectQueries: session.recalls.filter((recall) => recall === 1).length,
    plannerPicksIndex,
    approximateMilliseconds: session.milliseconds,
    exactMilliseconds: summarise(exactMilliseconds),
    byEfSearch,
  };
}

async function recreateHnswIndex(database: Database, parameters: HnswParameters): Promise<void> {
  const storage = [
    ...(parameters.m === undefined ? [] : [`m = ${Math.trunc(parameters.m)}`]),
    ...(parameters.efConstruction === undefined ? [] : [`ef_construction = ${Math.trunc(parameters.efConstruction)}`]),
  ];
  if (storage.length === 0) return;
  await database.pool.query(`drop index ${hnswIndexName}`);
  await database.pool.query(`create index ${hnswIndexName} on chunks using hnsw (embedding vector_cosine_ops) with (${storage.join(', ')})`);
}

async function measureIndexBuild(database: Database, chunks: number): Promise<IndexBuildFigures> {
  const memory = await database.pool.query<{ maintenance_work_mem: string }>('show maintenance_work_mem');
  const build = await timed(() => database.pool.query(`reindex index ${hnswIndexName}`));
  return { milliseconds: build.milliseconds, chunksPerSecond: (chunks / build.milliseconds) * 1000, maintenanceWorkMem: memory.rows[0]?.maintenance_work_mem ?? 'unknown' };
}

async function describeServer(database: Database): Promise<Pick<BackendFigures, 'serverVersion' | 'pgvectorVersion' | 'settings'>> {
  const { pool } = database;
  const version = await pool.query<{ version: string }>('select version()');
  const extension = await pool.query<{ extversion: string }>(`select extversion from pg_extension where extname = 'vector'`);
  const efSearch = await pool.query<{ 'hnsw.ef_search': string }>('show hnsw.ef_search');
  const iterativeScan = await pool.query<{ 'hnsw.iterative_scan': string }>('show hnsw.iterative_scan');
  const index = await pool.query<{ reloptions: string[] | null }>(
    `select c.reloptions from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = $1 and n.nspname = $2`,
    [hnswIndexName, database.schema],
  );
  return {
    serverVersion: version.rows[0]?.version.split(' on ')[0] ?? 'unknown',
    pgvectorVersion: extension.rows[0]?.extversion ?? 'unknown',
    settings: {
      efSearch: efSearch.rows[0]?.['hnsw.ef_search'] ?? 'unknown',
      iterativeScan: iterativeScan.rows[0]?.['hnsw.iterative_scan'] ?? 'unknown',
      hnswOptions: index.rows[0]?.reloptions ?? [],
    },
  };
}

async function storageSizes(database: Database): Promise<BackendFigures['storage']> {
  const { rows } = await database.pool.query<{ table_bytes: string; hnsw_bytes: string; text_bytes: string; total_bytes: string }>(
    `select pg_table_size('chunks') as table_bytes, pg_relation_size('${hnswIndexName}') as hnsw_bytes,
            pg_relation_size('chunks_tsv_gin') as text_bytes, pg_total_relation_size('chunks') as total_bytes`,
  );
  const row = rows[0]!;
  return {
    tableMegabytes: Number(row.table_bytes) / megabyte,
    hnswIndexMegabytes: Number(row.hnsw_bytes) / megabyte,
    textIndexMegabytes: Number(row.text_bytes) / megabyte,
    totalMegabytes: Number(row.total_bytes) / megabyte,
  };
}
