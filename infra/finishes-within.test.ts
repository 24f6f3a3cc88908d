/** The deadline shared by queue launches, readiness probes and worker shutdown. */
import { describe, expect, it } from 'vitest';
import { finishesWithin } from './finishes-within.js';

const resolvesAfter = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const failsAfter = (ms: number, message: string) => new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(message)), ms));

describe('finishesWithin', () => {
  it('is true for work that resolves in time', async () => {
    expect(await finishesWithin(resolvesAfter(5), 1_000)).toBe(true);
  });

  it('is false once the time runs out, and ignores a failure that comes later', async () => {
    const late = failsAfter(80, 'too late to matter');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      expect(await finishesWithin(late, 10)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('passes on the error of work that fails in time', async () => {
    await expect(finishesWithin(Promise.reject(new Error('refused')), 1_000)).rejects.toThrow('refused');
  });
});
