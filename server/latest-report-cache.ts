/**
 * A short-lived, in-process cache of each lab's latest published report. The published JSON is
 * the hottest route and its answer changes only when an audit publishes; readers are already
 * told they may keep it for a minute (Cache-Control), so holding it here for a couple of seconds
 * changes nothing they can observe while sparing the database one large read per request.
 * Concurrent misses for one lab share a single load.
 */
import type { ReportVersion } from '../infra/database/repositories/reports.js';

export interface LatestReportCache {
  get(slug: string): Promise<ReportVersion | null>;
}

export function createLatestReportCache(
  load: (slug: string) => Promise<ReportVersion | null>,
  options: { ttlMs?: number; now?: () => number } = {},
): LatestReportCache {
  const ttlMs = options.ttlMs ?? 2_000;
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, { expiresAt: number; report: Promise<ReportVersion | null> }>();
  return {
    get(slug) {
      const cached = entries.get(slug);
      if (cached && cached.expiresAt > now()) return cached.report;
      const report = load(slug).then(
        (loaded) => {
          // A lab with nothing published yet is not remembered: its first report shows at once.
          if (loaded === null) entries.delete(slug);
          return loaded;
        },
        (error: unknown) => {
          entries.delete(slug);
          throw error;
        },
      );
      entries.set(slug, { expiresAt: now() + ttlMs, report });
      return report;
    },
  };
}
