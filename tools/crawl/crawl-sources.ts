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
 * File sources are read only through a `fileReader`, which only the command line passes: a crawl
 * without one records a file source as not read and never touches the disk.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { StanceWatchError } from '../../infra/errors.js';
import { countWords, normaliseText, type ExtractedPage } from '../extract-main-text.js';
import { extractMarkdown, writtenInMarkdown } from '../extract-markdown.js';
import { crawlOptionsSchema, type CheckedCrawlOptions, type CrawlOptions } from './crawl-options.js';
import { CrawlNotes } from './crawl-notes.js';
import { openCrawlSession } from './crawl-session.js';
import { completeSource, failedSource, sourceIdFor, type CrawledSource, type SourceDraft, type SourceIssue } from './crawled-source.js';
import { Frontier } from './frontier.js';
import type { FileSourceReader } from './read-file.js';
import { pdfContentType, readPdfBody } from './read-pdf.js';
import { readWebPage, thinContentWords } from './read-web.js';
import { isFirstPartyFile } from './source-party.js';

export type { CrawlOptions } from './crawl-options.js';
export type { CrawledSource, SourceIssue } from './crawled-source.js';
export { hashSnapshot, sourceIdFor } from './crawled-source.js';
export { describeLoginWall, isFirstPartyFile, isFirstPartyUrl, isLoginUrl } from './source-party.js';
export { thinContentWords } from './read-web.js';

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

export interface CrawlReaders {
  /** Reads file sources; only the command line has one. */
  readonly fileReader?: FileSourceReader;
  readonly onProgress?: (progress: CrawlProgress) => void;
}

/** Why a file source is not read by an audit the server, a schedule or a worker runs. */
export const noFileReaderReason = 'not read: file and folder sources are read only by the command line';

function checkOptions(rawOptions: CrawlOptions): CheckedCrawlOptions {
  const parsed = crawlOptionsSchema.safeParse(rawOptions);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ');
  throw new StanceWatchError('invalid-crawl-options', `The crawl settings are not usable: ${problems}`, 400);
}

/** The seeds in the order given; folders expand to their files, sorted. */
async function queueSeeds(options: CheckedCrawlOptions, frontier: Frontier, notes: CrawlNotes, fileReader: FileSourceReader | undefined): Promise<void> {
  for (const seed of options.seeds) {
    if (seed.kind === 'web') {
      frontier.addWebSeed(seed.url);
      continue;
    }
    if (!fileReader) {
      frontier.addUnreadable('a file or folder source', noFileReaderReason);
      continue;
    }
    const listing = await fileReader.list(seed.path);
    if (!listing.ok) {
      frontier.addUnreadable(path.resolve(seed.path), listing.reason);
      continue;
    }
    for (const note of listing.notes) notes.add(note);
    for (const file of listing.files) frontier.addFile(file);
  }
}

function fileContentType(extension: string): string {
  switch (extension) {
    case '.md':
      return 'text/markdown';
    case '.txt':
      return 'text/plain';
    case '.pdf':
      return pdfContentType;
    default:
      return 'text/html';
  }
}

async function readFileSource(
  filePath: string,
  options: CheckedCrawlOptions,
  fileReader: FileSourceReader,
  context: { notes: CrawlNotes; signal: AbortSignal; extract: (html: string, url: string) => Promise<ExtractedPage> },
): Promise<SourceDraft> {
  const fileUrl = pathToFileURL(filePath).href;
  const contentType = fileContentType(path.extname(filePath).toLowerCase());
  const location = { requestedUrl: fileUrl, fetchedWith: 'file', party: isFirstPartyFile(filePath) ? 'first' : 'third', contentType } as const;
  const read = await fileReader.read(filePath, options.maxBytes);
  if (!read.ok) return failedSource(location, read.reason, read.binary ? ['binary'] : []);
  const issues: SourceIssue[] = read.truncated ? ['truncated'] : [];
  const fileFields = { ...location, finalUrl: fileUrl, redirectChain: [], status: null, bytes: read.body.byteLength, error: null, links: [] };
  if (contentType === pdfContentType) {
    const pdf = await readPdfBody(read.body, fileUrl, { timeoutMs: options.timeoutMs, signal: context.signal });
    if (!pdf.ok) return failedSource(location, pdf.error, [...issues, ...pdf.issues]);
    if (pdf.note) context.notes.add(pdf.note);
    for (const issue of pdf.issues) if (!issues.includes(issue)) issues.push(issue);
    if (countWords(pdf.text) < thinContentWords) issues.push('thin-content');
    return { ...fileFields, title: pdf.title, text: pdf.text, html: null, issues, pages: pdf.pages };
  }
  const decoded = read.body.toString('utf8');
  const page = contentType === 'text/html' ? await context.extract(decoded, fileUrl) : null;
  const markdown = contentType === 'text/markdown' || (contentType === 'text/plain' && writtenInMarkdown(decoded)) ? extractMarkdown(decoded) : null;
  const text = page ? page.text : markdown ? markdown.text : normaliseText(decoded);
  if (countWords(text) < thinContentWords) issues.push('thin-content');
  return { ...fileFields, title: page ? page.title : markdown ? markdown.title : null, text, html: page ? decoded : null, issues };
}

/** Crawls the seeds and returns every source read or attempted, in crawl order, with notes. */
export async function crawlSources(rawOptions: CrawlOptions, readers: CrawlReaders = {}): Promise<CrawlResult> {
  const options = checkOptions(rawOptions);
  const { fileReader, onProgress } = readers;
  const session = openCrawlSession(options);
  const { fetcher, robots, remainingMs } = session;

  const sources: CrawledSource[] = [];
  const notes = new CrawlNotes();
  const frontier = new Frontier({ maxPages: options.maxPages, maxDepth: options.maxDepth, followExternalLinks: options.followExternalLinks ?? true });
  const webContext = {
    options,
    fetcher,
    robots,
    browser: session.browser,
    extract: session.extract,
    signal: session.signal,
    remainingMs,
    notes,
    nextSourceId: () => sourceIdFor(sources.length + 1),
  };

  const record = (draft: SourceDraft): void => {
    const source = completeSource(draft, sources.length + 1);
    sources.push(source);
    onProgress?.(
      source.error === null
        ? { kind: 'fetched', url: source.requestedUrl, sourceId: source.id, detail: `${source.words} words via ${source.fetchedWith}` }
        : { kind: 'skipped', url: source.requestedUrl, sourceId: source.id, detail: source.error },
    );
  };

  try {
    await queueSeeds(options, frontier, notes, fileReader);
    while (frontier.size > 0) {
      if (sources.length >= options.maxPages) {
        notes.add(`The page budget (${options.maxPages}) was reached; ${frontier.size} linked page(s) were not read.`);
        break;
      }
      if (remainingMs() <= 0) {
        notes.add(`The crawl's time budget (${options.totalTimeMs} ms) ran out; ${frontier.size} queued page(s) were not read.`);
        break;
      }
      const entry = frontier.next()!;
      if (entry.kind === 'unreadable') {
        record(failedSource({ requestedUrl: entry.location, fetchedWith: 'file', party: 'first' }, entry.reason));
      } else if (entry.kind === 'file') {
        onProgress?.({ kind: 'fetching', url: pathToFileURL(entry.path).href });
        // A file entry exists only when a reader listed it.
        record(await readFileSource(entry.path, options, fileReader!, { notes, signal: session.signal, extract: session.extract }));
      } else {
        onProgress?.({ kind: 'fetching', url: entry.url });
        const read = await readWebPage(entry.url, webContext);
        // A seed that redirects (http → https, bare → www) brings its target origin into the site.
        if (read.finalOrigin && entry.depth === 0 && !entry.external) entry.siteOrigins.add(read.finalOrigin);
        record(read.page ? { ...read.draft, links: frontier.addLinks(entry, read.page) } : read.draft);
      }
    }
  } finally {
    await session.close();
  }
  return { sources, notes: notes.finish(sources, robots ? robots.notes() : []) };
}
