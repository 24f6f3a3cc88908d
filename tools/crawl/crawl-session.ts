/**
 * What one crawl, or one change watch, shares across all its fetches: a clock for its whole
 * time budget, one guarded HTTP fetcher, one robots policy (when robots are respected) and a
 * browser launched only when a page first needs one, and an extraction worker started with the
 * first HTML page. `close()` stops the clock and releases the browser, the worker and the fetcher.
 */
import { createBrowserRenderer, type BrowserRenderer } from '../fetch-browser.js';
import { createHttpFetcher, type HttpFetcher } from '../fetch-http.js';
import type { ExtractedPage } from '../extract-main-text.js';
import { createHtmlExtractor } from '../html-extractor.js';
import { createNetworkGuard } from '../network-guard.js';
import { createRobotsPolicy, type RobotsPolicy } from '../robots.js';
import type { CheckedCrawlOptions } from './crawl-options.js';

export type CrawlSessionLimits = Pick<
  CheckedCrawlOptions,
  'totalTimeMs' | 'timeoutMs' | 'allowPrivateHosts' | 'userAgent' | 'respectRobots' | 'browserExecutable' | 'maxBytes' | 'maxRedirects'
>;

export interface CrawlSession {
  readonly fetcher: HttpFetcher;
  readonly robots: RobotsPolicy | null;
  /** The browser, launched on first call. */
  readonly browser: () => BrowserRenderer;
  /** Main text, title and links of an HTML page, extracted in the session's worker. */
  readonly extract: (html: string, url: string) => Promise<ExtractedPage>;
  /** Aborts when the time budget runs out. */
  readonly signal: AbortSignal;
  readonly remainingMs: () => number;
  close(): Promise<void>;
}

export function openCrawlSession(limits: CrawlSessionLimits): CrawlSession {
  const deadline = Date.now() + limits.totalTimeMs;
  const clock = new AbortController();
  const timer = setTimeout(() => clock.abort(), limits.totalTimeMs);
  timer.unref();
  const guard = createNetworkGuard({ allowPrivateHosts: limits.allowPrivateHosts });
  const fetcher = createHttpFetcher({ guard, userAgent: limits.userAgent });
  const robots = limits.respectRobots
    ? createRobotsPolicy({ fetcher, userAgent: limits.userAgent, timeoutMs: limits.timeoutMs, signal: clock.signal })
    : null;
  let browser: BrowserRenderer | null = null;
  const extractor = createHtmlExtractor();
  return {
    extract: extractor.extract,
    fetcher,
    robots,
    browser: () =>
      (browser ??= createBrowserRenderer({
        executablePath: limits.browserExecutable,
        userAgent: limits.userAgent,
        guard,
        fetcher,
        maxBytes: limits.maxBytes,
        maxRedirects: limits.maxRedirects,
      })),
    signal: clock.signal,
    remainingMs: () => deadline - Date.now(),
    close: async () => {
      clearTimeout(timer);
      const openBrowser = browser as BrowserRenderer | null;
      if (openBrowser) await openBrowser.close();
      await extractor.close();
      await fetcher.close();
    },
  };
}
