/**
 * The reviewers' trace viewer: the waterfall of one audit's spans (bars positioned from start
 * and duration, nested by parent), where each span opens to what it did — the model's request
 * and response with tokens and timings, the evidence a retrieval returned, the quote a
 * verification checked. No script: bars are SVG geometry (the CSP forbids inline styles) and
 * spans open with `<details>`. Every value came from a crawled page or a model: all escaped.
 */
import { genAi, retrieval } from '../../infra/telemetry/attribute-names.js';
import type { SpanRow } from '../../infra/database/repositories/spans.js';
import { formatCount } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { descendantsOf, layoutWaterfall, type WaterfallRow } from './trace-waterfall.js';

export interface TracePageInput {
  readonly auditId: string;
  readonly spans: readonly SpanRow[];
  readonly basePath: string;
  /** The span a link pointed at: shown open. */
  readonly focusSpanId?: string;
  /** Where the audit's stance page is, when it published one. */
  readonly stancePagePath?: string;
}

/** The bars' coordinate space: wide enough that rounding to one decimal is invisible. */
const barScale = 1000;
const deepestIndent = 8;

export const spanAnchor = (spanId: string) => `span-${spanId}`;

type SpanCategory = 'audit' | 'agent' | 'model' | 'tool' | 'other';

function categoryOf(span: SpanRow): SpanCategory {
  if (span.name.startsWith('audit ')) return 'audit';
  if (span.name.startsWith('invoke_agent ')) return 'agent';
  if (span.name.startsWith('chat ')) return 'model';
  if (span.name.startsWith('execute_tool ')) return 'tool';
  return 'other';
}

function formatDuration(milliseconds: number): string {
  if (milliseconds < 1) return '<1 ms';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  return `${(milliseconds / 1000).toFixed(milliseconds < 10_000 ? 2 : 1)} s`;
}

const plural = (count: number, one: string, many = `${one}s`) => `${formatCount(count)} ${count === 1 ? one : many}`;

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function prettyJson(value: unknown): string {
  const parsed = parseJson(value);
  return typeof parsed === 'string' ? parsed : JSON.stringify(parsed, null, 2);
}

interface RetrievedPassage {
  readonly chunkId: number;
  readonly sourceId: string;
  readonly url?: string;
  readonly start: number;
  readonly end: number;
  readonly score?: number;
  readonly text?: string;
}

function passagesOf(span: SpanRow): RetrievedPassage[] {
  const parsed = parseJson(span.attributes[retrieval.results]);
  return Array.isArray(parsed) ? (parsed as RetrievedPassage[]) : [];
}

function renderMessages(value: unknown): SafeHtml {
  const parsed = parseJson(value);
  if (!Array.isArray(parsed)) return html`<pre class="trace-text">${prettyJson(value)}</pre>`;
  return html`${parsed.map((message: { role?: unknown; content?: unknown }) => html`<div class="trace-message">
  <p class="trace-role">${String(message.role ?? 'message')}</p>
  <pre class="trace-text">${typeof message.content === 'string' ? message.content : prettyJson(message.content)}</pre>
</div>`)}`;
}

function renderModelCall(span: SpanRow): SafeHtml {
  const attributes = span.attributes;
  const tokensIn = attributes[genAi.inputTokens];
  const tokensOut = attributes[genAi.outputTokens];
  return html`<section class="trace-model-call">
  <h4>Model call: ${String(attributes[genAi.requestModel] ?? span.name)} <span class="trace-muted">(${String(attributes['stancewatch.model_call.purpose'] ?? '')})</span></h4>
  <p class="trace-tokens">${tokensIn === undefined ? 'input tokens not reported' : `${formatCount(Number(tokensIn))} input tokens`} · ${tokensOut === undefined ? 'output tokens not reported' : `${formatCount(Number(tokensOut))} output tokens`} · ${formatDuration(span.durationMs)}${attributes['stancewatch.model_call.error'] ? html` · <strong class="trace-error">${String(attributes['stancewatch.model_call.error'])}</strong>` : ''}</p>
  <h5>Model request</h5>
  <div class="trace-request">${renderMessages(attributes[genAi.inputMessages])}</div>
  <h5>Model response</h5>
  ${attributes[genAi.outputMessages] === undefined ? html`<p class="empty">No response was received.</p>` : html`<pre class="trace-text trace-response">${prettyJson(attributes[genAi.outputMessages])}</pre>`}
</section>`;
}

function renderPassages(passages: readonly RetrievedPassage[]): SafeHtml {
  if (passages.length === 0) return html`<p class="empty">No passages were returned.</p>`;
  return html`<ol class="trace-evidence">${passages.map((passage) => html`<li>
  <p class="trace-passage-head"><span class="source-id">${passage.sourceId}</span> · characters ${passage.start}–${passage.end} · chunk ${passage.chunkId}${passage.score === undefined ? '' : ` · score ${passage.score.toFixed(4)}`}</p>
  ${passage.text === undefined ? '' : html`<blockquote class="trace-passage">${passage.text}</blockquote>`}
</li>`)}</ol>`;
}

function renderRetrieval(span: SpanRow): SafeHtml {
  return html`<section class="trace-retrieval">
  <h4>Retrieval query</h4>
  <p class="trace-query">${String(span.attributes[retrieval.query] ?? '')}</p>
  <h5>Evidence retrieved</h5>
  ${renderPassages(passagesOf(span))}
</section>`;
}

/** What an agent's work beneath it amounted to: its model calls and the evidence it read. */
function renderAgentSummary(span: SpanRow, spans: readonly SpanRow[]): SafeHtml {
  const beneath = descendantsOf(spans, span.spanId);
  const modelCalls = beneath.filter((child) => categoryOf(child) === 'model');
  const retrievals = beneath.filter((child) => child.attributes[retrieval.query] !== undefined);
  const passages = new Map<number, RetrievedPassage>();
  for (const passage of retrievals.flatMap(passagesOf)) if (!passages.has(passage.chunkId)) passages.set(passage.chunkId, passage);
  const verifications = beneath.filter((child) => child.attributes['stancewatch.quote.outcome'] !== undefined);
  const dropped = verifications.filter((child) => child.attributes['stancewatch.quote.outcome'] === 'dropped').length;
  return html`${modelCalls.length > 0 ? html`<h4>Model calls (${modelCalls.length})</h4>${modelCalls.map(renderModelCall)}` : ''}
${retrievals.length > 0 ? html`<section class="trace-retrieval">
  <h4>Evidence retrieved (${plural(passages.size, 'passage')} from ${plural(retrievals.length, 'query', 'queries')})</h4>
  <ul class="trace-queries">${retrievals.map((child) => html`<li>${String(child.attributes[retrieval.query] ?? '')}</li>`)}</ul>
  ${renderPassages([...passages.values()])}
</section>` : ''}
${verifications.length > 0 ? html`<p class="trace-verifications">${verifications.length} quotes checked against the snapshots: ${verifications.length - dropped} verified, ${dropped} dropped.</p>` : ''}`;
}

/** Shown in their own sections, so the attribute table does not repeat them. */
const attributesShownElsewhere = new Set<string>([genAi.inputMessages, genAi.outputMessages, retrieval.results]);

function renderAttributes(span: SpanRow): SafeHtml {
  const entries = Object.entries(span.attributes).filter(([name]) => !attributesShownElsewhere.has(name)).sort(([left], [right]) => left.localeCompare(right));
  return html`<table class="trace-attributes">
<caption>Attributes</caption>
<tbody>${entries.map(([name, value]) => html`<tr><th scope="row">${name}</th><td>${typeof value === 'string' ? value : JSON.stringify(value)}</td></tr>`)}</tbody>
</table>
${span.events.length > 0 ? html`<h5>Events</h5><ul class="trace-events">${span.events.map((event) => html`<li>${event.time} · ${event.name} ${JSON.stringify(event.attributes)}</li>`)}</ul>` : ''}`;
}

function renderSpanBody(span: SpanRow, spans: readonly SpanRow[]): SafeHtml {
  const category = categoryOf(span);
  return html`<div class="trace-body">
<dl class="trace-facts">
  <dt>Started</dt><dd>${span.startTime}</dd>
  <dt>Duration</dt><dd>${formatDuration(span.durationMs)}</dd>
  <dt>Status</dt><dd>${span.status}</dd>
  <dt>Span</dt><dd><code>${span.spanId}</code>${span.parentSpanId ? html` (in <a href="#${spanAnchor(span.parentSpanId)}"><code>${span.parentSpanId}</code></a>)` : ''}</dd>
</dl>
${category === 'model' ? renderModelCall(span) : ''}
${span.attributes[retrieval.query] !== undefined ? renderRetrieval(span) : ''}
${category === 'agent' || category === 'audit' ? renderAgentSummary(span, spans) : ''}
${renderAttributes(span)}
</div>`;
}

function renderRow(row: WaterfallRow, spans: readonly SpanRow[], focusSpanId: string | undefined): SafeHtml {
  const { span } = row;
  const category = categoryOf(span);
  const failed = span.status.startsWith('error');
  const x = (row.offset * barScale).toFixed(1);
  const width = (row.width * barScale).toFixed(1);
  return html`<li id="${spanAnchor(span.spanId)}" class="trace-span trace-${category} depth-${Math.min(row.depth, deepestIndent)}${failed ? ' trace-failed' : ''}">
<details${span.spanId === focusSpanId ? html` open` : ''}>
<summary>
  <span class="trace-name">${span.name}</span>
  <span class="trace-duration">${formatDuration(span.durationMs)}</span>
  <svg class="trace-bar" viewBox="0 0 ${barScale} 10" preserveAspectRatio="none" role="img" aria-label="starts at ${formatDuration(row.startsAfterMs)}, lasts ${formatDuration(span.durationMs)}"><rect x="${x}" y="0" width="${width}" height="10"></rect></svg>
</summary>
${renderSpanBody(span, spans)}
</details>
</li>`;
}

export function renderTraceContent(input: TracePageInput): SafeHtml {
  const waterfall = layoutWaterfall(input.spans);
  const modelCalls = input.spans.filter((span) => categoryOf(span) === 'model');
  const tokens = (name: string) => modelCalls.reduce((total, span) => total + (Number(span.attributes[name]) || 0), 0);
  return html`<header class="page-header">
  <p class="eyebrow">Trace</p>
  <h1>Audit <code>${input.auditId}</code></h1>
  <p class="trace-summary">${formatCount(input.spans.length)} spans · ${formatDuration(waterfall.totalMs)} · ${formatCount(modelCalls.length)} model calls · ${formatCount(tokens(genAi.inputTokens))} input and ${formatCount(tokens(genAi.outputTokens))} output tokens${input.stancePagePath ? html` · <a href="${input.stancePagePath}">stance page</a>` : ''}</p>
</header>
${waterfall.rows.length === 0
  ? html`<p class="empty">No spans were recorded for this audit (it ran before tracing, or has not started).</p>`
  : html`<ol class="trace-waterfall" aria-label="Spans, nested by parent">${waterfall.rows.map((row) => renderRow(row, input.spans, input.focusSpanId))}</ol>`}`;
}

export function renderTracePage(input: TracePageInput): string {
  // The viewer's own rules sit in their own file, beside the shared stylesheet.
  return renderPage({ title: `Trace of ${input.auditId}`, basePath: input.basePath, current: 'audits', main: renderTraceContent(input), stylesheets: ['trace.css'] });
}
