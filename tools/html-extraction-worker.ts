/**
 * The worker thread `html-extractor.ts` starts for a crawl: it holds jsdom and Readability and
 * answers one `{ id, html, url }` message with the page's extraction, or with why it failed.
 */
import { parentPort } from 'node:worker_threads';
import { extractMainText } from './extract-main-text.js';
import { extractionRequestSchema, type ExtractionReply } from './html-extraction-protocol.js';

parentPort?.on('message', (raw: unknown) => {
  const request = extractionRequestSchema.parse(raw);
  let reply: ExtractionReply;
  try {
    reply = { id: request.id, ok: true, page: extractMainText(request.html, request.url) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
