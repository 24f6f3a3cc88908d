/**
 * How one web page is read: robots.txt → guarded HTTP (redirect chain recorded) → status and
 * content-type checks → main text → the browser when the page builds itself with scripts (or
 * always, when asked) → the login-wall check. Every outcome is a source draft, read or not.
 * Markdown is read as prose (no code, markup or front-matter) and a PDF page by page; neither
 * has links the crawl follows.
 */
import type { BrowserRenderer } from '../fetch-browser.js';
import type { HttpFetcher, HttpFetchFailure } from '../fetch-http.js';
import { countWords, normaliseText, type ExtractedPage } from '../extract-main-text.js';
import { extractMarkdown, writtenInMarkdown } from '../extract-markdown.js';
import type { RobotsPolicy } from '../robots.js';
import type { CheckedCrawlOptions } from './crawl-options.js';
import type { CrawlNotes } from './crawl-notes.js';
import { failedSource, validatorsOf, type SourceDraft, type SourceIssue } from './crawled-source.js';
import { isPdfType, readPdfBody } from './read-pdf.js';
import { describeLoginWall, isFirstPartyUrl, isLoginUrl } from './source-party.js';

/** Pages with fewer words than this are thin; with scripts on them, they may need the browser. */
export const thinContentWords = 60;
/** A login page is a page whose text is mostly its form. */
const loginPageMaxWords = 150;

export interface WebReadContext {
  readonly options: CheckedCrawlOptions;
  readonly fetcher: HttpFetcher;
  readonly robots: RobotsPolicy | null;
  readonly browser: () => BrowserRenderer;
  /** Main text, title and links of an HTML page (the crawl session's extraction worker). */
  readonly extract: (html: string, url: string) => Promise<ExtractedPage>;
  readonly signal: AbortSignal;
  readonly remainingMs: () => number;
  readonly notes: CrawlNotes;
  /** The id the source being read will be recorded under. */
  readonly nextSourceId: () => string;
  /** Extra request headers for the page itself (change watch's `If-None-Match` / `If-Modified-Since`). */
  readonly pageHeaders?: Readonly<Record<string, string>>;
}

export interface WebPageRead {
  readonly draft: SourceDraft;
  /** The page's extracted text and links, when it was read as a page whose links may be followed. */
  readonly page?: ExtractedPage;
  /** The final URL's origin, when the request was answered. */
  readonly finalOrigin?: string;
}

function isHtmlType(contentType: string | null): boolean {
  return contentType === null || /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

function isPlainTextType(contentType: string | null): boolean {
  return contentType !== null && /\b(text\/plain|text\/markdown|text\/x-markdown)\b/i.test(contentType);
}

/** Markdown by its type, or plain text served from a `.md` address (as code hosts serve raw files). */
function isMarkdown(contentType: string | null, url: string): boolean {
  if (contentType !== null && /\b(text\/markdown|text\/x-markdown)\b/i.test(contentType)) return true;
  return contentType !== null && /\btext\/plain\b/i.test(contentType) && /\.(md|markdown)$/i.test(new URL(url).pathname);
}

export function decodeBody(body: Buffer, contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

export function markdownTitle(text: string): string | null {
  return /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? null;
}

function failureIssues(failure: HttpFetchFailure): SourceIssue[] {
  switch (failure.kind) {
    case 'guard-refused':
      return ['guard-refused'];
    case 'timeout':
    case 'aborted':
      return ['timeout'];
    default:
      return ['http-error'];
  }
}

export async function readWebPage(requestedUrl: string, context: WebReadContext): Promise<WebPageRead> {
  const { options, fetcher, robots, notes } = context;
  const partyOf = (url: string) => (isFirstPartyUrl(url, options.firstPartyOrigins) ? 'first' : 'third');
  if (robots) {
    const decision = await robots.isAllowed(requestedUrl);
    if (!decision.allowed) {
      return { draft: failedSource({ requestedUrl, fetchedWith: 'http', party: partyOf(requestedUrl) }, `not fetched: ${decision.reason}`, ['robots-disallowed']) };
    }
  }
  const fetchedAt = new Date().toISOString();
  const perFetchMs = () => Math.max(1, Math.min(options.timeoutMs, context.remainingMs()));
  const outcome = await fetcher.fetch({
    url: requestedUrl,
    maxBytes: options.maxBytes,
    maxRedirects: options.maxRedirects,
    timeoutMs: perFetchMs(),
    signal: context.signal,
    ...(context.pageHeaders ? { headers: { ...context.pageHeaders } } : {}),
  });
  if (!outcome.ok) {
    const { failure } = outcome;
    const hops = failure.redirectChain.length > 0 ? `${requestedUrl} redirects to ${failure.finalUrl}: ` : '';
    const draft = failedSource(
      { requestedUrl, finalUrl: failure.finalUrl, redirectChain: failure.redirectChain, fetchedAt, fetchedWith: 'http', party: partyOf(failure.finalUrl) },
      `${hops}${failure.message}`,
      failureIssues(failure),
    );
    return { draft };
  }
  const { response } = outcome;
  const finalUrl = response.finalUrl;
  const finalOrigin = new URL(finalUrl).origin;
  const base = {
    requestedUrl,
    finalUrl,
    redirectChain: response.redirectChain,
    status: response.status,
    contentType: response.contentType,
    bytes: response.bytes,
    fetchedAt,
    party: partyOf(finalUrl),
    validators: validatorsOf(response.headers),
  } as const;
  const issues: SourceIssue[] = response.truncated ? ['truncated'] : [];

  if (response.status >= 400) {
    const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const hops = response.redirectChain.length > 0 ? `${requestedUrl} redirects to ${finalUrl}, which answers ` : '';
    return { draft: failedSource({ ...base, fetchedWith: 'http' }, `${hops}${reason}`, [...issues, 'http-error']), finalOrigin };
  }
  if (isPdfType(response.contentType)) {
    const pdf = await readPdfBody(response.body, finalUrl, { timeoutMs: perFetchMs(), signal: context.signal });
    if (!pdf.ok) return { draft: failedSource({ ...base, fetchedWith: 'http' }, pdf.error, [...issues, ...pdf.issues]), finalOrigin };
    if (pdf.note) notes.add(pdf.note);
    for (const issue of pdf.issues) if (!issues.includes(issue)) issues.push(issue);
    if (countWords(pdf.text) < thinContentWords) issues.push('thin-content');
    return { draft: { ...base, title: pdf.title, fetchedWith: 'http', text: pdf.text, html: null, error: null, issues, links: [], pages: pdf.pages }, finalOrigin };
  }
  if (!isHtmlType(response.contentType) && !isPlainTextType(response.contentType)) {
    return { draft: failedSource({ ...base, fetchedWith: 'http' }, `${finalUrl} is ${response.contentType}, not a page with text we can read`, [...issues, 'non-text']), finalOrigin };
  }
  const decoded = decodeBody(response.body, response.contentType);
  if (isPlainTextType(response.contentType)) {
    const markdown = isMarkdown(response.contentType, finalUrl) || writtenInMarkdown(decoded) ? extractMarkdown(decoded) : null;
    const text = markdown ? markdown.text : normaliseText(decoded);
    const title = markdown ? markdown.title : markdownTitle(decoded);
    if (countWords(text) < thinContentWords) issues.push('thin-content');
    return { draft: { ...base, title, fetchedWith: 'http', text, html: null, error: null, issues, links: [] }, finalOrigin };
  }

  let page = await context.extract(decoded, finalUrl);
  let html = decoded;
  let bytes = response.bytes;
  let fetchedWith: SourceDraft['fetchedWith'] = 'http';
  const looksLikeLogin = (candidate: ExtractedPage) => (isLoginUrl(finalUrl) || candidate.hasPasswordField) && candidate.words < loginPageMaxWords;

  const wantsBrowser = options.browser === 'always' || (options.browser === 'auto' && page.hasScript && page.words < thinContentWords && !looksLikeLogin(page));
  if (wantsBrowser && context.remainingMs() > 0) {
    const rendered = await context.browser().render({ url: finalUrl, timeoutMs: perFetchMs(), signal: context.signal });
    if (rendered.ok) {
      const renderedPage = await context.extract(rendered.html, finalUrl);
      if (options.browser === 'always' || renderedPage.words > page.words) {
        page = renderedPage;
        html = rendered.html;
        bytes = rendered.bytes;
        fetchedWith = 'browser';
        issues.push('rendered-with-browser');
        if (rendered.truncated && !issues.includes('truncated')) issues.push('truncated');
      }
      if (rendered.refusedRequests.length > 0) {
        const examples = rendered.refusedRequests.slice(0, 3).map((request) => request.url).join(', ');
        notes.add(`While rendering ${finalUrl} the browser was refused ${rendered.refusedRequests.length} request(s) by the network guard (${examples}).`);
      }
    } else if (rendered.kind === 'unavailable') {
      issues.push('browser-unavailable');
      notes.browserUnavailable(context.nextSourceId(), rendered.message);
    } else {
      if (rendered.kind === 'timeout') issues.push('timeout');
      notes.add(`${rendered.message}; its plain HTML was read instead.`);
    }
  }

  if (looksLikeLogin(page)) {
    const message = describeLoginWall(requestedUrl, finalUrl, response.redirectChain);
    notes.add(`${message}.`);
    return { draft: { ...failedSource({ ...base, bytes, title: page.title, fetchedWith }, message, [...issues, 'redirected-to-login']) }, finalOrigin };
  }
  if (page.words < thinContentWords) issues.push('thin-content');
  return { draft: { ...base, bytes, title: page.title, fetchedWith, text: page.text, html, error: null, issues, links: [] }, page, finalOrigin };
}
