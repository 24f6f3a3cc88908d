/**
 * The composition root: from configuration to a running audit system. Embedded defaults
 * everywhere (PGlite, the rubric engine, the local embedder, the in-process runner); each piece
 * of real infrastructure is behind one setting.
 */
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { createLlmEngine } from '../agents/engines/llm/index.js';
import { createRubricEngine } from '../agents/engines/rubric/index.js';
import type { AnalysisEngine } from '../agents/engines/contract.js';
import type { AuditDependencies } from '../graph/audit-dependencies.js';
import { AuditProgress } from '../graph/progress.js';
import { createAuditRunner, type AuditRunner } from '../graph/runner.js';
import { createEmbedder } from '../tools/embedder.js';
import { appVersion } from './app-version.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './database/open-database.js';
import { recordModelCall } from './database/repositories/model-calls.js';
import { StanceWatchError } from './errors.js';

export interface AuditSystem {
  readonly config: Config;
  readonly database: Database;
  readonly dependencies: AuditDependencies;
  readonly runner: AuditRunner;
  close(): Promise<void>;
}

export interface AuditSystemOverrides {
  /** An already-open database (tests share one per file). */
  readonly database?: Database;
  readonly engines?: Partial<Record<'rubric' | 'llm', AnalysisEngine>>;
}

/**
 * Picks the engine an audit asked for. The llm engine is built on first use (it needs
 * LLM_BASE_URL) and records every model call in the database for traces and exact replays.
 */
export function createEngineSelector(config: Config, database: Database, overrides: AuditSystemOverrides['engines'] = {}) {
  const rubric = overrides.rubric ?? createRubricEngine();
  let llm: AnalysisEngine | null = overrides.llm ?? null;
  return (kind: 'rubric' | 'llm'): AnalysisEngine => {
    if (kind === 'rubric') return rubric;
    if (llm === null) {
      if (!config.llmBaseUrl) {
        throw new StanceWatchError('llm_not_configured', 'The llm engine needs LLM_BASE_URL (an OpenAI-compatible endpoint); set it or use the rubric engine.', 400);
      }
      llm = createLlmEngine({
        baseUrl: config.llmBaseUrl,
        model: config.llmModel,
        ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}),
        timeoutMs: config.llmTimeoutMs,
        maxRetries: config.llmMaxRetries,
        maxConcurrency: config.llmMaxConcurrency,
        prior: rubric,
        recorder: { record: (call) => recordModelCall(database.pool, call) },
      });
    }
    return llm;
  };
}

export async function openAuditSystem(config: Config, overrides: AuditSystemOverrides = {}): Promise<AuditSystem> {
  const database =
    overrides.database ?? (await openDatabase({
      ...(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` }),
      schema: config.databaseSchema,
    }));
  const checkpointer = new PostgresSaver(database.pool, undefined, { schema: database.schema });
  await checkpointer.setup();
  const progress = new AuditProgress(database.pool);
  const dependencies: AuditDependencies = {
    database,
    engineFor: createEngineSelector(config, database, overrides.engines),
    embedder: createEmbedder(config),
    crawlLimits: {
      maxPages: config.crawlMaxPages,
      maxDepth: config.crawlMaxDepth,
      maxBytes: config.crawlMaxBytes,
      maxRedirects: 5,
      timeoutMs: config.crawlTimeoutMs,
      totalTimeMs: config.crawlTimeoutMs * 10,
      allowPrivateHosts: config.crawlAllowPrivateHosts,
      browser: config.browser,
      browserExecutable: config.browserExecutable,
      respectRobots: true,
      userAgent: `StanceWatch/${appVersion} (+public-communications audit)`,
    },
    progress,
    auditor: { name: 'StanceWatch', version: appVersion },
    agentTimeoutMs: Math.max(config.llmTimeoutMs * (config.llmMaxRetries + 1), 30_000),
  };
  const runner = createAuditRunner(dependencies, checkpointer);
  return {
    config,
    database,
    dependencies,
    runner,
    async close() {
      if (!overrides.database) await database.close();
    },
  };
}
