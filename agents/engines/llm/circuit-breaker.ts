/**
 * A circuit breaker per model provider. When a provider keeps failing (429, 5xx, timeouts,
 * unreachable), retrying every lens against it only deepens the outage and burns the audit's
 * time; an open circuit fails calls at once with a reason a reader understands, and after a
 * cool-down lets a single probe through to find out whether the provider is back.
 *
 *   closed --N consecutive failures--> open --cool-down--> half-open --probe ok--> closed
 *                                        ^--------------------probe failed--------'
 *
 * The transitions are pure functions of (state, event, time); a store holds the state, in
 * memory for one process or in Redis so every worker sees the same circuit.
 */

export interface CircuitPolicy {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before a probe is let through. */
  readonly coolDownMs: number;
}

export type CircuitState =
  | { readonly kind: 'closed'; readonly consecutiveFailures: number }
  | { readonly kind: 'open'; readonly openedAt: number; readonly consecutiveFailures: number }
  | { readonly kind: 'half-open'; readonly probeStartedAt: number; readonly consecutiveFailures: number };

export const closedCircuit: CircuitState = { kind: 'closed', consecutiveFailures: 0 };

export type CircuitAdmission =
  | { readonly admitted: true }
  | {
      readonly admitted: false;
      readonly retryInMs: number;
      readonly consecutiveFailures: number;
      /** True while a probe is out: its answer decides within one call, so waiting beats failing. */
      readonly probing: boolean;
    };

/** Whether a call may go out now, and the state after asking. */
export function admitCall(state: CircuitState, now: number, policy: CircuitPolicy): { admission: CircuitAdmission; state: CircuitState } {
  if (state.kind === 'closed') return { admission: { admitted: true }, state };
  if (state.kind === 'open') {
    const reopensAt = state.openedAt + policy.coolDownMs;
    if (now < reopensAt) {
      return { admission: { admitted: false, retryInMs: reopensAt - now, consecutiveFailures: state.consecutiveFailures, probing: false }, state };
    }
    return { admission: { admitted: true }, state: { kind: 'half-open', probeStartedAt: now, consecutiveFailures: state.consecutiveFailures } };
  }
  // A probe that never reported (its worker died) must not keep the circuit shut forever.
  if (now - state.probeStartedAt >= policy.coolDownMs) {
    return { admission: { admitted: true }, state: { ...state, probeStartedAt: now } };
  }
  return {
    admission: { admitted: false, retryInMs: state.probeStartedAt + policy.coolDownMs - now, consecutiveFailures: state.consecutiveFailures, probing: true },
    state,
  };
}

export function afterSuccess(_state: CircuitState): CircuitState {
  return closedCircuit;
}

export function afterFailure(state: CircuitState, now: number, policy: CircuitPolicy): CircuitState {
  const consecutiveFailures = state.consecutiveFailures + 1;
  if (state.kind === 'half-open') return { kind: 'open', openedAt: now, consecutiveFailures };
  // A call sent before the circuit opened may fail late; it does not extend the cool-down.
  if (state.kind === 'open') return { ...state, consecutiveFailures };
  return consecutiveFailures >= policy.failureThreshold ? { kind: 'open', openedAt: now, consecutiveFailures } : { kind: 'closed', consecutiveFailures };
}

/** Holds one circuit's state; `update` applies a transition atomically. */
export interface CircuitStore {
  update<T>(transition: (state: CircuitState) => { state: CircuitState; result: T }): Promise<T>;
  read(): Promise<CircuitState>;
}

export function createMemoryCircuitStore(initial: CircuitState = closedCircuit): CircuitStore {
  let current = initial;
  return {
    async update(transition) {
      const { state, result } = transition(current);
      current = state;
      return result;
    },
    async read() {
      return current;
    },
  };
}

export interface CircuitBreaker {
  admit(): Promise<CircuitAdmission>;
  recordSuccess(): Promise<void>;
  recordFailure(): Promise<void>;
  read(): Promise<CircuitState>;
}

export interface CircuitBreakerOptions {
  readonly policy: CircuitPolicy;
  readonly store?: CircuitStore;
  /** Injectable so the state machine can be tested with a fake clock. */
  readonly now?: () => number;
  /** Called when the circuit changes kind (closed, open, half-open). */
  readonly onTransition?: (from: CircuitState, to: CircuitState) => void;
}

export const defaultCircuitPolicy: CircuitPolicy = { failureThreshold: 5, coolDownMs: 30_000 };

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const store = options.store ?? createMemoryCircuitStore();
  const now = options.now ?? Date.now;
  const { policy } = options;
  const transition = async <T>(step: (state: CircuitState) => { state: CircuitState; result: T }): Promise<T> => {
    let change: { from: CircuitState; to: CircuitState } | null = null;
    const result = await store.update((state) => {
      const next = step(state);
      change = state.kind === next.state.kind ? null : { from: state, to: next.state };
      return next;
    });
    const observed = change as { from: CircuitState; to: CircuitState } | null;
    if (observed && options.onTransition) options.onTransition(observed.from, observed.to);
    return result;
  };
  return {
    admit: () =>
      transition((state) => {
        const { admission, state: next } = admitCall(state, now(), policy);
        return { state: next, result: admission };
      }),
    recordSuccess: () => transition((state) => ({ state: afterSuccess(state), result: undefined })),
    recordFailure: () => transition((state) => ({ state: afterFailure(state, now(), policy), result: undefined })),
    read: () => store.read(),
  };
}

/**
 * The message of a call refused by an open circuit: names the provider, that the circuit is
 * open and why, so a failed lens and the critic's confidence note say what happened.
 */
export function describeOpenCircuit(baseUrl: string, subject: string, admission: Extract<CircuitAdmission, { admitted: false }>): string {
  const seconds = Math.max(1, Math.ceil(admission.retryInMs / 1000));
  return `the circuit to the model at ${baseUrl} is open after ${admission.consecutiveFailures} consecutive failures, so ${subject} was not attempted (next probe in about ${seconds} s)`;
}

/**
 * Which failed attempts speak about the provider's health. A malformed or off-schema answer
 * means the provider is up and answering, so it does not push the circuit open (and a probe that
 * gets one shows the provider is back).
 */
export function isProviderFailure(kind: string): boolean {
  return kind === 'rate-limited' || kind === 'server-error' || kind === 'timeout' || kind === 'network';
}
