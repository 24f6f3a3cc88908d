/**
 * `npm run bench:http`: read throughput of the published surface. Publishes one demo audit, then
 * drives `GET /stancewatch/api/labs/<slug>.json` and the stance page `GET /labs/<slug>` (when the
 * pages router is mounted) with autocannon from a second process on loopback. Runs on embedded
 * PGlite, and on the PostgreSQL server too when DATABASE_URL is set.
 * Figures go to stdout and artifacts/bench/http.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { demoLabProfile, demoSeeds, startDemoSite, type DemoSite } from '../demo/serve-demo-site.js';
import { openAuditSystem } from '../infra/audit-system.js';
import { loadConfig } from '../infra/config.js';
import { openDatabase, type Database } from '../infra/database/open-database.js';
import { startServer } from '../server/start-server.js';
import { driveLoad, type LoadFigures, type LoadSettings } from './http-load.js';
import { formatTable } from './support/table.js';

const settings: LoadSettings = {
  connections: Number(process.env.BENCH_HTTP_CONNECTIONS ?? 50),
  durationSeconds: Number(process.env.BENCH_HTTP_DURATION_S ?? 10),
};

interface BackendFigures {
  readonly backend: 'pglite' | 'postgres';
  readonly reportBytes: number;
  readonly routes: Record<string, LoadFigures | { skipped: string }>;
}

async function openBenchDatabase(backend: 'pglite' | 'postgres'): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (backend === 'pglite') {
    const database = await openDatabase();
    return { database, dispose: () => database.close() };
  }
  const url = process.env.DATABASE_URL!;
  const schema = `bench_http_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ url, schema });
  return {
    database,
    async dispose() {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

async function benchBackend(backend: 'pglite' | 'postgres', site: DemoSite): Promise<BackendFigures> {
  const { database, dispose } = await openBenchDatabase(backend);
  const config = { ...loadConfig({}), crawlAllowPrivateHosts: ['127.0.0.1'], browser: 'never' as const };
  const system = await openAuditSystem(config, { database });
  try {
    const lab = demoLabProfile(site.labOrigin);
    const { auditId } = await system.runner.launch({ lab, sources: demoSeeds(site.labOrigin), firstPartyOrigins: [site.labOrigin] }, { start: false });
    const finished = await system.runner.run(auditId);
    if (finished.status !== 'succeeded') throw new Error(`the demo audit ${finished.status}: ${finished.error}`);
    const server = await startServer(system, { host: '127.0.0.1', port: 0, log: (line) => process.stderr.write(`${line}\n`) });
    try {
      const jsonUrl = `${server.url}/stancewatch/api/labs/${lab.slug}.json`;
      const pageUrl = `${server.url}/labs/${lab.slug}`;
      const reportBytes = (await (await fetch(jsonUrl)).arrayBuffer()).byteLength;
      const routes: BackendFigures['routes'] = {};
      process.stderr.write(`[${backend}] GET ${jsonUrl} …\n`);
      routes['lab JSON'] = await driveLoad(jsonUrl, settings);
      const page = await fetch(pageUrl);
      await page.arrayBuffer();
      if (page.status === 200) {
        process.stderr.write(`[${backend}] GET ${pageUrl} …\n`);
        routes['stance page'] = await driveLoad(pageUrl, settings);
      } else {
        routes['stance page'] = { skipped: `GET /labs/${lab.slug} answered ${page.status}: the pages router is not mounted` };
      }
      return { backend, reportBytes, routes };
    } finally {
      // Requests the load generator abandoned at its deadline are still being answered; let them
      // finish before the database closes under them.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await server.close();
    }
  } finally {
    await system.close();
    await dispose();
  }
}

const site = await startDemoSite();
const results: BackendFigures[] = [];
try {
  for (const backend of process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
    results.push(await benchBackend(backend, site));
  }
} finally {
  await site.close();
}

const rows = results.flatMap((result) =>
  Object.entries(result.routes).map(([route, figures]) =>
    'skipped' in figures
      ? [result.backend, route, 'skipped', '', '', '', figures.skipped]
      : [result.backend, route, String(figures.requestsPerSecond), figures.latencyP50Ms.toFixed(1), figures.latencyP99Ms.toFixed(1), String(figures.errors + figures.non2xx), `${figures.megabytesPerSecond} MB/s`],
  ),
);
process.stdout.write(
  `${formatTable(
    [
      { header: 'backend' },
      { header: 'route' },
      { header: 'req/s', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p99 ms', align: 'right' },
      { header: 'errors', align: 'right' },
      { header: 'note' },
    ],
    rows,
  )}\n(${settings.connections} connections, ${settings.durationSeconds} s per route, load generated by a separate process)\n`,
);
const output = path.join('artifacts', 'bench', 'http.json');
await mkdir(path.dirname(output), { recursive: true });
await writeFile(output, `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, settings, results }, null, 2)}\n`);
process.stdout.write(`Figures written to ${output}\n`);
