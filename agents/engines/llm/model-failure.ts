/**
 * Why one model attempt failed, as a typed value. The retry loop decides on `retryable`; the
 * final error message is built from the kinds, so a reader learns what went wrong ("returned
 * malformed JSON 3 times") rather than a stack trace from an HTTP client.
 */
import type { z } from 'zod';
import { answerText, type HttpExchange } from './http-capture.js';
import { parseRetryAfter } from './retry-delay.js';

export type ModelFailureKind =
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'network'
  | 'malformed-json'
  | 'schema-invalid'
  | 'client-error'
  | 'truncated'
  | 'unexpected';

export interface ModelFailure {
  readonly kind: ModelFailureKind;
  readonly retryable: boolean;
  /** HTTP status when the provider answered with an error status. */
  readonly status: number | null;
  /** One line naming the specific problem, for notes and call records. */
  readonly detail: string;
  /** The provider's Retry-After hint in milliseconds, when it sent one. */
  readonly retryAfterMs: number | null;
}

const retryableKinds: ReadonlySet<ModelFailureKind> = new Set(['rate-limited', 'server-error', 'timeout', 'network', 'malformed-json', 'schema-invalid']);

function failure(kind: ModelFailureKind, detail: string, status: number | null = null, retryAfterMs: number | null = null): ModelFailure {
  return { kind, retryable: retryableKinds.has(kind), status, detail, retryAfterMs };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).slice(0, 300);
}

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const name = (error as { name?: unknown }).name;
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return `${typeof name === 'string' ? name : ''} ${typeof constructorName === 'string' ? constructorName : ''}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

function zodIssues(error: unknown): readonly SchemaIssue[] | null {
  if (typeof error !== 'object' || error === null) return null;
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) && errorName(error).includes('ZodError') ? (issues as SchemaIssue[]) : null;
}

export function describeSchemaIssues(issues: readonly SchemaIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  return issues.length > 3 ? `${shown.join('; ')}; and ${issues.length - 3} more` : shown.join('; ');
}

/**
 * Reads an answer the client could not turn into a value (function-calling output that failed
 * to parse comes back as `parsed: null`, with no error) to say whether it was bad JSON or JSON
 * of the wrong shape.
 */
export function diagnoseAnswer(exchange: HttpExchange, schema: z.ZodType): ModelFailure {
  const text = answerText(exchange);
  if (text === null) return failure('schema-invalid', 'the answer had neither message content nor a tool call');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failure('malformed-json', firstLine(errorMessage(error)));
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? failure('unexpected', 'the answer matched the schema but the client returned nothing') : failure('schema-invalid', describeSchemaIssues(parsed.error.issues));
}

/** The `error.message` of an OpenAI-style error body, else the body's first line. */
function providerMessage(bodyText: string): string {
  try {
    const parsed = JSON.parse(bodyText) as { error?: { message?: unknown } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    if (typeof message === 'string' && message.trim() !== '') return firstLine(message);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return firstLine(bodyText);
}

/** Classifies what an attempt threw, using the raw exchange for status and headers. */
export function classifyModelError(error: unknown, exchange: HttpExchange, timeoutMs: number): ModelFailure {
  const errorStatus = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  const status = exchange.status !== null && exchange.status >= 400 ? exchange.status : typeof errorStatus === 'number' ? errorStatus : null;
  if (status !== null) {
    const body = exchange.bodyText ? `: ${providerMessage(exchange.bodyText)}` : '';
    if (status === 429) return failure('rate-limited', `HTTP 429${body}`, status, parseRetryAfter(exchange.headers));
    if (status >= 500 || status === 408 || status === 409) return failure('server-error', `HTTP ${status}${body}`, status, parseRetryAfter(exchange.headers));
    return failure('client-error', `HTTP ${status}${body}`, status);
  }
  const name = errorName(error);
  if (name.includes('TimeoutError')) return failure('timeout', `no answer within ${timeoutMs} ms`);
  if (error instanceof SyntaxError || name.includes('SyntaxError')) return failure('malformed-json', firstLine(errorMessage(error)));
  const issues = zodIssues(error);
  if (issues) return failure('schema-invalid', describeSchemaIssues(issues));
  if (name.includes('LengthFinishReasonError')) return failure('truncated', 'the answer hit the token limit before it was complete');
  if (name.includes('APIConnectionError')) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${firstLine(error.cause.message)}` : '';
    return failure('network', `${firstLine(errorMessage(error))}${cause}`);
  }
  return failure('unexpected', firstLine(errorMessage(error)));
}

const kindPhrases: Record<ModelFailureKind, string> = {
  'rate-limited': 'answered 429 (rate limited)',
  'server-error': 'answered with a server error',
  timeout: 'timed out',
  network: 'could not be reached',
  'malformed-json': 'returned malformed JSON',
  'schema-invalid': 'returned JSON that does not match the schema',
  'client-error': 'rejected the request',
  truncated: 'stopped before finishing its answer',
  unexpected: 'failed unexpectedly',
};

export function countWord(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/**
 * "the model at http://…/v1 returned malformed JSON 3 times for lens 'deep-history' (last:
 * Unexpected end of JSON input)", or, for mixed failures, each kind with its count.
 */
export function describeModelFailures(baseUrl: string, subject: string, failures: readonly ModelFailure[]): string {
  const last = failures[failures.length - 1];
  if (!last) return `the model at ${baseUrl} failed for ${subject}`;
  const counts = new Map<ModelFailureKind, number>();
  for (const each of failures) counts.set(each.kind, (counts.get(each.kind) ?? 0) + 1);
  const summary =
    counts.size === 1
      ? `${kindPhrases[last.kind]} ${countWord(failures.length)}`
      : `failed ${countWord(failures.length)} (${[...counts].map(([kind, count]) => `${kindPhrases[kind]} ${countWord(count)}`).join(', ')})`;
  return `the model at ${baseUrl} ${summary} for ${subject} (last: ${last.detail})`;
}

/** A short note for a draft: what the retries were for. */
export function describeRetries(failures: readonly ModelFailure[]): string | null {
  if (failures.length === 0) return null;
  const details = failures.map((each) => `${kindPhrases[each.kind]}${each.status !== null && each.kind === 'server-error' ? ` (HTTP ${each.status})` : ''}`);
  return `the model answered after ${failures.length} ${failures.length === 1 ? 'retry' : 'retries'}: ${details.join('; ')}`;
}
