/**
 * What an editor sends to launch an audit, from the CLI, the API or the web form. Validated
 * once at the boundary; everything downstream receives the parsed, defaulted value.
 */
import { z } from 'zod';
import { labProfileSchema } from './report-schema.js';

export const crawlSettingsSchema = z.object({
  maxPages: z.number().int().min(1).max(2000).describe('Most pages to read across all seeds.'),
  maxDepth: z.number().int().min(0).max(6).describe('Links followed away from a seed.'),
  browser: z.enum(['auto', 'always', 'never']).describe('When to render pages in the browser.'),
  respectRobots: z.boolean().describe('Skip pages robots.txt disallows.'),
});
export type CrawlSettings = z.infer<typeof crawlSettingsSchema>;

export const auditRequestSchema = z.object({
  lab: labProfileSchema,
  sources: z
    .array(z.string().trim().min(1))
    .min(1, 'give at least one source: an http(s) URL, a file or a folder')
    .describe('Seed URLs, files or folders to read.'),
  firstPartyOrigins: z
    .array(z.string().trim().min(1))
    .optional()
    .describe('Origins or hosts that speak in the lab’s own voice; defaults to the lab’s website.'),
  engine: z.enum(['rubric', 'llm']).default('rubric').describe('Which analysis engine reads the evidence.'),
  crawl: crawlSettingsSchema.partial().default({}),
});
export type AuditRequest = z.infer<typeof auditRequestSchema>;
export type AuditRequestInput = z.input<typeof auditRequestSchema>;
