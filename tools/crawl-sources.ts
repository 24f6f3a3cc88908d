/**
 * The source crawl: from the seeds, read a lab's public pages breadth-first within the page,
 * depth, byte and time budgets, and record every source read — or that could not be read, since
 * a homepage that redirects to a login wall matters to the confidence of the audit as much as a
 * page that was read.
 *
 * Order is deterministic (seeds in order, links sorted, ids assigned in crawl order), so two
 * crawls of an unchanged site give the same ids for the same pages. Each source's `text` is the
 * snapshot every later quote and offset refers to; `snapshotHash` is its sha256.
 *
 * Same-site links (same origin as the page's seed, or the origin the seed redirected to) are
 * followed; links to other origins are read as leaves — one page, never crawled further — so the
 * press coverage a lab links to is read as third-party writing, within a quarter of the budget.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { StanceWatchError } from '../infra/errors.js';
import { createBrowserRenderer, type BrowserRenderer } from './fetch-browser.js';
import { createHttpFetcher, type HttpFetchFailure, type RedirectHop } from './fetch-http.js';
import { countWords, extractMainText, normaliseText, type ExtractedPage } from './extract-main-text.js';
import { createNetworkGuard } from './network-guard.js';
import { createRobotsPolicy, type RobotsPolicy } from './robots.js';

export type SourceIssue =
  | 'redirected-to-login'
  | 'http-error'
  | 'thin-content'
  | 'robots-disallowed'
  | 'guard-refused'
  | 'rendered-with-browser'
  | 'browser-unavailable'
  | 'truncated'
  | 'non-text'
  | 'timeout';

export interface CrawlOptions {
  /** http(s) URLs, file paths, or folders (folders: every .html/.htm/.md/.txt inside, recursively, sorted). */
  seeds: string[];
  /** Origins (scheme://host:port) or hosts whose pages are the lab's own voice; subdomains of a listed host count too. */
  firstPartyOrigins: string[];
  maxPages: number;
  maxDepth: number;
  maxBytes: number;
  maxRedirects: number;
  /** Per fetch. */
  timeoutMs: number;
  /** Whole crawl budget. */
  totalTimeMs: number;
  /** Hosts, IPs or CIDRs the network guard may reach although they are not public. */
  allowPrivateHosts: string[];
  browser: 'auto' | 'always' | 'never';
  browserExecutable: string;
  respectRobots: boolean;
  userAgent: string;
  /** Read pages on other origins that crawled pages link to, as leaves. Default true. */
  followExternalLinks?: boolean;
}

/** Checks options at the boundary: a zero or negative budget is a configuration mistake, not a crawl. */
export const crawlOptionsSchema = z.object({
  seeds: z.array(z.string().trim().min(1)).min(1, 'give at least one seed URL, file or folder'),
  firstPartyOrigins: z.array(z.string().trim().min(1)),
  maxPages: z.number().int().positive(),
  maxDepth: z.number().int().nonnegative(),
  maxBytes: z.number().int().positive(),
  maxRedirects: z.number().int().nonnegative(),
  timeoutMs: z.number().int().positive(),
  totalTimeMs: z.number().int().positive(),
  allowPrivateHosts: z.array(z.string().trim().min(1)),
  browser: z.enum(['auto', 'always', 'never']),
  browserExecutable: z.string().min(1),
  respectRobots: z.boolean(),
  userAgent: z.string().trim().min(1),
  followExternalLinks: z.boolean().optional(),
});

export interface CrawledSource {
  /** "S01", "S02"… in crawl order. */
  id: string;
  requestedUrl: string;
  finalUrl: string;
  redirectChain: RedirectHop[];
  status: number | null;
  contentType: string | null;
  bytes: number;
  words: number;
  title: string | null;
  fetchedAt: string;
  fetchedWith: 'http' | 'browser' | 'file';
  party: 'first' | 'third';
  /** Extracted main text: the snapshot every later quote and offset refers to. */
  text: string;
  html: string | null;
  /** sha256 hex of `text`; null when nothing usable was fetched. */
  snapshotHash: string | null;
  error: string | null;
  issues: SourceIssue[];
  /** Same-site links found (absolute, normalised, no fragments). */
  links: string[];
}

export interface CrawlProgress {
  kind: 'fetching' | 'fetched' | 'skipped';
  url: string;
  sourceId?: string;
  detail?: string;
}

export interface CrawlResult {
  sources: CrawledSource[];
  /** Plain sentences about the crawl as a whole, for the confidence note. */
  notes: string[];
}

/** Pages with fewer words than this are thin; with scripts on them, they may need the browser. */
export const thinContentWords = 60;
/** A login page is a page whose text is mostly its form. */
const loginPageMaxWords = 150;
const fileExtensions = new Set(['.html', '.htm', '.md', '.txt']);
/** Links to these are never pages with text worth reading. */
const binaryLinkExtension = /\.(png|jpe?g|gif|webp|svg|ico|bmp|avif|mp4|webm|mov|mp3|wav|ogg|zip|gz|tgz|bz2|7z|rar|tar|exe|dmg|pkg|deb|rpm|iso|woff2?|ttf|otf|eot|css|js|mjs|map|json|xml|rss|atom|pdf|safetensors|gguf|bin|onnx|pt|ckpt|parquet|csv)$/i;

/** sha256 hex of a snapshot text: its content address. */
export function hashSnapshot(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function sourceIdFor(ordinal: number): string {
  return `S${String(ordinal).padStart(2, '0')}`;
}

/** Whether `url` speaks in the lab's own voice: a listed origin, a listed host, or a subdomain of either. */
export function isFirstPartyUrl(url: string, firstPartyOrigins: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const hostname = target.hostname.toLowerCase();
  return firstPartyOrigins.some((entry) => {
    const trimmed = entry.trim().toLowerCase();
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed)) {
      let listed: URL;
      try {
        listed = new URL(trimmed);
      } catch {
        return false;
      }
      if (listed.origin === target.origin) return true;
      // A subdomain of a listed origin's host, on the same scheme and port.
      return hostname.endsWith(`.${listed.hostname}`) && listed.protocol === target.protocol && listed.port === target.port;
    }
    const host = trimmed.replace(/\/.*$/, '');
    return hostname === host || hostname.endsWith(`.${host}`);
  });
}

/** A file source is the lab's own unless it sits under a `third-party` folder. */
export function isFirstPartyFile(filePath: string): boolean {
  return !filePath.split(/[\\/]/).some((segment) => segment.toLowerCase() === 'third-party');
}

/** Login, sign-in and auth endpoints, by their path segments (not "/authors"). */
export function isLoginUrl(url: string): boolean {
  try {
    return new URL(url).pathname
      .toLowerCase()
      .split('/')
      .some((segment) => /^(login|log-in|logon|signin|sign-in|sign_in|auth|oauth2?|sso|authenticate)(\.[a-z]+)?$/.test(segment));
  } catch {
    return false;
  }
}

/** "https://…/account 302-redirects to https://…/login, a login page with no content". */
export function describeLoginWall(requestedUrl: string, finalUrl: string, redirectChain: readonly RedirectHop[]): string {
  if (redirectChain.length === 0) return `${finalUrl} is a login page with no content`;
  const statuses = redirectChain.map((hop) => hop.status).join('-then-');
  return `${requestedUrl} ${statuses}-redirects to ${finalUrl}, a login page with no content`;
}

function isHtmlType(contentType: string | null): boolean {
  return contentType === null || /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

function isPlainTextType(contentType: string | null): boolean {
  return contentType !== null && /\b(text\/plain|text\/markdown|text\/x-markdown)\b/i.test(contentType);
}

function decodeBody(body: Buffer, contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function markdownTitle(text: string): string | null {
  return /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? null;
}

function sameSiteLink(link: string, siteOrigins: ReadonlySet<string>): boolean {
  return siteOrigins.has(new URL(link).origin);
}

/** Every readable file under a folder, by path, sorted so the order never depends on the disk. */
async function listReadableFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && fileExtensions.has(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

interface QueueEntry {
  kind: 'web' | 'file' | 'missing';
  location: string;
  depth: number;
  /** Origins counted as the same site as this entry's seed (grows when a seed redirects). */
  siteOrigins: Set<string>;
  /** Read as a leaf: a page on another origin, never expanded. */
  external: boolean;
  missingReason?: string;
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

/** Crawls the seeds and returns every source read or attempted, in crawl order, with notes. */
export async function crawlSources(rawOptions: CrawlOptions, onProgress?: (progress: CrawlProgress) => void): Promise<CrawlResult> {
  const parsed = crawlOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ');
    throw new StanceWatchError('invalid-crawl-options', `The crawl settings are not usable: ${problems}`, 400);
  }
  const options: CrawlOptions = parsed.data;
  const startedAt = Date.now();
  const deadline = startedAt + options.totalTimeMs;
  const crawlClock = new AbortController();
  const clockTimer = setTimeout(() => crawlClock.abort(), options.totalTimeMs);
  clockTimer.unref();

  const guard = createNetworkGuard({ allowPrivateHosts: options.allowPrivateHosts });
  const fetcher = createHttpFetcher({ guard, userAgent: options.userAgent });
  const robots: RobotsPolicy | null = options.respectRobots
    ? createRobotsPolicy({ fetcher, userAgent: options.userAgent, timeoutMs: options.timeoutMs, signal: crawlClock.signal })
    : null;
  let browser: BrowserRenderer | null = null;
  const browserFor = () =>
    (browser ??= createBrowserRenderer({
      executablePath: options.browserExecutable,
      userAgent: options.userAgent,
      guard,
      fetcher,
      maxBytes: options.maxBytes,
      maxRedirects: options.maxRedirects,
    }));

  const sources: CrawledSource[] = [];
  const notes: string[] = [];
  const browserUnavailableIds: string[] = [];
  let browserUnavailableMessage = '';
  const externalBudget = Math.max(1, Math.floor(options.maxPages / 4));
  let externalQueued = 0;
  const followExternal = options.followExternalLinks ?? true;
  const remainingMs = () => deadline - Date.now();

  const record = (source: Omit<CrawledSource, 'id' | 'fetchedAt' | 'words' | 'snapshotHash'> & { fetchedAt?: string }): CrawledSource => {
    const id = sourceIdFor(sources.length + 1);
    const usable = source.error === null && source.text.length > 0;
    const complete: CrawledSource = {
      ...source,
      id,
      fetchedAt: source.fetchedAt ?? new Date().toISOString(),
      words: countWords(source.text),
      snapshotHash: usable ? hashSnapshot(source.text) : null,
      text: usable ? source.text : '',
    };
    sources.push(complete);
    onProgress?.(
      complete.error === null
        ? { kind: 'fetched', url: complete.requestedUrl, sourceId: id, detail: `${complete.words} words via ${complete.fetchedWith}` }
        : { kind: 'skipped', url: complete.requestedUrl, sourceId: id, detail: complete.error },
    );
    return complete;
  };

  // Seeds, in the order given; folders expand to their files, sorted.
  const queue: QueueEntry[] = [];
  const seen = new Set<string>();
  for (const seed of options.seeds) {
    const trimmed = seed.trim();
    if (/^https?:\/\//i.test(trimmed)) {
      let normalised: string;
      try {
        const url = new URL(trimmed);
        url.hash = '';
        normalised = url.href;
      } catch {
        queue.push({ kind: 'missing', location: trimmed, depth: 0, siteOrigins: new Set(), external: false, missingReason: `"${trimmed}" is not a valid URL` });
        continue;
      }
      if (seen.has(normalised)) continue;
      seen.add(normalised);
      queue.push({ kind: 'web', location: normalised, depth: 0, siteOrigins: new Set([new URL(normalised).origin]), external: false });
      continue;
    }
    const filePath = path.resolve(/^file:/i.test(trimmed) ? fileURLToPath(trimmed) : trimmed);
    const information = await stat(filePath).catch(() => null);
    if (!information) {
      queue.push({ kind: 'missing', location: filePath, depth: 0, siteOrigins: new Set(), external: false, missingReason: `no file or folder at ${filePath}` });
    } else if (information.isDirectory()) {
      const files = await listReadableFiles(filePath);
      if (files.length === 0) notes.push(`The folder ${filePath} holds no .html, .htm, .md or .txt file.`);
      for (const file of files) {
        if (seen.has(file)) continue;
        seen.add(file);
        queue.push({ kind: 'file', location: file, depth: 0, siteOrigins: new Set(), external: false });
      }
    } else if (!seen.has(filePath)) {
      seen.add(filePath);
      queue.push({ kind: 'file', location: filePath, depth: 0, siteOrigins: new Set(), external: false });
    }
  }

  const readFileSource = async (entry: QueueEntry) => {
    const fileUrl = pathToFileURL(entry.location).href;
    const extension = path.extname(entry.location).toLowerCase();
    const contentType = extension === '.md' ? 'text/markdown' : extension === '.txt' ? 'text/plain' : 'text/html';
    const party = isFirstPartyFile(entry.location) ? 'first' : 'third';
    let raw: Buffer;
    try {
      raw = await readFile(entry.location);
    } catch (error) {
      record({ requestedUrl: fileUrl, finalUrl: fileUrl, redirectChain: [], status: null, contentType, bytes: 0, title: null, fetchedWith: 'file', party, text: '', html: null, error: `could not read ${entry.location}: ${(error as Error).message}`, issues: [], links: [] });
      return;
    }
    const truncated = raw.byteLength > options.maxBytes;
    const body = truncated ? raw.subarray(0, options.maxBytes) : raw;
    const decoded = body.toString('utf8');
    const issues: SourceIssue[] = truncated ? ['truncated'] : [];
    let text: string;
    let title: string | null;
    let html: string | null = null;
    if (contentType === 'text/html') {
      const page = extractMainText(decoded, fileUrl);
      text = page.text;
      title = page.title;
      html = decoded;
    } else {
      text = normaliseText(decoded);
      title = contentType === 'text/markdown' ? markdownTitle(decoded) : null;
    }
    if (countWords(text) < thinContentWords) issues.push('thin-content');
    record({ requestedUrl: fileUrl, finalUrl: fileUrl, redirectChain: [], status: null, contentType, bytes: body.byteLength, title, fetchedWith: 'file', party, text, html, error: null, issues, links: [] });
  };

  const enqueueLinks = (entry: QueueEntry, page: ExtractedPage): string[] => {
    const sameSite = page.links.filter((link) => sameSiteLink(link, entry.siteOrigins));
    if (entry.external || entry.depth + 1 > options.maxDepth) return sameSite;
    for (const link of page.links) {
      if (seen.has(link) || binaryLinkExtension.test(new URL(link).pathname)) continue;
      const external = !sameSiteLink(link, entry.siteOrigins);
      if (external && (!followExternal || externalQueued >= externalBudget)) continue;
      if (external) externalQueued += 1;
      seen.add(link);
      queue.push({ kind: 'web', location: link, depth: entry.depth + 1, siteOrigins: entry.siteOrigins, external });
    }
    return sameSite;
  };

  const readWebSource = async (entry: QueueEntry) => {
    const requestedUrl = entry.location;
    onProgress?.({ kind: 'fetching', url: requestedUrl });
    if (robots) {
      const decision = await robots.isAllowed(requestedUrl);
      if (!decision.allowed) {
        record({ requestedUrl, finalUrl: requestedUrl, redirectChain: [], status: null, contentType: null, bytes: 0, title: null, fetchedWith: 'http', party: isFirstPartyUrl(requestedUrl, options.firstPartyOrigins) ? 'first' : 'third', text: '', html: null, error: `not fetched: ${decision.reason}`, issues: ['robots-disallowed'], links: [] });
        return;
      }
    }
    const fetchedAt = new Date().toISOString();
    const outcome = await fetcher.fetch({
      url: requestedUrl,
      maxBytes: options.maxBytes,
      maxRedirects: options.maxRedirects,
      timeoutMs: Math.max(1, Math.min(options.timeoutMs, remainingMs())),
      signal: crawlClock.signal,
    });
    if (!outcome.ok) {
      const { failure } = outcome;
      const hops = failure.redirectChain.length > 0 ? `${requestedUrl} redirects to ${failure.finalUrl}: ` : '';
      record({ requestedUrl, finalUrl: failure.finalUrl, redirectChain: failure.redirectChain, status: null, contentType: null, bytes: 0, title: null, fetchedAt, fetchedWith: 'http', party: isFirstPartyUrl(failure.finalUrl, options.firstPartyOrigins) ? 'first' : 'third', text: '', html: null, error: `${hops}${failure.message}`, issues: failureIssues(failure), links: [] });
      return;
    }
    const { response } = outcome;
    const finalUrl = response.finalUrl;
    // A seed that redirects (http → https, bare → www) brings its target origin into the site.
    if (entry.depth === 0 && !entry.external) entry.siteOrigins.add(new URL(finalUrl).origin);
    const party = isFirstPartyUrl(finalUrl, options.firstPartyOrigins) ? 'first' : 'third';
    const base = { requestedUrl, finalUrl, redirectChain: response.redirectChain, status: response.status, contentType: response.contentType, bytes: response.bytes, fetchedAt, party } as const;
    const issues: SourceIssue[] = response.truncated ? ['truncated'] : [];

    if (response.status >= 400) {
      const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      const hops = response.redirectChain.length > 0 ? `${requestedUrl} redirects to ${finalUrl}, which answers ` : '';
      record({ ...base, title: null, fetchedWith: 'http', text: '', html: null, error: `${hops}${reason}`, issues: [...issues, 'http-error'], links: [] });
      return;
    }
    if (!isHtmlType(response.contentType) && !isPlainTextType(response.contentType)) {
      record({ ...base, title: null, fetchedWith: 'http', text: '', html: null, error: `${finalUrl} is ${response.contentType}, not a page with text we can read`, issues: [...issues, 'non-text'], links: [] });
      return;
    }
    const decoded = decodeBody(response.body, response.contentType);
    if (isPlainTextType(response.contentType)) {
      const text = normaliseText(decoded);
      if (countWords(text) < thinContentWords) issues.push('thin-content');
      record({ ...base, title: markdownTitle(decoded), fetchedWith: 'http', text, html: null, error: null, issues, links: [] });
      return;
    }

    let page = extractMainText(decoded, finalUrl);
    let html = decoded;
    let bytes = response.bytes;
    let fetchedWith: CrawledSource['fetchedWith'] = 'http';
    const looksLikeLogin = (candidate: ExtractedPage) =>
      (isLoginUrl(finalUrl) || candidate.hasPasswordField) && candidate.words < loginPageMaxWords;

    const wantsBrowser =
      options.browser === 'always' || (options.browser === 'auto' && page.hasScript && page.words < thinContentWords && !looksLikeLogin(page));
    if (wantsBrowser && remainingMs() > 0) {
      const rendered = await browserFor().render({ url: finalUrl, timeoutMs: Math.max(1, Math.min(options.timeoutMs, remainingMs())), signal: crawlClock.signal });
      if (rendered.ok) {
        const renderedPage = extractMainText(rendered.html, finalUrl);
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
          notes.push(`While rendering ${finalUrl} the browser was refused ${rendered.refusedRequests.length} request(s) by the network guard (${examples}).`);
        }
      } else if (rendered.kind === 'unavailable') {
        issues.push('browser-unavailable');
        browserUnavailableMessage = rendered.message;
        browserUnavailableIds.push(sourceIdFor(sources.length + 1));
      } else {
        if (rendered.kind === 'timeout') issues.push('timeout');
        notes.push(`${rendered.message}; its plain HTML was read instead.`);
      }
    }

    if (looksLikeLogin(page)) {
      const message = describeLoginWall(requestedUrl, finalUrl, response.redirectChain);
      notes.push(`${message}.`);
      record({ ...base, bytes, title: page.title, fetchedWith, text: '', html: null, error: message, issues: [...issues, 'redirected-to-login'], links: [] });
      return;
    }
    if (page.words < thinContentWords) issues.push('thin-content');
    const links = enqueueLinks(entry, page);
    record({ ...base, bytes, title: page.title, fetchedWith, text: page.text, html, error: null, issues, links });
  };

  try {
    while (queue.length > 0) {
      if (sources.length >= options.maxPages) {
        notes.push(`The page budget (${options.maxPages}) was reached; ${queue.length} linked page(s) were not read.`);
        break;
      }
      if (remainingMs() <= 0) {
        notes.push(`The crawl's time budget (${options.totalTimeMs} ms) ran out; ${queue.length} queued page(s) were not read.`);
        break;
      }
      const entry = queue.shift()!;
      if (entry.kind === 'missing') {
        record({ requestedUrl: entry.location, finalUrl: entry.location, redirectChain: [], status: null, contentType: null, bytes: 0, title: null, fetchedWith: 'file', party: 'first', text: '', html: null, error: entry.missingReason ?? 'not found', issues: [], links: [] });
      } else if (entry.kind === 'file') {
        onProgress?.({ kind: 'fetching', url: pathToFileURL(entry.location).href });
        await readFileSource(entry);
      } else {
        await readWebSource(entry);
      }
    }
  } finally {
    clearTimeout(clockTimer);
    const openBrowser = browser as BrowserRenderer | null;
    if (openBrowser) await openBrowser.close();
    await fetcher.close();
  }

  if (browserUnavailableIds.length > 0) {
    notes.push(`The browser was unavailable (${browserUnavailableMessage}); ${browserUnavailableIds.join(', ')} may need JavaScript and were read as plain HTML.`);
  }
  if (robots) notes.push(...robots.notes());
  const disallowed = sources.filter((source) => source.issues.includes('robots-disallowed'));
  if (disallowed.length > 0) notes.push(`robots.txt asked crawlers to stay out of ${disallowed.map((source) => source.requestedUrl).join(', ')}; not read.`);
  const refused = sources.filter((source) => source.issues.includes('guard-refused'));
  if (refused.length > 0) notes.push(`The network guard refused ${refused.map((source) => source.requestedUrl).join(', ')}.`);
  return { sources, notes };
}
