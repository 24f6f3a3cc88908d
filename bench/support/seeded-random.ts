/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32) so a benchmark builds the
 * same workload on every run and every backend: figures from two runs differ only by the
 * machine, never by the data. Not for anything that needs unpredictability.
 */
import { fnv1a } from '../../tools/local-embedder.js';

export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  integer(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An independent generator derived from this one, for a separate stream of choices. */
  fork(label: string): SeededRandom;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return (mixed ^ (mixed >>> 16)) >>> 0;
  };
}

export function createSeededRandom(seed: number): SeededRandom {
  const seeder = splitmix32(seed);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let counter = 1;
  const nextUint32 = (): number => {
    const result = (a + b + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + result) >>> 0;
    return result;
  };
  // sfc32 needs a few rounds before its output stops echoing the seed.
  for (let round = 0; round < 12; round += 1) nextUint32();

  const random: SeededRandom = {
    next: () => nextUint32() / 0x100000000,
    integer: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    chance: (probability) => random.next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(random.next() * items.length)]!;
    },
    fork: (label) => createSeededRandom((nextUint32() ^ fnv1a(label)) >>> 0),
  };
  return random;
}

/**
 * Picks items with Zipf-distributed frequencies (the item at rank r has weight 1 / r^exponent),
 * the way words occur in real prose: a few very common, a long tail of rare ones.
 */
export function createZipfPicker<T>(items: readonly T[], exponent = 1): (random: SeededRandom) => T {
  if (items.length === 0) throw new RangeError('a Zipf picker needs at least one item');
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, rank) => {
    total += 1 / (rank + 1) ** exponent;
    cumulative.push(total);
  });
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    return items[low]!;
  };
}
