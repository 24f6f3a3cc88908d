/**
 * Embedders turn text into the 384-dimension vectors the evidence store indexes. The local one
 * is the default: deterministic, instant, no weights to download. An OpenAI-compatible endpoint
 * can be configured instead (EMBEDDER=openai).
 */
import type { Config } from '../infra/config.js';
import { createLocalEmbedder } from './local-embedder.js';
import { createOpenAiEmbedder } from './openai-embedder.js';

/** The dimension of `chunks.embedding`; every embedder must produce it. */
export const embeddingDimensions = 384;

export interface Embedder {
  /** Stored with each audit so a replay knows which vectors it compares. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<number[][]>;
}

export function createEmbedder(config: Pick<Config, 'embedder' | 'llmBaseUrl' | 'llmApiKey' | 'embeddingModel'>): Embedder {
  if (config.embedder === 'openai' && config.llmBaseUrl) {
    return createOpenAiEmbedder({
      baseUrl: config.llmBaseUrl,
      model: config.embeddingModel,
      ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}),
      dimensions: embeddingDimensions,
    });
  }
  return createLocalEmbedder(embeddingDimensions);
}
