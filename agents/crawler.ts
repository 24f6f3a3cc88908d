/**
 * The source-crawler agent: reads the seeds within the crawl budget, stores each extracted text
 * as a content-addressed snapshot, and records every source it read or failed to read.
 */
import type { AuditDependencies } from '../graph/audit-dependencies.js';
import type { AuditStateUpdate, AuditStateValue } from '../graph/state.js';
import type { SourceRead } from '../graph/report-schema.js';
import { putSnapshot } from '../infra/database/repositories/snapshots.js';
import { replaceSources } from '../infra/database/repositories/sources.js';
import { crawlSources, type CrawledSource } from '../tools/crawl-sources.js';

export function firstPartyOriginsOf(request: AuditStateValue['request']): string[] {
  if (request.firstPartyOrigins && request.firstPartyOrigins.length > 0) return [...request.firstPartyOrigins];
  return [new URL(request.lab.website).origin];
}

export function toSourceRead(source: CrawledSource): SourceRead {
  return {
    id: source.id,
    requestedUrl: source.requestedUrl,
    finalUrl: source.finalUrl,
    redirectChain: source.redirectChain,
    httpStatus: source.status,
    contentType: source.contentType,
    bytes: source.bytes,
    words: source.words,
    title: source.title,
    party: source.party,
    fetchedWith: source.fetchedWith,
    snapshotHash: source.snapshotHash,
    fetchedAt: source.fetchedAt,
    error: source.error,
    issues: source.issues,
  };
}

export function createCrawlerAgent(deps: AuditDependencies) {
  return async function crawl(state: AuditStateValue): Promise<AuditStateUpdate> {
    const { auditId, request } = state;
    return deps.progress.run(
      auditId,
      'crawler',
      async () => {
        const limits = deps.crawlLimits;
        const result = await crawlSources(
          {
            seeds: request.sources,
            firstPartyOrigins: firstPartyOriginsOf(request),
            maxPages: request.crawl.maxPages ?? limits.maxPages,
            maxDepth: request.crawl.maxDepth ?? limits.maxDepth,
            maxBytes: limits.maxBytes,
            maxRedirects: limits.maxRedirects,
            timeoutMs: limits.timeoutMs,
            totalTimeMs: limits.totalTimeMs,
            allowPrivateHosts: [...limits.allowPrivateHosts],
            browser: request.crawl.browser ?? limits.browser,
            browserExecutable: limits.browserExecutable,
            respectRobots: request.crawl.respectRobots ?? limits.respectRobots,
            userAgent: limits.userAgent,
          },
          (event) => {
            if (event.kind === 'fetched') deps.progress.note(auditId, 'crawler', `read ${event.url}`);
          },
        );
        for (const source of result.sources) {
          if (source.snapshotHash !== null) {
            await putSnapshot(deps.database.pool, { text: source.text, html: source.html, contentType: source.contentType });
          }
        }
        const sources = result.sources.map(toSourceRead);
        await replaceSources(deps.database.pool, auditId, sources);
        return { sources, crawlNotes: result.notes };
      },
      (update) => {
        const read = update.sources.filter((source) => source.snapshotHash !== null && source.error === null).length;
        return { status: 'succeeded', detail: `read ${read} of ${update.sources.length} sources` };
      },
    );
  };
}
