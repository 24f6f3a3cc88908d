/**
 * robots.txt, fetched once per origin through the guarded HTTP client and parsed with
 * robots-parser. An auditor that reads a lab's site should read what the lab publishes for
 * crawlers and leave the rest alone; a disallowed page is recorded, never fetched.
 *
 * Unavailable rules follow RFC 9309: a 4xx robots.txt means "no rules"; a 5xx means the site
 * asked crawlers to stay away for now, so the whole origin is treated as disallowed.
 */
import { createRequire } from 'node:module';
import type { HttpFetcher } from './fetch-http.js';

/** The part of a parsed robots.txt we use. */
interface ParsedRobots {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}

// robots-parser is CommonJS whose typings declare an ES default export that does not exist at
// runtime under NodeNext; requiring it gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => ParsedRobots;

export interface RobotsDecision {
  allowed: boolean;
  /** Why, when it matters for the record (e.g. "disallowed by https://lab.example/robots.txt"). */
  reason: string | null;
}

export interface RobotsPolicy {
  /** Whether `url` may be fetched; fetches the origin's robots.txt on first use. */
  isAllowed(url: string): Promise<RobotsDecision>;
  /** Remarks worth a line in the crawl notes (unreadable robots.txt and the like). */
  notes(): string[];
}

export interface RobotsPolicyOptions {
  fetcher: HttpFetcher;
  userAgent: string;
  timeoutMs: number;
  /** Robots files larger than this are cut (RFC 9309 asks parsers to read at least 500 KiB). */
  maxBytes?: number;
  signal?: AbortSignal;
}

type OriginRules = { kind: 'parsed'; robotsUrl: string; parser: ParsedRobots } | { kind: 'allow-all' } | { kind: 'disallow-all'; reason: string };

/** The product token robots.txt groups match against: "StanceWatch" from "StanceWatch/0.1 (+…)". */
export function productToken(userAgent: string): string {
  return userAgent.split(/[\s/]/)[0] || userAgent;
}

export function createRobotsPolicy(options: RobotsPolicyOptions): RobotsPolicy {
  const rulesByOrigin = new Map<string, Promise<OriginRules>>();
  const collectedNotes: string[] = [];
  const token = productToken(options.userAgent);

  const loadRules = async (origin: string): Promise<OriginRules> => {
    const robotsUrl = `${origin}/robots.txt`;
    const outcome = await options.fetcher.fetch({
      url: robotsUrl,
      maxBytes: options.maxBytes ?? 512 * 1024,
      maxRedirects: 5,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      accept: 'text/plain,*/*;q=0.5',
    });
    if (!outcome.ok) {
      // The page fetch will meet the same problem and record it; do not hide it behind robots.
      if (outcome.failure.kind !== 'guard-refused') collectedNotes.push(`${robotsUrl} could not be read (${outcome.failure.message}); pages on ${origin} were read without robots rules.`);
      return { kind: 'allow-all' };
    }
    const { status } = outcome.response;
    if (status >= 500) {
      collectedNotes.push(`${robotsUrl} answered HTTP ${status}; as RFC 9309 asks, no page on ${origin} was read.`);
      return { kind: 'disallow-all', reason: `${robotsUrl} answered HTTP ${status}, so the whole site is treated as disallowed` };
    }
    if (status >= 400) return { kind: 'allow-all' };
    return { kind: 'parsed', robotsUrl, parser: robotsParser(robotsUrl, outcome.response.body.toString('utf8')) };
  };

  return {
    async isAllowed(url) {
      const origin = new URL(url).origin;
      let rules = rulesByOrigin.get(origin);
      if (!rules) {
        rules = loadRules(origin);
        rulesByOrigin.set(origin, rules);
      }
      const resolved = await rules;
      if (resolved.kind === 'allow-all') return { allowed: true, reason: null };
      if (resolved.kind === 'disallow-all') return { allowed: false, reason: resolved.reason };
      const allowed = resolved.parser.isAllowed(url, token) !== false;
      return allowed ? { allowed, reason: null } : { allowed, reason: `disallowed for ${token} by ${resolved.robotsUrl}` };
    },
    notes: () => [...collectedNotes],
  };
}
