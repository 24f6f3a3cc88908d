/**
 * Rate limit on writes, per API token: a runaway script with one token cannot flood the runner,
 * and one editor's burst does not throttle another's. Runs after authentication, so the key is
 * always a token id.
 */
import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { authenticatedToken } from './auth.js';
import { sendError } from './http-errors.js';

export interface WriteRateLimit {
  /** Writes allowed per token per window. */
  readonly limit: number;
  readonly windowMs: number;
}

export const defaultWriteRateLimit: WriteRateLimit = { limit: 30, windowMs: 60_000 };

export function createWriteRateLimiter(settings: WriteRateLimit = defaultWriteRateLimit): RequestHandler {
  return rateLimit({
    windowMs: settings.windowMs,
    limit: settings.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_request, response) => authenticatedToken(response)?.id ?? 'anonymous',
    handler: (_request, response) => {
      const retryAfter = response.getHeader('Retry-After');
      sendError(
        response,
        429,
        'rate_limited',
        `Too many writes with this token: at most ${settings.limit} per ${Math.round(settings.windowMs / 1000)} s; retry after ${String(retryAfter ?? 'a while')} s.`,
      );
    },
  });
}
