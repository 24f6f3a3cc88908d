/**
 * Finished trace spans, one row each, so the built-in trace viewer works without any external
 * collector. Rows are written in batches by the telemetry span processor and never updated.
 */
import type { Queryable } from '../queryable.js';

export interface SpanRow {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly auditId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly durationMs: number;
  /** `ok`, `error` or `unset`, with the error message after a colon when there is one. */
  readonly status: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly events: readonly SpanEventRow[];
}

export interface SpanEventRow {
  readonly name: string;
  readonly time: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

const columnsPerRow = 12;

/** Writes a batch in one statement; a span delivered twice (a retried flush) is kept once. */
export async function insertSpans(database: Queryable, spans: readonly SpanRow[]): Promise<void> {
  if (spans.length === 0) return;
  const values: unknown[] = [];
  const tuples = spans.map((span, index) => {
    values.push(
      span.traceId,
      span.spanId,
      span.parentSpanId,
      span.auditId,
      span.name,
      span.kind,
      span.startTime,
      span.endTime,
      span.durationMs,
      span.status,
      JSON.stringify(span.attributes),
      JSON.stringify(span.events),
    );
    const base = index * columnsPerRow;
    return `(${Array.from({ length: columnsPerRow }, (_unused, column) => `$${base + column + 1}`).join(', ')})`;
  });
  await database.query(
    `insert into spans (trace_id, span_id, parent_span_id, audit_id, name, kind, start_time, end_time, duration_ms, status, attributes, events)
     values ${tuples.join(', ')}
     on conflict (trace_id, span_id) do nothing`,
    values,
  );
}

interface StoredSpan {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  audit_id: string | null;
  name: string;
  kind: string;
  start_time: Date;
  end_time: Date;
  duration_ms: number;
  status: string;
  attributes: Record<string, unknown>;
  events: SpanEventRow[];
}

function toSpanRow(row: StoredSpan): SpanRow {
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    auditId: row.audit_id,
    name: row.name,
    kind: row.kind,
    startTime: row.start_time.toISOString(),
    endTime: row.end_time.toISOString(),
    durationMs: row.duration_ms,
    status: row.status,
    attributes: row.attributes,
    events: row.events,
  };
}

/** Every span of an audit, earliest first (ties: the parent, which starts no later, first). */
export async function listAuditSpans(database: Queryable, auditId: string): Promise<SpanRow[]> {
  const { rows } = await database.query<StoredSpan>(
    `select * from spans where audit_id = $1 order by start_time, duration_ms desc, span_id`,
    [auditId],
  );
  return rows.map(toSpanRow);
}
