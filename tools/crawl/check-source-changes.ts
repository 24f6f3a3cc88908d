/**
 * Change watch's reading of a lab's known sources, cheapest first: a conditional GET with the
 * validators the page was last served with (`If-None-Match`, `If-Modified-Since`), which a
 * server that keeps them answers `304 Not Modified` without a body; otherwise the page is read
 * exactly as the crawl reads it (same extraction, same browser rule, same guard) and its
 * extracted text is hashed, so a page whose markup changed but whose text did not is unchanged.
 *
 * Everything goes through the crawl's network guard and robots policy; nothing here follows
 * links. Outcomes are values: an unreadable page is reported, not thrown.
 */
import type { HttpFetcher, HttpFetchOutcome } from '../fetch-http.js';
import { crawlLimitsSchema, type CrawlLimits } from './crawl-options.js';
import { CrawlNotes } from './crawl-notes.js';
import { openCrawlSession } from './crawl-session.js';
import { completeSource, type SourceValidators } from './crawled-source.js';
import { readWebPage } from './read-web.js';

/** A source an earlier audit read, as watch re-checks it. */
export interface KnownSource {
  readonly sourceId: string;
  /** The URL the audit requested (redirects are followed again, as the crawl would). */
  readonly url: string;
  /** sha256 of the text the audit read. */
  readonly snapshotHash: string;
  readonly validators: SourceValidators | null;
}

export type SourceCheck =
  | { readonly outcome: 'not-modified'; readonly source: KnownSource; readonly httpStatus: number }
  | { readonly outcome: 'same-text' | 'changed'; readonly source: KnownSource; readonly httpStatus: number | null; readonly text: string; readonly html: string | null; readonly contentType: string | null; readonly snapshotHash: string }
  | { readonly outcome: 'unreadable'; readonly source: KnownSource; readonly httpStatus: number | null; readonly detail: string };

export interface SourceCheckOptions extends CrawlLimits {
  /** Origins whose pages are the lab's own voice (decides nothing here but the draft's party). */
  readonly firstPartyOrigins: readonly string[];
}

/** The conditional headers for a source's validators: an ETag wins, as HTTP says it should. */
function conditionalHeaders(validators: SourceValidators | null): Record<string, string> {
  if (validators?.etag) return { 'if-none-match': validators.etag };
  if (validators?.lastModified) return { 'if-modified-since': validators.lastModified };
  return {};
}

/** A fetcher that answers its first request for `url` with a response already in hand. */
function primedFetcher(inner: HttpFetcher, url: string, outcome: HttpFetchOutcome): HttpFetcher {
  let served = false;
  return {
    fetch: (request) => {
      if (!served && request.url === url) {
        served = true;
        return Promise.resolve(outcome);
      }
      return inner.fetch(request);
    },
    close: () => inner.close(),
  };
}

/** Checks each source in order; one fetcher, robots policy and (when needed) browser for all. */
export async function checkSourceChanges(options: SourceCheckOptions, sources: readonly KnownSource[]): Promise<SourceCheck[]> {
  const limits = crawlLimitsSchema.parse(options);
  const session = openCrawlSession(limits);
  const { fetcher, robots, remainingMs } = session;
  const checks: SourceCheck[] = [];
  try {
    for (const source of sources) {
      if (remainingMs() <= 0) {
        checks.push({ outcome: 'unreadable', source, httpStatus: null, detail: `not checked: watch's time budget (${limits.totalTimeMs} ms) ran out` });
        continue;
      }
      if (robots) {
        const decision = await robots.isAllowed(source.url);
        if (!decision.allowed) {
          checks.push({ outcome: 'unreadable', source, httpStatus: null, detail: `not fetched: ${decision.reason}` });
          continue;
        }
      }
      const outcome = await fetcher.fetch({
        url: source.url,
        maxBytes: limits.maxBytes,
        maxRedirects: limits.maxRedirects,
        timeoutMs: Math.max(1, Math.min(limits.timeoutMs, remainingMs())),
        signal: session.signal,
        headers: conditionalHeaders(source.validators),
      });
      if (outcome.ok && outcome.response.status === 304) {
        checks.push({ outcome: 'not-modified', source, httpStatus: 304 });
        continue;
      }
      // Read as the crawl reads it, from the response in hand: robots was asked above already.
      const read = await readWebPage(source.url, {
        options: { ...limits, seeds: [{ kind: 'web', url: source.url }], firstPartyOrigins: [...options.firstPartyOrigins] },
        fetcher: primedFetcher(fetcher, source.url, outcome),
        robots: null,
        browser: session.browser,
        extract: session.extract,
        signal: session.signal,
        remainingMs,
        notes: new CrawlNotes(),
        nextSourceId: () => source.sourceId,
      });
      const current = completeSource(read.draft, 1);
      if (current.error !== null || current.snapshotHash === null) {
        checks.push({ outcome: 'unreadable', source, httpStatus: current.status, detail: current.error ?? 'no text could be read from it' });
        continue;
      }
      checks.push({
        outcome: current.snapshotHash === source.snapshotHash ? 'same-text' : 'changed',
        source,
        httpStatus: current.status,
        text: current.text,
        html: current.html,
        contentType: current.contentType,
        snapshotHash: current.snapshotHash,
      });
    }
  } finally {
    await session.close();
  }
  return checks;
}
