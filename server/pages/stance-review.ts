/**
 * What a reviewer sees on a stance page beyond the public page: a "trace" link by each finding,
 * flag and lens score to the span that produced it, and the annotations reviewers left.
 */
import type { AnnotationRow, AnnotationTargetKind } from '../../infra/database/repositories/annotations.js';
import type { SpanRow } from '../../infra/database/repositories/spans.js';
import { agentAttribute } from '../../infra/telemetry/attribute-names.js';
import { html, type SafeHtml } from './html.js';
import { spanAnchor } from './render-trace-page.js';

export interface StanceReview {
  /** The audit's trace viewer page. */
  readonly tracePath: string;
  /** Agent name (`lens:<id>`, `suffixscape`, `critic`…) → the span id of its latest run. */
  readonly agentSpans: Readonly<Record<string, string>>;
  readonly annotations: readonly AnnotationRow[];
}

/** The latest span of each agent of the audit (a resumed audit may have run one twice). */
export function agentSpansOf(spans: readonly SpanRow[]): Record<string, string> {
  const latest: Record<string, string> = {};
  for (const span of spans) {
    const agent = span.attributes[agentAttribute];
    if (typeof agent === 'string' && span.name.startsWith('invoke_agent ')) latest[agent] = span.spanId;
  }
  return latest;
}

function traceHref(review: StanceReview, spanId: string): string {
  return `${review.tracePath}?span=${encodeURIComponent(spanId)}#${spanAnchor(spanId)}`;
}

/** The trace link for what an agent produced, or nothing when its span was not recorded. */
export function renderTraceLink(review: StanceReview | undefined, agent: string, label: string): SafeHtml | '' {
  const spanId = review?.agentSpans[agent];
  if (!review || !spanId) return '';
  return html`<a class="trace-link" href="${traceHref(review, spanId)}" aria-label="${label}">trace</a>`;
}

export function renderAnnotations(review: StanceReview | undefined, targetKind: AnnotationTargetKind, targetId: string): SafeHtml | '' {
  const annotations = review?.annotations.filter((annotation) => annotation.targetKind === targetKind && annotation.targetId === targetId) ?? [];
  if (annotations.length === 0) return '';
  return html`<ul class="annotations" aria-label="Reviewer annotations">${annotations.map(
    (annotation) => html`<li class="annotation annotation-${annotation.verdict}"><strong>${annotation.verdict}</strong> · ${annotation.author} · ${annotation.createdAt.slice(0, 10)}: ${annotation.body}</li>`,
  )}</ul>`;
}
