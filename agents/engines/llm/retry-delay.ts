/**
 * How long to wait before the next attempt. Exponential backoff with jitter spreads retries
 * from parallel lenses so they do not hit a recovering provider in lockstep; a provider's own
 * Retry-After wins when it gives one, within a cap so one header cannot stall an audit.
 */

export interface RetryDelayPolicy {
  /** Delay before the first retry; doubles each attempt. */
  readonly baseDelayMs: number;
  /** No wait, from backoff or Retry-After, exceeds this. */
  readonly maxDelayMs: number;
}

/**
 * Reads `retry-after-ms` (OpenAI's millisecond hint) or `retry-after` (seconds or an HTTP
 * date). Returns null when the provider gave no usable hint.
 */
export function parseRetryAfter(headers: { get(name: string): string | null } | null | undefined, now: number = Date.now()): number | null {
  if (!headers) return null;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && milliseconds.trim() !== '') {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null || retryAfter.trim() === '') return null;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/**
 * `retryNumber` counts from 1 (the wait before the second attempt). Jitter keeps between half
 * and all of the exponential delay ("equal jitter"), so retries never collapse to zero wait.
 */
export function retryDelayMs(policy: RetryDelayPolicy, retryNumber: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  if (retryAfterMs !== null) return Math.min(policy.maxDelayMs, retryAfterMs);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
