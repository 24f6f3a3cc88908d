/**
 * The messages between the crawl and its browser driver process (`browser-driver.ts`), as zod
 * schemas: both sides parse what they receive, so a driver from another build, or a message cut
 * short by a crash, fails loudly instead of rendering the wrong page.
 *
 * The driver only drives Chromium. Every request a page makes comes back to the crawl as a
 * `fetch` message and is fetched there, through the crawl's own guarded HTTP client; the driver
 * never reaches the network itself.
 */
import { z } from 'zod';

/** What the driver needs to launch the browser, given on its command line. */
export const driverSettingsSchema = z.object({
  executablePath: z.string().min(1).describe('the Chromium executable to launch'),
  userAgent: z.string().min(1).describe('the user agent every page is opened with'),
  maxBytes: z.number().int().positive().describe('longest rendered HTML handed back, in bytes'),
});
export type DriverSettings = z.infer<typeof driverSettingsSchema>;

const refusedRequestSchema = z.object({
  url: z.string().describe('the address the page asked for'),
  reason: z.string().describe("the network guard's reason for refusing it"),
});

export const renderOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    html: z.string().describe('the page as the browser holds it after its scripts ran'),
    bytes: z.number().int().nonnegative().describe('UTF-8 length of html'),
    truncated: z.boolean().describe('html was cut at maxBytes'),
    finalUrl: z.string().describe('where the page ended up after redirects'),
    refusedRequests: z.array(refusedRequestSchema).describe("the page's requests the network guard refused"),
  }),
  z.object({
    ok: z.literal(false),
    kind: z.enum(['unavailable', 'timeout', 'failed']).describe('why nothing was rendered'),
    message: z.string().describe('a sentence a user can act on'),
  }),
]);

/** What a page asks for, as the driver forwards it (only the headers a page may choose). */
const pageRequestSchema = z.object({
  url: z.string().describe('an http(s) address'),
  method: z.string().describe('the HTTP method'),
  headers: z.record(z.string(), z.string()).describe('accept, accept-language, content-type and referer only'),
  body: z.instanceof(Uint8Array).nullable().describe('the request body, if any'),
});

/** The crawl's answer to a page request: a response to hand the page, or why it was not fetched. */
export const fetchAnswerSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    status: z.number().int().describe('HTTP status'),
    headers: z.record(z.string(), z.string()).describe('response headers, wire-encoding headers left out'),
    body: z.instanceof(Uint8Array).describe('the body, capped at the crawl byte limit'),
  }),
  z.object({
    ok: z.literal(false),
    kind: z.enum(['guard-refused', 'timeout', 'too-many-redirects', 'network', 'aborted']).describe('the fetch failure kind'),
    message: z.string().describe('the fetch failure message'),
  }),
]);
export type FetchAnswer = z.infer<typeof fetchAnswerSchema>;

/** Crawl → driver. */
export const toDriverSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('render'),
    renderId: z.number().int().describe('the render this is, echoed in every reply about it'),
    url: z.string().describe('the page to open'),
    timeoutMs: z.number().int().positive().describe('time allowed for the whole render'),
  }),
  z.object({
    type: z.literal('fetched'),
    fetchId: z.number().int().describe('the page request this answers'),
    answer: fetchAnswerSchema,
  }),
  z.object({ type: z.literal('close') }),
]);
export type ToDriver = z.infer<typeof toDriverSchema>;

/** Driver → crawl. */
export const fromDriverSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('fetch'),
    renderId: z.number().int().describe('the render whose page made the request'),
    fetchId: z.number().int().describe('answered by a `fetched` message with the same id'),
    request: pageRequestSchema,
  }),
  z.object({
    type: z.literal('rendered'),
    renderId: z.number().int().describe('the render this finishes'),
    outcome: renderOutcomeSchema,
  }),
]);
export type FromDriver = z.infer<typeof fromDriverSchema>;
