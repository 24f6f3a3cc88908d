import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from './retry-delay.js';

const headers = (values: Record<string, string>) => new Headers(values);

describe('parseRetryAfter', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
    const now = Date.parse('2026-06-08T12:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Mon, 08 Jun 2026 12:00:05 GMT' }), now)).toBe(5000);
  });

  it('returns null when there is no usable hint', () => {
    expect(parseRetryAfter(headers({}))).toBeNull();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles per retry and jitters between half and all of the delay', () => {
    expect(retryDelayMs(policy, 1, null, () => 0)).toBe(50);
    expect(retryDelayMs(policy, 1, null, () => 1)).toBe(100);
    expect(retryDelayMs(policy, 3, null, () => 0.999999)).toBe(400);
  });

  it('never waits longer than the cap, Retry-After included', () => {
    expect(retryDelayMs(policy, 10, null, () => 1)).toBe(1_000);
    expect(retryDelayMs(policy, 1, 60_000)).toBe(1_000);
  });

  it('follows the provider’s Retry-After instead of its own backoff', () => {
    expect(retryDelayMs(policy, 1, 700, () => 0)).toBe(700);
    expect(retryDelayMs(policy, 1, 0, () => 1)).toBe(0);
  });
});
