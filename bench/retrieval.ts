/**
 * `npm run bench:retrieval`: how the evidence store behaves at 100,000 chunks on the embedded
 * database and, when DATABASE_URL (or BENCH_DATABASE_URL) is set, on the PostgreSQL server —
 * insert throughput with the indexes in place, hybrid search latency, and the HNSW index's
 * recall@10 against exact search. Prints a report per backend, writes the figures to
 * artifacts/bench/retrieval.json, and exits non-zero when recall misses its target.
 *
 *   npm run bench:retrieval -- [--chunks 100000] [--backend pglite|postgres|both] [--seed 7]
 *                              [--queries 200] [--recall-queries 100] [--skip-index-build]
 *                              [--hnsw-m 16] [--hnsw-ef-construction 64] [--output file.json]
 *
 * The --hnsw-* flags rebuild the index with other parameters before the load, to try a change
 * before writing it as a migration; without them the migration's index is measured.
 *
 * The server run gets a schema of its own (bench_<random>), dropped at the end, so it never
 * touches an existing StanceWatch schema; an interrupted run leaves it behind (its name is logged).
 * Expect about 20 minutes on the server and about an hour embedded for the default 100,000.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase, type Database, type DatabaseBackend } from '../infra/database/open-database.js';
import { describeError } from '../infra/errors.js';
import { recallFailed, retrievalTargets, verdictsFor, type BackendFigures } from './retrieval-figures.js';
import { formatBackendReport } from './retrieval-report.js';
import { runRetrievalWorkload, type RetrievalWorkloadOptions } from './retrieval-workload.js';
import { openThrowawaySchema } from './support/server-schema.js';

const argumentsSchema = z.object({
  chunks: z.coerce.number().int().min(1000, 'use at least 1,000 chunks').default(100_000),
  backend: z.enum(['pglite', 'postgres', 'both']).default('both'),
  seed: z.coerce.number().int().nonnegative().default(7),
  audits: z.coerce.number().int().min(1).max(999).default(20),
  'batch-size': z.coerce.number().int().min(1).max(1000).default(1000),
  queries: z.coerce.number().int().min(10).default(200),
  'recall-queries': z.coerce.number().int().min(10).default(100),
  'skip-index-build': z.boolean().default(false),
  'hnsw-m': z.coerce.number().int().min(2).max(100).optional(),
  'hnsw-ef-construction': z.coerce.number().int().min(4).max(1000).optional(),
  output: z.string().min(1).optional(),
});

const defaultOutputFile = fileURLToPath(new URL('../artifacts/bench/retrieval.json', import.meta.url));

function parseOptions(argv: readonly string[]): z.infer<typeof argumentsSchema> {
  const { values } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.keys(argumentsSchema.shape).map((name) => [name, { type: name.startsWith('skip-') ? ('boolean' as const) : ('string' as const) }]),
    ),
    strict: true,
  });
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(`Invalid options: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

interface BackendPlan {
  readonly backend: DatabaseBackend;
  open(): Promise<Database>;
}

function serverPlan(url: string): BackendPlan {
  return {
    backend: 'postgres',
    // Named up front: a run stopped with Ctrl-C cannot drop it, and this says what to drop.
    open: () => openThrowawaySchema(url, 'bench', (schema) => log(`postgres: working in schema ${schema}, dropped at the end`)),
  };
}

function log(message: string): void {
  process.stderr.write(`[bench:retrieval] ${message}\n`);
}

async function main(): Promise<number> {
  let options: z.infer<typeof argumentsSchema>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    log(describeError(error));
    return 2;
  }
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const plans: BackendPlan[] = [];
  const skipped: { backend: DatabaseBackend; reason: string }[] = [];
  if (options.backend !== 'postgres') plans.push({ backend: 'pglite', open: () => openDatabase() });
  if (options.backend !== 'pglite') {
    if (serverUrl) plans.push(serverPlan(serverUrl));
    else if (options.backend === 'postgres') {
      log('--backend postgres needs a server: set BENCH_DATABASE_URL or DATABASE_URL to a postgres:// URL of a database with pgvector.');
      return 2;
    } else skipped.push({ backend: 'postgres', reason: 'DATABASE_URL and BENCH_DATABASE_URL are not set' });
  }

  const workload: RetrievalWorkloadOptions = {
    chunks: options.chunks,
    audits: options.audits,
    batchSize: options['batch-size'],
    seed: options.seed,
    k: 10,
    latencyQueries: options.queries,
    warmupQueries: 20,
    recallQueries: options['recall-queries'],
    efSearchSweep: [40, 100, 200, 400],
    measureIndexBuild: !options['skip-index-build'],
    ...(options['hnsw-m'] !== undefined || options['hnsw-ef-construction'] !== undefined
      ? {
          hnswParameters: {
            ...(options['hnsw-m'] !== undefined ? { m: options['hnsw-m'] } : {}),
            ...(options['hnsw-ef-construction'] !== undefined ? { efConstruction: options['hnsw-ef-construction'] } : {}),
          },
        }
      : {}),
  };
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const results: BackendFigures[] = [];
  const failures: { backend: DatabaseBackend; error: string }[] = [];
  for (const plan of plans) {
    log(`${plan.backend}: loading ${options.chunks.toLocaleString('en-GB')} chunks`);
    let database: Database | undefined;
    try {
      database = await plan.open();
      const figures = await runRetrievalWorkload(database, workload, log);
      results.push(figures);
      process.stdout.write(`\n${formatBackendReport(figures)}\n`);
    } catch (error) {
      failures.push({ backend: plan.backend, error: describeError(error) });
      log(`${plan.backend}: failed: ${describeError(error)}`);
    } finally {
      await database?.close().catch((error: unknown) => log(`${plan.backend}: cleanup failed: ${describeError(error)}`));
    }
  }
  for (const skip of skipped) process.stdout.write(`\n=== ${skip.backend} === skipped: ${skip.reason}\n`);

  const outputFile = options.output ? path.resolve(options.output) : defaultOutputFile;
  await mkdir(path.dirname(outputFile), { recursive: true });
  const report = {
    benchmark: 'retrieval',
    startedAt,
    finishedAt: new Date().toISOString(),
    parameters: workload,
    targets: retrievalTargets,
    environment: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverageAtStart,
    },
    backends: results.map((figures) => ({ ...figures, verdicts: verdictsFor(figures) })),
    skipped,
    failures,
  };
  await writeFile(outputFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nFigures written to ${path.relative(process.cwd(), outputFile)}\n`);

  if (failures.length > 0) return 1;
  if (recallFailed(results)) {
    log(`recall@10 is below ${retrievalTargets.recallAtTen} on at least one backend`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
