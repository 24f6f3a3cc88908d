/**
 * Messages between a crawl and its extraction worker (`html-extraction-worker.ts`), as zod
 * schemas: both sides parse what they receive.
 */
import { z } from 'zod';

export const extractionRequestSchema = z.object({
  id: z.number().int().describe('echoed in the reply'),
  html: z.string().describe('the page as fetched or rendered'),
  url: z.string().describe('the address the page was read from; links and the base URL resolve against it'),
});
export type ExtractionRequest = z.infer<typeof extractionRequestSchema>;

const extractedPageSchema = z.object({
  text: z.string().describe('normalised main text, the snapshot'),
  title: z.string().nullable().describe('the article or document title'),
  words: z.number().int().nonnegative().describe('words in text'),
  links: z.array(z.string()).describe('http(s) links of the page, absolute, sorted, unique'),
  hasScript: z.boolean().describe('the page carries scripts'),
  hasPasswordField: z.boolean().describe('the page has a password field'),
});

export const extractionReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), page: extractedPageSchema }),
  z.object({ id: z.number().int(), ok: z.literal(false), message: z.string().describe('why extraction failed') }),
]);
export type ExtractionReply = z.infer<typeof extractionReplySchema>;
