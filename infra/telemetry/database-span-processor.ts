/**
 * A span processor that persists every ended span into the `spans` table. Ending a span only
 * pushes a row onto a buffer: writes happen in batches on a timer (or when the buffer is full),
 * so an agent never waits on the trace store, and a failed write is logged and dropped rather
 * than thrown into the audit it describes.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Queryable } from '../database/queryable.js';
import { insertSpans, type SpanRow } from '../database/repositories/spans.js';
import { describeError } from '../errors.js';
import { toSpanRow } from './span-row.js';

export interface DatabaseSpanProcessorOptions {
  /** Rows per insert; a full buffer is written at once. Default 200. */
  readonly maxBatchSize?: number;
  /** Longest a span waits in the buffer. Default 500 ms. */
  readonly flushIntervalMs?: number;
  /** Rows kept when the database is slower than spans arrive; older ones are dropped first. Default 20 000. */
  readonly maxBufferedSpans?: number;
  readonly log?: (line: string) => void;
}

export class DatabaseSpanProcessor implements SpanProcessor {
  private buffer: SpanRow[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private dropped = 0;
  private readonly maxBatchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxBufferedSpans: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly database: Queryable,
    options: DatabaseSpanProcessorOptions = {},
  ) {
    this.maxBatchSize = options.maxBatchSize ?? 200;
    this.flushIntervalMs = options.flushIntervalMs ?? 500;
    this.maxBufferedSpans = options.maxBufferedSpans ?? 20_000;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    if (this.closed) return;
    let row: SpanRow;
    try {
      row = toSpanRow(span);
    } catch (error) {
      this.log(`trace_id=${span.spanContext().traceId} span "${span.name}" could not be stored: ${describeError(error)}`);
      return;
    }
    this.buffer.push(row);
    if (this.buffer.length > this.maxBufferedSpans) {
      this.dropped += this.buffer.length - this.maxBufferedSpans;
      this.buffer.splice(0, this.buffer.length - this.maxBufferedSpans);
    }
    if (this.buffer.length >= this.maxBatchSize) this.scheduleWrite(0);
    else this.scheduleWrite(this.flushIntervalMs);
  }

  /** Writes everything buffered so far; resolves once it is stored (or the failure logged). */
  async forceFlush(): Promise<void> {
    this.clearTimer();
    this.drain();
    await this.writing;
  }

  async shutdown(): Promise<void> {
    await this.forceFlush();
    this.closed = true;
  }

  private scheduleWrite(delayMs: number): void {
    if (delayMs === 0) {
      this.clearTimer();
      this.drain();
      return;
    }
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain();
    }, delayMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  /** Chains the writes so batches land in order and never two at once on one connection. */
  private drain(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(() => this.write(rows));
  }

  private async write(rows: readonly SpanRow[]): Promise<void> {
    if (this.dropped > 0) {
      this.log(`${this.dropped} span(s) were dropped because the trace store fell behind`);
      this.dropped = 0;
    }
    for (let start = 0; start < rows.length; start += this.maxBatchSize) {
      const batch = rows.slice(start, start + this.maxBatchSize);
      try {
        await insertSpans(this.database, batch);
      } catch (error) {
        const traces = [...new Set(batch.map((row) => row.traceId))].slice(0, 3).join(',');
        this.log(`trace_id=${traces} ${batch.length} span(s) could not be stored in the spans table: ${describeError(error)}`);
      }
    }
  }
}
