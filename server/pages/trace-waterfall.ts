/**
 * The geometry of a trace waterfall: spans in tree order (each parent followed by its children,
 * siblings by start time), each with its depth and its bar's offset and width as fractions of
 * the whole trace. Pure, so positions are tested without a page.
 */
import type { SpanRow } from '../../infra/database/repositories/spans.js';

export interface WaterfallRow {
  readonly span: SpanRow;
  readonly depth: number;
  /** Where the bar starts, 0–1 of the trace's duration. */
  readonly offset: number;
  /** How long the bar is, 0–1 of the trace's duration (never zero, so every span is visible). */
  readonly width: number;
  /** Milliseconds since the trace began. */
  readonly startsAfterMs: number;
}

export interface Waterfall {
  readonly rows: readonly WaterfallRow[];
  readonly startTime: string | null;
  readonly totalMs: number;
}

/** A bar narrower than this would vanish: a 0 ms span is still drawn as a sliver. */
export const minimumBarWidth = 0.002;

const startOf = (span: SpanRow) => Date.parse(span.startTime);

export function layoutWaterfall(spans: readonly SpanRow[]): Waterfall {
  if (spans.length === 0) return { rows: [], startTime: null, totalMs: 0 };
  const begin = Math.min(...spans.map(startOf));
  const end = Math.max(...spans.map((span) => startOf(span) + span.durationMs));
  const totalMs = Math.max(end - begin, 1);
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string | null, SpanRow[]>();
  for (const span of spans) {
    // A span whose parent was not stored (another process's run, a lost batch) is shown as a root.
    const parent = span.parentSpanId !== null && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const bySpanStart = (left: SpanRow, right: SpanRow) => startOf(left) - startOf(right) || right.durationMs - left.durationMs || left.spanId.localeCompare(right.spanId);
  const rows: WaterfallRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const span of [...(children.get(parent) ?? [])].sort(bySpanStart)) {
      const startsAfterMs = startOf(span) - begin;
      const offset = Math.min(startsAfterMs / totalMs, 1 - minimumBarWidth);
      rows.push({ span, depth, offset, width: Math.min(Math.max(span.durationMs / totalMs, minimumBarWidth), 1 - offset), startsAfterMs });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return { rows, startTime: new Date(begin).toISOString(), totalMs };
}

/** Every span beneath `spanId`, at any depth. */
export function descendantsOf(spans: readonly SpanRow[], spanId: string): SpanRow[] {
  const found: SpanRow[] = [];
  const frontier = [spanId];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const span of spans) {
      if (span.parentSpanId === parent) {
        found.push(span);
        frontier.push(span.spanId);
      }
    }
  }
  return found.sort((left, right) => startOf(left) - startOf(right));
}
