/**
 * Rendering pages that only show their text after JavaScript runs, in a real browser (the system
 * Chromium). The browser and playwright-core, which drives it, live in a driver process of their
 * own (`browser-driver.ts`), started with the first page that needs a browser and ended by
 * `close()`: what they hold goes back to the system when the crawl ends, instead of staying in
 * the audit's process through the analysts that follow.
 *
 * The driver never touches the network by itself: every request a page makes is either aborted
 * there (images, fonts, media, anything not http(s)) or sent back here and fetched through the
 * guarded HTTP client, whose refusals abort the request and are reported with the page. The
 * browser's own DNS is switched off and WebRTC is shut (see `browser-driver.ts`), so hostile
 * pages get exactly the network the plain crawler has.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HttpFetcher } from './fetch-http.js';
import type { NetworkGuard } from './network-guard.js';
import { fromDriverSchema, renderOutcomeSchema, type DriverSettings, type FetchAnswer, type FromDriver, type ToDriver } from './browser-driver-protocol.js';
import { moduleEntry } from '../infra/module-entry.js';

export const defaultBrowserExecutable = '/usr/bin/chromium';

export interface BrowserRendererOptions {
  executablePath: string;
  userAgent: string;
  guard: NetworkGuard;
  /** Guarded HTTP client that fulfils every request the page makes. */
  fetcher: HttpFetcher;
  maxBytes: number;
  maxRedirects: number;
}

export interface RenderRequest {
  url: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface RefusedRequest {
  url: string;
  reason: string;
}

export type BrowserRenderOutcome =
  | { ok: true; html: string; bytes: number; truncated: boolean; finalUrl: string; refusedRequests: RefusedRequest[] }
  | { ok: false; kind: 'unavailable' | 'timeout' | 'failed'; message: string };

export interface BrowserRenderer {
  render(request: RenderRequest): Promise<BrowserRenderOutcome>;
  /** Closes the browser (and its driver process) if it was started; safe to call more than once. */
  close(): Promise<void>;
}

/** Response headers that describe the wire encoding, not the body handed back. */
const droppedResponseHeaders = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
/** How long a closing driver gets to shut its browser before it is ended. */
const driverCloseGraceMs = 10_000;

/**
 * Forks the driver: the compiled module in the built product, through the TypeScript starter from
 * the sources (`infra/module-entry.ts`). No inspector or profiler flags of this process are passed on.
 */
function forkDriver(settings: DriverSettings): ChildProcess {
  const entry = moduleEntry(import.meta.url, 'browser-driver');
  const env = entry.module ? { ...process.env, STANCEWATCH_START_MODULE: entry.module } : process.env;
  return fork(fileURLToPath(entry.file), [JSON.stringify(settings)], { execArgv: [], env, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

interface RunningRender {
  readonly request: RenderRequest;
  readonly resolve: (outcome: BrowserRenderOutcome) => void;
}

/** A running driver process and the renders it owes an answer. */
interface Driver {
  readonly process: ChildProcess;
  readonly renders: Map<number, RunningRender>;
  readonly exited: Promise<void>;
}

export function createBrowserRenderer(options: BrowserRendererOptions): BrowserRenderer {
  let driver: Driver | null = null;
  let nextRenderId = 1;

  const post = (target: Driver, message: ToDriver) => {
    if (target.process.connected) target.process.send(message);
  };

  /** An idle driver must not keep the process alive on its own; a busy one must. */
  const holdWhileBusy = (target: Driver) => {
    if (target.renders.size > 0) {
      target.process.ref();
      target.process.channel?.ref();
    } else {
      target.process.unref();
      target.process.channel?.unref();
    }
  };

  /** Fetches what a page asked for through the crawl's guarded client, on the render's clock. */
  const fetchForPage = async (render: RunningRender | undefined, request: Extract<FromDriver, { type: 'fetch' }>['request']): Promise<FetchAnswer> => {
    if (!render) return { ok: false, kind: 'aborted', message: 'the render this request belonged to has ended' };
    const outcome = await options.fetcher.fetch({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body,
      maxBytes: options.maxBytes,
      maxRedirects: options.maxRedirects,
      timeoutMs: render.request.timeoutMs,
      signal: render.request.signal,
    });
    if (!outcome.ok) return { ok: false, kind: outcome.failure.kind, message: outcome.failure.message };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(outcome.response.headers)) if (!droppedResponseHeaders.has(name)) headers[name] = value;
    return { ok: true, status: outcome.response.status, headers, body: new Uint8Array(outcome.response.body) };
  };

  const startDriver = (): Driver => {
    const child = forkDriver({ executablePath: options.executablePath, userAgent: options.userAgent, maxBytes: options.maxBytes });
    const renders = new Map<number, RunningRender>();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const started: Driver = { process: child, renders, exited };
    child.on('message', (raw) => {
      const parsed = fromDriverSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'rendered') {
        const render = renders.get(message.renderId);
        renders.delete(message.renderId);
        holdWhileBusy(started);
        render?.resolve(renderOutcomeSchema.parse(message.outcome));
        return;
      }
      void fetchForPage(renders.get(message.renderId), message.request)
        .catch((error: unknown): FetchAnswer => ({ ok: false, kind: 'network', message: error instanceof Error ? error.message : String(error) }))
        .then((answer) => post(started, { type: 'fetched', fetchId: message.fetchId, answer }));
    });
    // A driver that dies (killed, out of memory) fails the renders it owed; the next render starts another.
    child.once('exit', (code, signal) => {
      if (driver === started) driver = null;
      for (const render of renders.values()) {
        render.resolve({ ok: false, kind: 'failed', message: `the browser driver stopped (${signal ?? `exit code ${code}`}) while rendering ${render.request.url}` });
      }
      renders.clear();
    });
    child.on('error', () => undefined);
    return started;
  };

  return {
    render(request: RenderRequest): Promise<BrowserRenderOutcome> {
      if (!existsSync(options.executablePath)) {
        return Promise.resolve({ ok: false, kind: 'unavailable', message: `no browser at ${options.executablePath}; set the browser executable path or install Chromium` });
      }
      driver ??= startDriver();
      const target = driver;
      const renderId = nextRenderId++;
      return new Promise((resolve) => {
        target.renders.set(renderId, { request, resolve });
        holdWhileBusy(target);
        post(target, { type: 'render', renderId, url: request.url, timeoutMs: request.timeoutMs });
      });
    },
    async close() {
      const current = driver;
      driver = null;
      if (!current) return;
      current.process.ref();
      post(current, { type: 'close' });
      const grace = setTimeout(() => current.process.kill('SIGKILL'), driverCloseGraceMs);
      await current.exited;
      clearTimeout(grace);
    },
  };
}
