/**
 * The browser driver: a process of its own, started by `fetch-browser.ts` when a crawl's first
 * page needs a browser, that drives Chromium through playwright-core and exits when the crawl
 * closes it.
 *
 * Why a process: playwright-core runs its whole driver inside whatever process imports it, some
 * 85 MB of code and objects that a Node process never gives back once loaded. In the crawl's own
 * process they stayed for the rest of the audit, through the analysts' busiest moment. Here they
 * go with the process when the crawl ends.
 *
 * The driver never touches the network: every request a page makes is either aborted here
 * (images, fonts, media — we only want text — and anything not http(s)) or sent back to the crawl
 * as a `fetch` message, fetched there through the guarded HTTP client, and handed to the page.
 * Chromium's own DNS is switched off (`--host-resolver-rules`), so a request that somehow escapes
 * interception fails instead of reaching a private address.
 *
 * WebRTC is the one part of the browser that opens sockets without making requests: a page that
 * names `stun:127.0.0.1:…` as its STUN server, or answers itself with a loopback "peer", gets
 * UDP datagrams sent to any service on our machine, and no interception sees them. So WebRTC is
 * shut twice: the launch flags set the browser's IP handling policy to `disable_non_proxied_udp`
 * (no UDP at all without a proxy, and we configure none), and an init script removes the WebRTC
 * constructors from every frame before the page's own scripts run. Hostile pages therefore get
 * exactly the network the plain crawler has.
 */
import type { Browser, Route } from 'playwright-core';
import {
  driverSettingsSchema,
  toDriverSchema,
  type DriverSettings,
  type FetchAnswer,
  type FromDriver,
  type ToDriver,
} from './browser-driver-protocol.js';

/** Resource types never worth fetching for text. */
const skippedResourceTypes = new Set(['image', 'font', 'media']);
/** Request headers the page may choose; the rest (cookies, user agent, hosts) are the crawl's. */
const forwardedHeaders = new Set(['accept', 'accept-language', 'content-type', 'referer']);

/**
 * WebRTC's IP handling policy, forced to "no UDP except through a proxy". The full browser (what
 * headless Chromium runs) reads `--webrtc-ip-handling-policy`; `--force-webrtc-ip-handling-policy`
 * alone leaves it sending STUN. The headless shell and content builds read the `--force-` form,
 * so both are given. What the policy still allows, TURN over TCP, goes through the browser's
 * network stack, whose host resolution is switched off, and fails (the WebRTC security test
 * listens for it).
 */
const webRtcPolicy = 'disable_non_proxied_udp';

const browserLaunchArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  `--webrtc-ip-handling-policy=${webRtcPolicy}`,
  `--force-webrtc-ip-handling-policy=${webRtcPolicy}`,
];

/**
 * Runs in every frame (iframes and popups included) before any script of the page: deletes the
 * WebRTC interfaces, so a page cannot build a peer connection even where the launch flags would
 * not hold (another Chromium build, a policy that overrides them). Written as source text, not as
 * a function, so no compiler helper ends up in what the browser evaluates.
 */
const removeWebRtcScript = `(() => {
  const names = [
    'RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCSessionDescription',
    'RTCIceCandidate', 'RTCIceTransport', 'RTCDtlsTransport', 'RTCSctpTransport', 'RTCRtpSender',
    'RTCRtpReceiver', 'RTCRtpTransceiver', 'RTCCertificate', 'RTCDTMFSender', 'RTCError',
    'RTCTrackEvent', 'RTCDataChannelEvent', 'RTCPeerConnectionIceEvent', 'RTCPeerConnectionIceErrorEvent',
    'RTCEncodedAudioFrame', 'RTCEncodedVideoFrame', 'RTCRtpScriptTransform',
  ];
  for (const name of names) {
    try {
      delete globalThis[name];
    } catch {}
    if (name in globalThis) {
      try {
        Object.defineProperty(globalThis, name, { value: undefined, writable: false, configurable: false });
      } catch {}
    }
  }
})();`;

type RenderOutcome = Extract<FromDriver, { type: 'rendered' }>['outcome'];

function firstLineOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

function send(message: FromDriver): void {
  process.send?.(message);
}

function createDriver(settings: DriverSettings) {
  let launching: Promise<{ browser: Browser } | { error: string }> | null = null;
  let nextFetchId = 1;
  const waitingFetches = new Map<number, (answer: FetchAnswer) => void>();

  const launch = () => {
    launching ??= (async () => {
      try {
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({ executablePath: settings.executablePath, headless: true, args: [...browserLaunchArgs], timeout: 30_000 });
        return { browser };
      } catch (error) {
        return { error: `the browser at ${settings.executablePath} did not start: ${firstLineOf(error)}` };
      }
    })();
    return launching;
  };

  /** Asks the crawl to fetch what the page requested, through its guarded HTTP client. */
  const fetchThroughCrawl = (renderId: number, request: Extract<FromDriver, { type: 'fetch' }>['request']) =>
    new Promise<FetchAnswer>((resolve) => {
      const fetchId = nextFetchId++;
      waitingFetches.set(fetchId, resolve);
      send({ type: 'fetch', renderId, fetchId, request });
    });

  const fulfilThroughCrawl = async (route: Route, renderId: number, refused: { url: string; reason: string }[]) => {
    const request = route.request();
    const url = request.url();
    if (!/^https?:/i.test(url)) return route.abort('blockedbyclient');
    if (skippedResourceTypes.has(request.resourceType())) return route.abort('blockedbyclient');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers())) if (forwardedHeaders.has(name.toLowerCase())) headers[name] = value;
    const body = request.postDataBuffer();
    const answer = await fetchThroughCrawl(renderId, { url, method: request.method(), headers, body: body ? new Uint8Array(body) : null });
    if (!answer.ok) {
      if (answer.kind === 'guard-refused') {
        refused.push({ url, reason: answer.message });
        return route.abort('blockedbyclient');
      }
      return route.abort(answer.kind === 'timeout' ? 'timedout' : 'failed');
    }
    return route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength) });
  };

  const render = async (renderId: number, url: string, timeoutMs: number): Promise<RenderOutcome> => {
    const launched = await launch();
    if ('error' in launched) return { ok: false, kind: 'unavailable', message: launched.error };
    const context = await launched.browser.newContext({ userAgent: settings.userAgent, serviceWorkers: 'block', acceptDownloads: false, javaScriptEnabled: true });
    const refusedRequests: { url: string; reason: string }[] = [];
    const startedAt = Date.now();
    try {
      await context.addInitScript({ content: removeWebRtcScript });
      await context.route('**/*', (route) => fulfilThroughCrawl(route, renderId, refusedRequests).catch(() => route.abort('failed').catch(() => undefined)));
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      // Pages that build themselves from later requests get a short quiet period, within budget.
      const remaining = timeoutMs - (Date.now() - startedAt);
      await page.waitForLoadState('networkidle', { timeout: Math.max(0, Math.min(1_500, remaining)) }).catch(() => undefined);
      let html = await page.content();
      let bytes = Buffer.byteLength(html);
      const truncated = bytes > settings.maxBytes;
      if (truncated) {
        html = Buffer.from(html).subarray(0, settings.maxBytes).toString('utf8');
        bytes = settings.maxBytes;
      }
      return { ok: true, html, bytes, truncated, finalUrl: page.url(), refusedRequests };
    } catch (error) {
      const message = firstLineOf(error);
      if (/timeout/i.test(message)) return { ok: false, kind: 'timeout', message: `the browser timed out after ${timeoutMs} ms rendering ${url}` };
      return { ok: false, kind: 'failed', message: `the browser could not render ${url}: ${message}` };
    } finally {
      await context.close().catch(() => undefined);
    }
  };

  const close = async () => {
    const current = launching;
    launching = null;
    if (!current) return;
    const launched = await current;
    if ('browser' in launched) await launched.browser.close().catch(() => undefined);
  };

  return {
    async receive(message: ToDriver): Promise<void> {
      if (message.type === 'render') {
        const outcome = await render(message.renderId, message.url, message.timeoutMs);
        send({ type: 'rendered', renderId: message.renderId, outcome });
      } else if (message.type === 'fetched') {
        const resolve = waitingFetches.get(message.fetchId);
        waitingFetches.delete(message.fetchId);
        resolve?.(message.answer);
      } else {
        await close();
        process.disconnect?.();
      }
    },
    close,
  };
}

/** Starts the driver on this process's IPC channel; the crawl that forked it is the only peer. */
function main(): void {
  const settingsArgument = process.argv[2];
  if (!process.send || settingsArgument === undefined) {
    process.stderr.write('The browser driver is started by the crawl (tools/fetch-browser.ts), with an IPC channel and its settings as JSON.\n');
    process.exitCode = 2;
    return;
  }
  const driver = createDriver(driverSettingsSchema.parse(JSON.parse(settingsArgument)));
  process.on('message', (raw) => {
    const parsed = toDriverSchema.safeParse(raw);
    if (!parsed.success) {
      process.stderr.write(`The browser driver received a message it does not understand: ${parsed.error.message}\n`);
      return;
    }
    void driver.receive(parsed.data);
  });
  // The crawl closed the channel, or its process ended: take the browser down with us.
  process.on('disconnect', () => void driver.close().finally(() => process.exit(0)));
}

main();
