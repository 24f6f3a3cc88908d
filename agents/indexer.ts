/**
 * Splits every snapshot into chunks with offsets, embeds them and stores them for hybrid
 * retrieval (pgvector + full text). Re-running replaces the audit's chunks, so a resumed audit
 * never indexes a page twice. Every snapshot is chunked before anything is stored, so the store
 * knows how many rows are coming and can rebuild its vector index after the load when that is
 * faster than inserting into it row by row (`vector-index-bulk-load.ts`).
 */
import type { AuditDependencies } from './audit-dependencies.js';
import type { AuditStateUpdate, AuditStateValue } from './audit-state.js';
import { getSnapshotTexts } from '../infra/database/repositories/snapshots.js';
import { chunkText } from '../tools/chunk-text.js';
import { deleteChunksOfAudit, insertChunks, type ChunkInput } from '../tools/evidence-store.js';
import { beginVectorIndexLoad } from '../tools/vector-index-bulk-load.js';

const embeddingBatchSize = 64;

export function createIndexerAgent(deps: AuditDependencies) {
  return async function index(state: AuditStateValue): Promise<AuditStateUpdate> {
    const { auditId } = state;
    return deps.progress.recordAgentRun(
      auditId,
      'indexer',
      async () => {
        await deleteChunksOfAudit(deps.database.pool, auditId);
        // Every chunk of every source, in source order, so batches (of the embedder and of the
        // insert) run across page boundaries: a site of short pages is stored in a few dozen
        // statements, not one per page.
        const pending: ChunkInput[] = [];
        const texts = await getSnapshotTexts(deps.database.pool, state.sources.flatMap((source) => source.snapshotHash ?? []));
        for (const source of state.sources) {
          const text = source.snapshotHash === null ? undefined : texts.get(source.snapshotHash);
          if (text === undefined || source.snapshotHash === null) continue;
          for (const chunk of chunkText(text)) {
            const { ordinal, start, end } = chunk;
            pending.push({ auditId, sourceId: source.id, snapshotHash: source.snapshotHash, party: source.party, ordinal, start, end, text: chunk.text, embedding: [] });
          }
        }
        texts.clear();
        const vectorIndex = await beginVectorIndexLoad(deps.database, pending.length);
        let total = 0;
        try {
          for (let offset = 0; offset < pending.length; offset += embeddingBatchSize) {
            const batch = pending.slice(offset, offset + embeddingBatchSize);
            const embeddings = await deps.embedder.embed(batch.map((chunk) => chunk.text));
            await insertChunks(deps.database.pool, batch.map((chunk, position) => ({ ...chunk, embedding: embeddings[position]! })));
            total += batch.length;
          }
        } finally {
          await vectorIndex.finish();
        }
        return { chunksIndexed: total };
      },
      (update) => ({ status: 'succeeded', detail: `indexed ${update.chunksIndexed ?? 0} chunks` }),
    );
  };
}
