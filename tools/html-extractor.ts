/**
 * Main-text extraction for one crawl, in a worker thread that ends with the crawl.
 *
 * Why: jsdom and Readability are among the largest things StanceWatch loads (some 60 MB once
 * used), and a Node process never gives back a module it has loaded. Extracted in the crawl's
 * own thread, they stayed through the indexer and the analysts, the audit's busiest moment for
 * memory. In a worker, they go when the crawl closes it: terminating a worker frees its heap.
 * The worker starts with the first HTML page, so a crawl of Markdown, text and PDF files never
 * starts one. Extraction itself is unchanged (`extract-main-text.ts`), page by page, in order.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractedPage } from './extract-main-text.js';
import { extractionReplySchema, type ExtractionRequest } from './html-extraction-protocol.js';
import { StanceWatchError } from '../infra/errors.js';
import { moduleEntry } from '../infra/module-entry.js';

export interface HtmlExtractor {
  /** The page's main text, title, links and cues, as `extractMainText` gives them. */
  extract(html: string, url: string): Promise<ExtractedPage>;
  /** Ends the worker, if one was started; safe to call more than once. */
  close(): Promise<void>;
}

function startWorker(): Worker {
  const entry = moduleEntry(import.meta.url, 'html-extraction-worker');
  return new Worker(entry.file, entry.module ? { workerData: { module: entry.module } } : {});
}

interface Pending {
  readonly resolve: (page: ExtractedPage) => void;
  readonly reject: (error: Error) => void;
}

export function createHtmlExtractor(): HtmlExtractor {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = startWorker();
    started.on('message', (raw: unknown) => {
      const reply = extractionReplySchema.parse(raw);
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.page);
      else waiting.reject(new StanceWatchError('extraction_failed', `The page could not be parsed: ${reply.message}`, 500, true));
    });
    started.on('error', (error) => failAll(new StanceWatchError('extraction_failed', `The extraction worker failed: ${error.message}`, 500, true, { cause: error })));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (pending.size > 0) failAll(new StanceWatchError('extraction_failed', `The extraction worker stopped (exit code ${code}) before answering`, 500, true));
    });
    return started;
  };

  return {
    extract(html, url) {
      worker ??= start();
      const target = worker;
      const id = nextId++;
      return new Promise<ExtractedPage>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.ref();
        const request: ExtractionRequest = { id, html, url };
        target.postMessage(request);
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
