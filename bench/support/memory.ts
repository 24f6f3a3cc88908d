/**
 * Process memory as a benchmark reports it. The resident set includes what the embedded
 * database holds in WebAssembly memory, which the V8 heap figures would miss.
 */

export interface MemoryFigures {
  readonly residentMegabytes: number;
  /** Highest resident set of the process so far (it never goes down). */
  readonly peakResidentMegabytes: number;
  readonly heapUsedMegabytes: number;
}

const megabyte = 1024 * 1024;

export function memoryFigures(): MemoryFigures {
  const usage = process.memoryUsage();
  return {
    residentMegabytes: usage.rss / megabyte,
    // maxRSS is in kilobytes.
    peakResidentMegabytes: process.resourceUsage().maxRSS / 1024,
    heapUsedMegabytes: usage.heapUsed / megabyte,
  };
}
