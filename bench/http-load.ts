/**
 * Drives one URL with autocannon in a second process on loopback (so the load generator does not
 * share the server's event loop) and reads its JSON summary.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const autocannonCli = createRequire(import.meta.url).resolve('autocannon');

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface LoadFigures {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly megabytesPerSecond: number;
}

interface AutocannonSummary {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export async function driveLoad(url: string, settings: LoadSettings): Promise<LoadFigures> {
  const { stdout } = await run(
    process.execPath,
    [autocannonCli, '--json', '--connections', String(settings.connections), '--duration', String(settings.durationSeconds), url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const summary = JSON.parse(stdout) as AutocannonSummary;
  return {
    url,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    requests: summary.requests.total,
    requestsPerSecond: Math.round(summary.requests.average),
    latencyP50Ms: summary.latency.p50,
    latencyP99Ms: summary.latency.p99,
    errors: summary.errors + summary.timeouts,
    non2xx: summary.non2xx,
    megabytesPerSecond: Math.round((summary.throughput.average / 1_000_000) * 10) / 10,
  };
}
