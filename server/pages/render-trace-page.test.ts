/**
 * The trace waterfall: bars where the spans ran, children nested under their parents, a span a
 * link points at shown open, and every value from a crawled page or a model escaped.
 */
import { describe, expect, it } from 'vitest';
import type { SpanRow } from '../../infra/database/repositories/spans.js';
import { renderTraceContent, renderTracePage } from './render-trace-page.js';
import { layoutWaterfall, minimumBarWidth } from './trace-waterfall.js';

function span(overrides: Partial<SpanRow> & Pick<SpanRow, 'spanId' | 'name' | 'startTime' | 'durationMs'>): SpanRow {
  return {
    traceId: 't1',
    parentSpanId: null,
    auditId: 'aud_x',
    kind: 'internal',
    endTime: new Date(Date.parse(overrides.startTime) + overrides.durationMs).toISOString(),
    status: 'ok',
    attributes: {},
    events: [],
    ...overrides,
  };
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString();

const audit = span({ spanId: 'a0', name: 'audit aud_x', startTime: at(0), durationMs: 10_000 });
const lens = span({ spanId: 'b1', parentSpanId: 'a0', name: 'invoke_agent lens:deep-history', startTime: at(5), durationMs: 4000, attributes: { 'stancewatch.lens_id': 'deep-history' } });
const crawler = span({ spanId: 'b0', parentSpanId: 'a0', name: 'invoke_agent crawler', startTime: at(0), durationMs: 2000 });
const model = span({
  spanId: 'c1',
  parentSpanId: 'b1',
  name: 'chat simulated-model',
  startTime: at(6),
  durationMs: 2500,
  kind: 'client',
  attributes: {
    'gen_ai.request.model': 'simulated-model',
    'gen_ai.usage.input_tokens': 1200,
    'gen_ai.usage.output_tokens': 80,
    'gen_ai.input.messages': JSON.stringify([{ role: 'user', content: 'Read <script>alert(1)</script> please' }]),
    'gen_ai.output.messages': JSON.stringify({ score: 3, note: '<img src=x onerror=alert(2)>' }),
  },
});
const retrieval = span({
  spanId: 'c0',
  parentSpanId: 'b1',
  name: 'execute_tool retrieve',
  startTime: at(5),
  durationMs: 0,
  attributes: {
    'stancewatch.retrieval.query': 'who holds the data',
    'stancewatch.retrieval.results': JSON.stringify([{ chunkId: 7, sourceId: 'S02', start: 10, end: 60, score: 0.03, text: 'We "own" <b>nothing</b>' }]),
  },
});
const orphan = span({ spanId: 'z9', parentSpanId: 'gone', name: 'execute_tool fetch', startTime: at(1), durationMs: 500 });

describe('the waterfall layout', () => {
  const waterfall = layoutWaterfall([model, orphan, lens, retrieval, crawler, audit]);

  it('orders spans as a tree, siblings by start, and nests children one level deeper', () => {
    expect(waterfall.rows.map((row) => [row.span.spanId, row.depth])).toEqual([
      ['a0', 0],
      ['b0', 1],
      ['b1', 1],
      ['c0', 2],
      ['c1', 2],
      ['z9', 0],
    ]);
  });

  it('places each bar at its start and sizes it by its duration, as fractions of the trace', () => {
    const byId = new Map(waterfall.rows.map((row) => [row.span.spanId, row]));
    expect(waterfall.totalMs).toBe(10_000);
    expect(byId.get('a0')).toMatchObject({ offset: 0, width: 1 });
    expect(byId.get('b1')).toMatchObject({ offset: 0.5, width: 0.4, startsAfterMs: 5000 });
    expect(byId.get('c1')).toMatchObject({ offset: 0.6, width: 0.25 });
    expect(byId.get('c0')!.width).toBe(minimumBarWidth);
  });
});

describe('the trace page', () => {
  const markup = renderTraceContent({ auditId: 'aud_x', spans: [audit, crawler, lens, retrieval, model], basePath: '', focusSpanId: 'b1' }).markup;

  it('anchors every span and opens the one a link points at', () => {
    expect(markup).toContain('id="span-b1"');
    expect(markup).toMatch(/id="span-b1"[^>]*>\s*<details open>/);
    expect(markup).toMatch(/id="span-b0"[^>]*>\s*<details>/);
    expect(markup).toContain('<rect x="500.0" y="0" width="400.0"');
  });

  it('shows under an agent the model request and response, tokens, and the evidence it retrieved', () => {
    const lensRow = markup.slice(markup.indexOf('id="span-b1"'), markup.indexOf('id="span-c0"'));
    expect(lensRow).toContain('Model request');
    expect(lensRow).toContain('1,200 input tokens · 80 output tokens');
    expect(lensRow).toContain('Evidence retrieved (1 passage from 1 query)');
    expect(lensRow).toContain('S02');
  });

  it('escapes what came from crawled pages and the model', () => {
    expect(markup).not.toContain('<script>alert(1)</script>');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).not.toContain('<img src=x');
    expect(markup).not.toContain('<b>nothing</b>');
    expect(markup).toContain('&lt;b&gt;nothing&lt;/b&gt;');
  });

  it('links the viewer’s stylesheet after the shared one, under the mount path', () => {
    const page = renderTracePage({ auditId: 'aud_x', spans: [audit], basePath: '/stancewatch' });
    const stylesheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]);
    expect(stylesheets).toEqual(['/stancewatch/assets/stance.css', '/stancewatch/assets/trace.css']);
  });
});
