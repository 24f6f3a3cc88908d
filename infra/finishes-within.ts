/**
 * A deadline for work that cannot be withdrawn: a command queued on a Redis connection that is
 * reconnecting, a readiness probe, a worker finishing its jobs. The caller stops waiting when the
 * time runs out; the work itself carries on.
 */

/**
 * True once `work` resolves within `timeoutMs`, false when the time runs out first; `work`'s own
 * error if it fails in time. A failure after the deadline is ignored: nobody is waiting for it.
 */
export async function finishesWithin(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([work.then(() => true as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
