import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from './local-embedder.js';

const cosine = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);

describe('local embedder', () => {
  const embedder = createLocalEmbedder(384);

  it('gives the same unit vector for the same text, every time', async () => {
    const [first] = await embedder.embed(['We disclose our training data sources.']);
    const [second] = await embedder.embed(['We disclose our training data sources.']);
    expect(first).toEqual(second);
    expect(first).toHaveLength(384);
    expect(Math.hypot(...first!)).toBeCloseTo(1, 6);
  });

  it('puts passages that share vocabulary closer than unrelated ones', async () => {
    const [query, related, unrelated] = await embedder.embed([
      'which training data was disclosed',
      'The training data we disclosed includes licensed books and web pages.',
      'Our office in Reykjavik opened in the spring with a small party.',
    ]);
    expect(cosine(query!, related!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.1);
  });

  it('still returns a unit vector for empty text', async () => {
    const [empty] = await embedder.embed(['']);
    expect(Math.hypot(...empty!)).toBeCloseTo(1, 6);
  });
});
