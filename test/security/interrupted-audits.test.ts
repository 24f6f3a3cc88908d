/**
 * A server killed mid-audit (SIGKILL: a crash, an OOM kill, a pulled plug) does not leave its
 * audit `running` forever with nobody running it and a cancel that answers 409: the next server
 * on the same database takes the audit over, resumes it from its checkpoint and publishes it, and
 * an editor can cancel it meanwhile. An audit a live process is still running is left to it;
 * one that reads local files is not resumed by the server (which reads no files) but failed with
 * how to resume it; and one nobody runs can be cancelled even before any server took it over.
 *
 * Real `stancewatch serve` child processes on the embedded database (a PGlite directory) and,
 * with TEST_DATABASE_URL, on the PostgreSQL server; a loopback site that holds its page until the
 * test lets it go, so each kill lands while the audit is reading it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoLabProfile } from '../../demo/serve-demo-site.js';
import type { AuditSystem } from '../../system/audit-system.js';
import { openDatabase, type Database } from '../../infra/database/open-database.js';
import { createApiToken } from '../../infra/database/repositories/api-tokens.js';
import { getAudit, setAuditStatus } from '../../infra/database/repositories/audits.js';
import { describeTakeOverDone, takeOverInterruptedAudits } from '../../system/interrupted-audits.js';
import { startApiHarness } from '../support/api-harness.js';
import { waitFor } from '../../bench/support/worker-fleet.js';
import { openTestAuditSystem } from '../support/audit-system.js';
import { serverBackend } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/** A lab site whose home page is held until `letThrough`, counting every time it is asked for. */
interface HeldSite {
  readonly origin: string;
  pageRequests(): number;
  letThrough(): void;
  close(): Promise<void>;
}

const pageText = Array.from(
  { length: 12 },
  (_, index) =>
    `<p>Paragraph ${index + 1}. Our safety team evaluates every model before release, and we publish the results of those evaluations. ` +
    'We believe responsible scaling requires independent audits, and we commit to pausing training if our evaluations show dangerous capabilities.</p>',
).join('\n');

async function startHeldSite(): Promise<HeldSite> {
  let requests = 0;
  let letThrough!: () => void;
  const released = new Promise<void>((resolve) => (letThrough = resolve));
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    requests += 1;
    void released.then(() => {
      if (response.destroyed) return;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><title>Lanternfish Labs: safety</title></head><body><main><h1>Safety at Lanternfish Labs</h1>${pageText}</main></body></html>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pageRequests: () => requests,
    letThrough,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Where the servers keep their data, and an editor's token for their API. */
interface Stage {
  readonly environment: NodeJS.ProcessEnv;
  readonly token: string;
  /** The database itself, when the test process may share it with the servers (PostgreSQL). */
  readonly sharedDatabase?: Database;
  close(): Promise<void>;
}

async function baseEnvironment(): Promise<NodeJS.ProcessEnv> {
  const { REDIS_URL: _queue, DATABASE_URL: _url, DATABASE_SCHEMA: _schema, LLM_BASE_URL: _llm, ...inherited } = process.env;
  return {
    ...inherited,
    STANCEWATCH_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'stancewatch-interrupted-')),
    CRAWL_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    BROWSER: 'never',
    // What is tested is the take-over to a published report; review before publishing is tested on its own.
    PUBLISH_MODE: 'auto',
    // The held page answers when the test lets it go, not within the default 15 s per fetch.
    CRAWL_TIMEOUT_MS: '300000',
  };
}

const stages: { readonly name: string; open(): Promise<Stage> }[] = [
  {
    name: 'the embedded database',
    async open() {
      const environment = await baseEnvironment();
      // The embedded database belongs to one process at a time: the token is made before any server starts.
      const database = await openDatabase({ dataDir: path.join(environment.STANCEWATCH_DATA_DIR!, 'pglite') });
      const { secret } = await createApiToken(database.pool, { name: 'newsroom', role: 'editor' });
      await database.close();
      return { environment, token: secret, close: async () => undefined };
    },
  },
  ...(serverBackend
    ? [
        {
          name: 'the PostgreSQL server',
          async open(): Promise<Stage> {
            const database = await serverBackend!.open();
            const { secret } = await createApiToken(database.pool, { name: 'newsroom', role: 'editor' });
            const environment = { ...(await baseEnvironment()), DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: database.schema };
            return { environment, token: secret, sharedDatabase: database, close: () => database.close() };
          },
        },
      ]
    : []),
];

function editorApi(server: ServerProcess, token: string) {
  const call = (route: string, init: RequestInit = {}) =>
    fetch(`${server.url}${route}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  return {
    async launch(site: HeldSite): Promise<string> {
      const response = await call('/api/audits', {
        method: 'POST',
        body: JSON.stringify({ lab: demoLabProfile(site.origin), sources: [`${site.origin}/`], firstPartyOrigins: [site.origin] }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    async audit(auditId: string): Promise<{ status: string; error: string | null }> {
      const response = await call(`/api/audits/${auditId}`);
      expect(response.status).toBe(200);
      return (await response.json()) as { status: string; error: string | null };
    },
    cancel: (auditId: string) => call(`/api/audits/${auditId}/cancel`, { method: 'POST' }),
  };
}

const finished = new Set(['succeeded', 'failed', 'cancelled']);

// Everything a test started, ended whatever happens to the test.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function openStage(open: () => Promise<Stage>): Promise<{ stage: Stage; site: HeldSite }> {
  const stage = await open();
  cleanups.push(() => stage.close());
  const site = await startHeldSite();
  cleanups.push(() => site.close());
  return { stage, site };
}

async function startServer(stage: Stage): Promise<ServerProcess> {
  const server = await startServerProcess(stage.environment);
  cleanups.push(() => server.killHard());
  return server;
}

/** Launches an audit on a new server and kills the server (SIGKILL) while the audit reads the held page. */
async function auditKilledMidway(stage: Stage, site: HeldSite): Promise<string> {
  const server = await startServer(stage);
  const api = editorApi(server, stage.token);
  const auditId = await api.launch(site);
  await waitFor(async () => (site.pageRequests() >= 1 ? true : undefined), 'the audit to ask for the page', 60_000, 50);
  expect((await api.audit(auditId)).status).toBe('running');
  await server.killHard();
  return auditId;
}

describe.each(stages)('a server killed mid-audit, on $name', ({ open }) => {
  it('leaves an audit that the next server resumes from its checkpoint and publishes', async () => {
    const { stage, site } = await openStage(open);
    const auditId = await auditKilledMidway(stage, site);

    site.letThrough();
    const next = await startServer(stage);
    const api = editorApi(next, stage.token);
    const audit = await waitFor(
      async () => {
        const current = await api.audit(auditId);
        return finished.has(current.status) ? current : undefined;
      },
      'the audit to finish on the next server',
      90_000,
      200,
    );
    expect(audit, next.output()).toMatchObject({ status: 'succeeded', error: null });
    expect(next.output()).toContain(`Resuming audit ${auditId}`);
    const report = await fetch(`${next.url}/api/labs/lanternfish/reports/${auditId}.json`);
    expect(report.status).toBe(200);
  }, 180_000);

  it('leaves an audit an editor can cancel (200, not 409) once the next server has taken it over', async () => {
    const { stage, site } = await openStage(open);
    const auditId = await auditKilledMidway(stage, site);

    const next = await startServer(stage);
    const api = editorApi(next, stage.token);
    // The next server is reading the held page again: the audit is running there now.
    await waitFor(async () => (site.pageRequests() >= 2 ? true : undefined), 'the next server to resume the audit', 60_000, 50);
    // Still held: the audit cannot finish before the cancel arrives, however slow the machine.
    const cancelled = await api.cancel(auditId);
    expect(cancelled.status, next.output()).toBe(200);
    expect(await cancelled.json()).toEqual({ id: auditId, cancelled: true, status: 'cancelled' });
    expect((await api.audit(auditId)).status).toBe('cancelled');
  }, 180_000);
});

describe('a server starting while another process runs an audit on the same database', () => {
  it('leaves the audit to that process: no second run, and cancelling it here answers 409', async () => {
    const { stage, site } = await openStage(stages.at(-1)!.open);
    // This test process plays the other one (as `stancewatch audit` in a terminal would). Its
    // audit must still be running when the server looks: with the default 15 s per fetch it gave
    // up on the held page, and finished, while a server on a loaded machine was still starting.
    const other: AuditSystem = await openTestAuditSystem(stage.sharedDatabase!, { config: { browser: 'never', crawlTimeoutMs: 300_000 } });
    cleanups.push(() => other.close());
    const { auditId } = await other.runner.launch({ lab: demoLabProfile(site.origin), sources: [`${site.origin}/`], firstPartyOrigins: [site.origin] });
    await waitFor(async () => (site.pageRequests() >= 1 ? true : undefined), 'the other process to ask for the page', 60_000, 50);

    const server = await startServer(stage);
    // The take-over ends with a line saying what it found, whatever it found.
    await waitFor(async () => (/^(Took over no audits|Looked at \d+ unfinished)/m.test(server.output()) ? true : undefined), 'the server to take over', 180_000, 50).catch(
      (error: Error) => {
        throw new Error(`${error.message}:\n${server.output()}`);
      },
    );
    const seen = await getAudit(stage.sharedDatabase!.pool, auditId);
    expect(seen?.status, `the other process's audit is no longer running:\n${server.output()}`).toBe('running');
    expect(server.output()).toContain(`Leaving audit ${auditId} alone: another process is running it.`);
    const refused = await editorApi(server, stage.token).cancel(auditId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('audit_not_cancellable');

    site.letThrough();
    expect((await other.runner.wait(auditId)).status).toBe('succeeded');
    expect(site.pageRequests()).toBe(1);
  }, 300_000);
});

describe('an audit left running by a process that stopped, before any server took it over', () => {
  it('can be cancelled: 200, not 409', async () => {
    const database = await openDatabase();
    cleanups.push(() => database.close());
    const api = await startApiHarness(database);
    cleanups.push(() => api.close());
    const { auditId } = await api.system.runner.launch(
      { lab: demoLabProfile('http://127.0.0.1:9'), sources: ['http://127.0.0.1:9/'] },
      { start: false },
    );
    // What a process killed mid-audit leaves behind: the audit marked running, and nobody running it.
    await setAuditStatus(database.pool, auditId, 'running');

    const cancelled = await api.request(`/api/audits/${auditId}/cancel`, { method: 'POST', credential: 'editor' });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toEqual({ id: auditId, cancelled: true, status: 'cancelled' });
  });
});

describe('an audit of local files left running by a terminal whose process stopped', () => {
  it('is not resumed by the server, which reads no files: it fails, saying how to resume it from the command line', async () => {
    const database = await openDatabase();
    cleanups.push(() => database.close());
    const server: AuditSystem = await openTestAuditSystem(database);
    cleanups.push(() => server.close());
    const { auditId } = await server.runner.launch(
      { lab: demoLabProfile('http://127.0.0.1:9'), sources: [{ kind: 'file', path: path.join(tmpdir(), 'press-clippings') }] },
      { start: false },
    );
    await setAuditStatus(database.pool, auditId, 'running');

    const takeOvers = await takeOverInterruptedAudits(server);
    expect(takeOvers).toEqual([{ auditId, outcome: 'failed', reason: expect.stringContaining('only the command line') }]);
    expect(describeTakeOverDone(takeOvers)).toBe('Looked at 1 unfinished audit: 0 resumed, 1 failed, 0 left to another process.');
    const audit = await getAudit(database.pool, auditId);
    expect(audit?.status).toBe('failed');
    expect(audit?.error).toContain(`stancewatch audit --resume ${auditId}`);
  });
});
