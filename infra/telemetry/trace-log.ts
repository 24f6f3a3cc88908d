/**
 * Log lines that carry their trace: `trace_id=… span_id=… audit_id=… message`, so a line in the
 * server log leads straight to the span in the trace viewer or a collector.
 */
import type { SpanContext } from '@opentelemetry/api';

export function traceLogPrefix(context: SpanContext | undefined, auditId?: string): string {
  const parts: string[] = [];
  if (context) parts.push(`trace_id=${context.traceId}`, `span_id=${context.spanId}`);
  if (auditId) parts.push(`audit_id=${auditId}`);
  return parts.join(' ');
}

export function traceLogLine(context: SpanContext | undefined, message: string, auditId?: string): string {
  const prefix = traceLogPrefix(context, auditId);
  return prefix ? `${prefix} ${message}` : message;
}
