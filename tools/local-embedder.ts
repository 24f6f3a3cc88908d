/**
 * A deterministic local embedder: feature hashing of word unigrams, word bigrams and character
 * trigrams into a fixed number of signed buckets, log-scaled and L2-normalised. It knows no
 * synonyms, but it needs no weights, gives the same vector on every machine, and puts passages
 * that share vocabulary close together, which is what retrieval over one lab's pages needs.
 */
import type { Embedder } from './embedder.js';

const stopwords = new Set(
  'a an and are as at be been but by for from has have in is it its of on or that the this to was were will with we our us you your their they them not no can may also'.split(
    ' ',
  ),
);

/** 32-bit FNV-1a: fast, stable across platforms and versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Strips the commonest English inflections so "disclose", "discloses" and "disclosed" meet. */
function stem(word: string): string {
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ed', 'es', 's']) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

export function features(text: string): Map<string, number> {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !stopwords.has(word)).map(stem);
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  words.forEach((word, index) => {
    add(`w:${word}`, 1);
    if (index > 0) add(`b:${words[index - 1]} ${word}`, 0.5);
    const padded = ` ${word} `;
    for (let start = 0; start + 3 <= padded.length; start += 1) add(`c:${padded.slice(start, start + 3)}`, 0.2);
  });
  return counts;
}

export function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, count] of features(text)) {
    const hash = fnv1a(feature);
    const sign = hash & 0x80000000 ? -1 : 1;
    vector[hash % dimensions]! += sign * Math.log1p(count);
  }
  const norm = Math.hypot(...vector);
  // An empty text still needs a unit vector: cosine distance to a zero vector is undefined.
  if (norm === 0) return vector.map((_, index) => (index === 0 ? 1 : 0));
  return vector.map((value) => value / norm);
}

export function createLocalEmbedder(dimensions: number): Embedder {
  return {
    id: `local-hash@${dimensions}`,
    dimensions,
    async embed(texts) {
      return texts.map((text) => embedText(text, dimensions));
    },
  };
}
