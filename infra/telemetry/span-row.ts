/**
 * From an ended OpenTelemetry span to the row the `spans` table stores. Pure, so the mapping of
 * times, status and ids is tested without a tracer.
 */
import { SpanKind, SpanStatusCode, type Attributes, type HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { SpanRow } from '../database/repositories/spans.js';
import { auditIdAttribute } from './attribute-names.js';

const hrTimeToMilliseconds = (time: HrTime): number => time[0] * 1000 + time[1] / 1e6;
const hrTimeToIso = (time: HrTime): string => new Date(hrTimeToMilliseconds(time)).toISOString();

function statusOf(span: ReadableSpan): string {
  if (span.status.code === SpanStatusCode.ERROR) return span.status.message ? `error: ${span.status.message}` : 'error';
  return span.status.code === SpanStatusCode.OK ? 'ok' : 'unset';
}

/** Attribute values are primitives or arrays of them already; copying drops undefined entries. */
function plainAttributes(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}

export function toSpanRow(span: ReadableSpan): SpanRow {
  const context = span.spanContext();
  const auditId = span.attributes[auditIdAttribute];
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    auditId: typeof auditId === 'string' ? auditId : null,
    name: span.name,
    kind: (SpanKind[span.kind] ?? 'INTERNAL').toLowerCase(),
    startTime: hrTimeToIso(span.startTime),
    endTime: hrTimeToIso(span.endTime),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: statusOf(span),
    attributes: plainAttributes(span.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      time: hrTimeToIso(event.time),
      attributes: plainAttributes(event.attributes ?? {}),
    })),
  };
}
