/**
 * One concurrency limit per provider, shared by every engine that talks to it: two engines on
 * the same endpoint (say, a lens engine and a replay) must not together exceed what the
 * provider serves. Slots are held per HTTP attempt, never across a backoff wait.
 */
import pLimit, { type LimitFunction } from 'p-limit';

const limitsByProvider = new Map<string, LimitFunction>();

/** `http://Host:8000/v1/` and `http://host:8000/v1` are one provider. */
export function providerKey(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The limit for a provider. When engines ask for different ceilings the smallest wins: a
 * ceiling is usually the provider's rate limit, and honouring the strictest is the safe choice.
 */
export function providerLimit(baseUrl: string, maxConcurrency: number): LimitFunction {
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw new RangeError(`maxConcurrency must be a whole number of at least 1, got ${maxConcurrency}`);
  }
  const key = providerKey(baseUrl);
  const existing = limitsByProvider.get(key);
  if (existing) {
    if (maxConcurrency < existing.concurrency) existing.concurrency = maxConcurrency;
    return existing;
  }
  const limit = pLimit(maxConcurrency);
  limitsByProvider.set(key, limit);
  return limit;
}

/**
 * Runs one attempt inside a provider slot. p-limit's limit function is one; so is the Redis
 * limiter workers share (concurrency and requests per minute across processes).
 */
export type ProviderSlots = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * This process's slots first, then the shared ones: an attempt waits locally before it asks
 * Redis, so one busy process does not hold shared slots for calls it cannot start yet.
 */
export function chainSlots(local: ProviderSlots, shared: ProviderSlots | undefined): ProviderSlots {
  if (!shared) return local;
  return (work) => local(() => shared(work));
}
