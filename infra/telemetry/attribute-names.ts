/**
 * Span attribute names. `stancewatch.*` are ours; `gen_ai.*` follow the OpenTelemetry GenAI
 * semantic conventions, so an external collector (Jaeger, Tempo, Langfuse) reads them natively.
 */
export const auditIdAttribute = 'stancewatch.audit_id';
export const agentAttribute = 'stancewatch.agent';
export const lensIdAttribute = 'stancewatch.lens_id';
export const agentStatusAttribute = 'stancewatch.agent.status';
export const agentDetailAttribute = 'stancewatch.agent.detail';
export const toolNameAttribute = 'gen_ai.tool.name';
export const operationNameAttribute = 'gen_ai.operation.name';
export const agentNameAttribute = 'gen_ai.agent.name';
export const latencyAttribute = 'stancewatch.latency_ms';

export const genAi = {
  system: 'gen_ai.system',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
} as const;

/** Attributes the trace viewer shows as model input and output. */
export const modelCall = {
  purpose: 'stancewatch.model_call.purpose',
  requestHash: 'stancewatch.model_call.request_hash',
  error: 'stancewatch.model_call.error',
} as const;

export const retrieval = {
  query: 'stancewatch.retrieval.query',
  chunkIds: 'stancewatch.retrieval.chunk_ids',
  sourceIds: 'stancewatch.retrieval.source_ids',
  offsets: 'stancewatch.retrieval.offsets',
  /** JSON: the passages returned, each with chunk id, source, offsets, score and an excerpt. */
  results: 'stancewatch.retrieval.results',
} as const;

export const quoteVerification = {
  quote: 'stancewatch.quote.text',
  sourceId: 'stancewatch.quote.source_id',
  verified: 'stancewatch.quote.verified',
  outcome: 'stancewatch.quote.outcome',
  offsets: 'stancewatch.quote.offsets',
} as const;

export const fetchAttributes = {
  requestedUrl: 'url.full',
  finalUrl: 'stancewatch.fetch.final_url',
  status: 'http.response.status_code',
  bytes: 'stancewatch.fetch.bytes',
  contentType: 'stancewatch.fetch.content_type',
  fetchedWith: 'stancewatch.fetch.with',
  sourceId: 'stancewatch.source_id',
  error: 'stancewatch.fetch.error',
  redirects: 'stancewatch.fetch.redirects',
} as const;

export const extractionAttributes = {
  words: 'stancewatch.extract.words',
  title: 'stancewatch.extract.title',
  snapshotHash: 'stancewatch.extract.snapshot_hash',
  issues: 'stancewatch.extract.issues',
} as const;
