/**
 * The span processor that backs the trace viewer: ended spans reach the `spans` table in
 * batches, with their parent, times, status and attributes, and a trace store that fails never
 * fails the work being traced.
 */
import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../database/open-database.js';
import type { Queryable } from '../database/queryable.js';
import { listAuditSpans } from '../database/repositories/spans.js';
import { auditIdAttribute } from './attribute-names.js';
import { DatabaseSpanProcessor } from './database-span-processor.js';

let database: Database;

beforeAll(async () => {
  database = await openDatabase();
});

afterAll(async () => {
  await database?.close();
});

function tracerWith(processor: DatabaseSpanProcessor) {
  return new NodeTracerProvider({ spanProcessors: [processor] }).getTracer('test');
}

describe('the database span processor', () => {
  it('stores parent and child spans with their times, status and attributes', async () => {
    const processor = new DatabaseSpanProcessor(database.pool, { flushIntervalMs: 10_000 });
    const tracer = tracerWith(processor);
    const parent = tracer.startSpan('audit aud_span_a', { attributes: { [auditIdAttribute]: 'aud_span_a' }, startTime: new Date('2026-01-01T00:00:00.000Z') });
    const child = tracer.startSpan(
      'invoke_agent lens:deep-history',
      { attributes: { [auditIdAttribute]: 'aud_span_a', 'stancewatch.lens_id': 'deep-history', tags: ['a', 'b'] }, startTime: new Date('2026-01-01T00:00:01.000Z') },
      trace.setSpan(ROOT_CONTEXT, parent),
    );
    child.addEvent('quote dropped', { quote: 'We guarantee <b>safety</b>' });
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'model timed out' });
    child.end(new Date('2026-01-01T00:00:03.500Z'));
    parent.end(new Date('2026-01-01T00:00:05.000Z'));

    expect(await listAuditSpans(database.pool, 'aud_span_a')).toEqual([]);
    await processor.forceFlush();

    const spans = await listAuditSpans(database.pool, 'aud_span_a');
    expect(spans.map((span) => span.name)).toEqual(['audit aud_span_a', 'invoke_agent lens:deep-history']);
    const [root, agent] = spans;
    expect(root).toMatchObject({ parentSpanId: null, durationMs: 5000, startTime: '2026-01-01T00:00:00.000Z', status: 'unset' });
    expect(agent).toMatchObject({
      traceId: root!.traceId,
      parentSpanId: root!.spanId,
      durationMs: 2500,
      status: 'error: model timed out',
      attributes: { 'stancewatch.lens_id': 'deep-history', tags: ['a', 'b'] },
    });
    expect(agent!.events).toEqual([expect.objectContaining({ name: 'quote dropped', attributes: { quote: 'We guarantee <b>safety</b>' } })]);
  });

  it('writes full batches without waiting for the timer, and keeps every span', async () => {
    const processor = new DatabaseSpanProcessor(database.pool, { maxBatchSize: 2, flushIntervalMs: 60_000 });
    const tracer = tracerWith(processor);
    for (let index = 0; index < 5; index += 1) tracer.startSpan(`tool ${index}`, { attributes: { [auditIdAttribute]: 'aud_span_b' } }).end();
    // Two full batches are written at once; the fifth span waits for the (one-minute) timer.
    await expect.poll(async () => (await listAuditSpans(database.pool, 'aud_span_b')).length, { timeout: 5_000 }).toBe(4);
    await processor.forceFlush();
    expect((await listAuditSpans(database.pool, 'aud_span_b')).map((span) => span.name).sort()).toEqual(['tool 0', 'tool 1', 'tool 2', 'tool 3', 'tool 4']);
  });

  it('logs a failed write with the trace id instead of throwing into the traced work', async () => {
    const failing: Queryable = { query: () => Promise.reject(new Error('connection refused')) };
    const lines: string[] = [];
    const processor = new DatabaseSpanProcessor(failing, { log: (line) => lines.push(line) });
    const span = tracerWith(processor).startSpan('fetch', { attributes: { [auditIdAttribute]: 'aud_span_c' } });
    expect(() => span.end()).not.toThrow();
    await expect(processor.forceFlush()).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`trace_id=${span.spanContext().traceId}`);
    expect(lines[0]).toContain('connection refused');
  });
});
