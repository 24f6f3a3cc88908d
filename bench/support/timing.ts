/** Wall-clock timing for benchmarks, in milliseconds from the monotonic clock. */
import { performance } from 'node:perf_hooks';

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

export function stopwatch(): () => number {
  const started = performance.now();
  return () => performance.now() - started;
}
