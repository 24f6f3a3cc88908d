/**
 * One offline audit of a generated corpus, in a process of its own so its peak memory is its
 * own. Prints one JSON line: pages, wall time, peak RSS, chunks indexed. Used by bench/audit.ts.
 *
 * The embedded database lives in a new data directory, started as the product starts one: from
 * the empty cluster the build makes (`npm run bench:audit` builds first), not by initdb in this
 * process, which runs two more Postgres instances in WebAssembly for a few seconds and would
 * count some 400 MB that no audit of the product holds. Without a build, initdb runs as before.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openAuditSystem } from '../system/audit-system.js';
import { loadConfig } from '../infra/config.js';
import { openDatabase } from '../infra/database/open-database.js';
import { listAgentRuns } from '../infra/database/repositories/agent-runs.js';
import { countChunks } from '../tools/evidence-store.js';
import { createFileSourceReader } from '../tools/crawl/read-file.js';
import { writeCorpus } from './support/generated-corpus.js';

const pages = Number(process.argv[2] ?? '10');
const folder = await mkdtemp(path.join(tmpdir(), `stancewatch-corpus-${pages}-`));
await writeCorpus(path.join(folder, 'corpus'), pages);
const dataDir = path.join(folder, 'pglite');
const clusterTemplate = path.resolve('dist/infra/database/embedded-cluster');
if (existsSync(path.join(clusterTemplate, 'PG_VERSION'))) await cp(clusterTemplate, dataDir, { recursive: true });
const database = await openDatabase({ dataDir });
const system = await openAuditSystem({ ...loadConfig({}), crawlMaxPages: pages }, { database, fileReader: createFileSourceReader() });
const started = performance.now();
const { auditId } = await system.runner.launch(
  {
    lab: { slug: 'generated-lab', name: 'Generated Lab', country: 'Nowhere', website: 'https://generated-lab.example', kind: 'open', focusTags: [], opennessNote: '' },
    sources: [{ kind: 'file', path: path.join(folder, 'corpus') }],
    crawl: { maxPages: pages },
  },
  { start: false },
);
const finished = await system.runner.run(auditId);
const wallMs = performance.now() - started;
const chunks = await countChunks(database.pool, auditId);
const runs = await listAgentRuns(database.pool, auditId);
const agentMs = Object.fromEntries(runs.map((agentRun) => [agentRun.agent, agentRun.durationMs ?? 0]));
await system.close();
await database.close();
await rm(folder, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ pages, status: finished.status, error: finished.error, wallMs: Math.round(wallMs), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), chunks, agentMs })}\n`,
);
