/**
 * Turns an engine's draft quotes into published evidence. A quote survives only if it is found
 * verbatim in the snapshot of the source it cites; everything else is dropped and counted, so
 * no engine (least of all a model) can put words in a lab's mouth.
 */
import type { Evidence, SourceRead } from '../contract/report-schema.js';
import type { Queryable } from '../infra/database/queryable.js';
import { getSnapshot, getSnapshotTexts } from '../infra/database/repositories/snapshots.js';
import { locateQuote } from '../tools/locate-quote.js';
import type { DraftQuote } from './engines/contract.js';
import { quoteVerification } from '../infra/telemetry/attribute-names.js';
import type { AgentScope, AuditTracing } from '../infra/telemetry/audit-tracing.js';

export interface EvidenceVerifier {
  /** Published evidence for the quote, or null when it is not in the cited snapshot. */
  verify(draft: DraftQuote, preferAfter?: number): Promise<Evidence | null>;
  /** The snapshot text of a source, cached for the verifier's lifetime. */
  snapshotOf(sourceId: string): Promise<string | null>;
  /**
   * Loads the snapshot texts of these sources into the cache in one query: an agent that reads
   * every source (the rubric's lenses, Suffixscape) asks once instead of once per page.
   */
  preload(sourceIds: readonly string[]): Promise<void>;
}

/** Where each verification is traced: one `verify_quote` span per quote, beneath the agent. */
export interface VerificationTrace {
  readonly tracing: AuditTracing;
  readonly scope: AgentScope;
}

export function createEvidenceVerifier(database: Queryable, sources: readonly SourceRead[], trace: VerificationTrace): EvidenceVerifier {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const texts = new Map<string, Promise<string | null>>();

  const snapshotOf = (sourceId: string): Promise<string | null> => {
    const cached = texts.get(sourceId);
    if (cached) return cached;
    const source = byId.get(sourceId);
    const loading =
      source?.snapshotHash == null
        ? Promise.resolve(null)
        : getSnapshot(database, source.snapshotHash).then((snapshot) => snapshot?.text ?? null);
    texts.set(sourceId, loading);
    return loading;
  };

  const preload = async (sourceIds: readonly string[]): Promise<void> => {
    const missing = sourceIds.filter((sourceId) => !texts.has(sourceId));
    const hashes = missing.flatMap((sourceId) => byId.get(sourceId)?.snapshotHash ?? []);
    const loading = getSnapshotTexts(database, hashes);
    for (const sourceId of missing) {
      const hash = byId.get(sourceId)?.snapshotHash;
      texts.set(sourceId, hash == null ? Promise.resolve(null) : loading.then((loaded) => loaded.get(hash) ?? null));
    }
    await loading;
  };

  return {
    snapshotOf,
    preload,
    async verify(draft, preferAfter = 0) {
      return trace.tracing.inTool(
        trace.scope,
        'verify_quote',
        { [quoteVerification.quote]: draft.quote, [quoteVerification.sourceId]: draft.sourceId },
        async (span) => {
          const evidence = await verify(draft, preferAfter);
          span.setAttributes({
            [quoteVerification.verified]: evidence !== null,
            [quoteVerification.outcome]: evidence === null ? 'dropped' : 'verified',
            ...(evidence === null ? {} : { [quoteVerification.offsets]: `${evidence.start}-${evidence.end}` }),
          });
          return evidence;
        },
      );
    },
  };

  async function verify(draft: DraftQuote, preferAfter: number): Promise<Evidence | null> {
    const source = byId.get(draft.sourceId);
    const text = await snapshotOf(draft.sourceId);
    if (!source || text === null) return null;
    const location = locateQuote(text, draft.quote, preferAfter);
    if (!location) return null;
    return {
      quote: location.quote,
      sourceId: source.id,
      url: source.finalUrl,
      start: location.start,
      end: location.end,
      verified: true,
    };
  }
}
