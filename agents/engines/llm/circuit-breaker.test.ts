/**
 * The circuit breaker's state machine on a fake clock: it opens after N consecutive provider
 * failures, refuses calls while open, lets exactly one probe through after the cool-down, and
 * closes on the probe's success (or opens again on its failure).
 */
import { describe, expect, it } from 'vitest';
import { createCircuitBreaker, describeOpenCircuit, isProviderFailure, type CircuitState } from './circuit-breaker.js';

function breakerOnFakeClock(failureThreshold = 3, coolDownMs = 10_000) {
  let now = 1_000_000;
  const transitions: string[] = [];
  const breaker = createCircuitBreaker({
    policy: { failureThreshold, coolDownMs },
    now: () => now,
    onTransition: (from: CircuitState, to: CircuitState) => transitions.push(`${from.kind}->${to.kind}`),
  });
  return { breaker, transitions, advance: (ms: number) => (now += ms) };
}

describe('circuit breaker', () => {
  it('stays closed while failures are interrupted by successes', async () => {
    const { breaker } = breakerOnFakeClock(3);
    await breaker.recordFailure();
    await breaker.recordFailure();
    await breaker.recordSuccess();
    await breaker.recordFailure();
    await breaker.recordFailure();
    expect(await breaker.admit()).toEqual({ admitted: true });
    expect((await breaker.read()).kind).toBe('closed');
  });

  it('opens after the threshold of consecutive failures and refuses calls until the cool-down ends', async () => {
    const { breaker, advance, transitions } = breakerOnFakeClock(3, 10_000);
    for (let count = 0; count < 3; count += 1) await breaker.recordFailure();
    expect(transitions).toEqual(['closed->open']);
    const refused = await breaker.admit();
    expect(refused).toEqual({ admitted: false, retryInMs: 10_000, consecutiveFailures: 3, probing: false });
    advance(9_999);
    expect((await breaker.admit()).admitted).toBe(false);
  });

  it('lets one probe through after the cool-down and closes when it succeeds', async () => {
    const { breaker, advance, transitions } = breakerOnFakeClock(2, 5_000);
    await breaker.recordFailure();
    await breaker.recordFailure();
    advance(5_000);
    expect(await breaker.admit()).toEqual({ admitted: true });
    // While the probe is out, nobody else is sent; they are told a probe is deciding.
    expect(await breaker.admit()).toMatchObject({ admitted: false, probing: true });
    await breaker.recordSuccess();
    expect(await breaker.admit()).toEqual({ admitted: true });
    expect(transitions).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
  });

  it('opens again for a full cool-down when the probe fails', async () => {
    const { breaker, advance, transitions } = breakerOnFakeClock(2, 5_000);
    await breaker.recordFailure();
    await breaker.recordFailure();
    advance(6_000);
    await breaker.admit();
    await breaker.recordFailure();
    expect(transitions).toEqual(['closed->open', 'open->half-open', 'half-open->open']);
    advance(4_999);
    expect((await breaker.admit()).admitted).toBe(false);
    advance(1);
    expect((await breaker.admit()).admitted).toBe(true);
  });

  it('lets a new probe through when the previous one never reported (its worker died)', async () => {
    const { breaker, advance } = breakerOnFakeClock(1, 5_000);
    await breaker.recordFailure();
    advance(5_000);
    expect((await breaker.admit()).admitted).toBe(true);
    advance(4_000);
    expect((await breaker.admit()).admitted).toBe(false);
    advance(1_000);
    expect((await breaker.admit()).admitted).toBe(true);
  });

  it('does not extend the cool-down for late failures of calls sent before it opened', async () => {
    const { breaker, advance } = breakerOnFakeClock(2, 5_000);
    await breaker.recordFailure();
    await breaker.recordFailure();
    advance(3_000);
    await breaker.recordFailure();
    advance(2_000);
    expect((await breaker.admit()).admitted).toBe(true);
  });

  it('counts provider outages, not answers of the wrong shape', () => {
    expect(['rate-limited', 'server-error', 'timeout', 'network'].every(isProviderFailure)).toBe(true);
    expect(['malformed-json', 'schema-invalid', 'client-error'].some(isProviderFailure)).toBe(false);
  });

  it('says the circuit is open, for which provider and call, and when it will try again', () => {
    const message = describeOpenCircuit('http://127.0.0.1:9/v1', "lens 'deep-history'", { admitted: false, retryInMs: 2_500, consecutiveFailures: 5, probing: false });
    expect(message).toBe("the circuit to the model at http://127.0.0.1:9/v1 is open after 5 consecutive failures, so lens 'deep-history' was not attempted (next probe in about 3 s)");
  });
});
