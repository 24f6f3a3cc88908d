import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../infra/database/open-database.js';
import { createAudit } from '../infra/database/repositories/audits.js';
import { upsertLab } from '../infra/database/repositories/labs.js';
import { putSnapshot } from '../infra/database/repositories/snapshots.js';
import { insertChunks, type ChunkInput } from './evidence-store.js';
import { hybridSearch } from './hybrid-retrieval.js';
import { createLocalEmbedder } from './local-embedder.js';
import { beginVectorIndexLoad, rebuildFromRows, shouldRebuildVectorIndex } from './vector-index-bulk-load.js';

const lab = { slug: 'bulk-lab', name: 'Bulk Lab', country: 'Nowhere', website: 'https://bulk.example', kind: 'open' as const, focusTags: [], opennessNote: '' };
const embedder = createLocalEmbedder(384);

async function chunkRows(database: Database, auditId: string, count: number): Promise<ChunkInput[]> {
  await upsertLab(database.pool, lab);
  await createAudit(database.pool, { id: auditId, labSlug: lab.slug, request: { lab }, engine: { kind: 'rubric' }, appVersion: 'test', idempotencyKey: null });
  const texts = Array.from({ length: count }, (_, index) => `Passage ${index} of ${auditId}: the model was evaluated on ${index * 37} prompts in ${index % 12} languages.`);
  const hash = await putSnapshot(database.pool, { text: texts.join('\n'), html: null, contentType: 'text/plain' });
  const embeddings = await embedder.embed(texts);
  return texts.map((text, ordinal) => ({ auditId, sourceId: 'S01', snapshotHash: hash, party: 'first', ordinal, start: 0, end: text.length, text, embedding: embeddings[ordinal]! }));
}

async function vectorIndexDefinition(database: Database): Promise<string | null> {
  const { rows } = await database.pool.query<{ indexdef: string }>("select indexdef from pg_indexes where indexname = 'chunks_embedding_hnsw'");
  return rows[0]?.indexdef ?? null;
}

describe('loading many chunks into the embedded database', () => {
  let database: Database;
  let original: string | null;
  beforeAll(async () => {
    database = await openDatabase();
    original = await vectorIndexDefinition(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('rebuilds the vector index after loading the first audit, as migration 001 defined it, and approximate search finds the chunks', async () => {
    const rows = await chunkRows(database, 'aud_bulk_first', 40);
    // 40 rows stand for a large load here (the real threshold is rebuildFromRows).
    const load = await beginVectorIndexLoad(database, rows.length, { fromRows: 40 });
    expect(load.rebuilds).toBe(true);
    expect(await vectorIndexDefinition(database)).toBeNull();
    await insertChunks(database.pool, rows);
    await load.finish();
    expect(original).toContain('USING hnsw (embedding vector_cosine_ops)');
    expect(await vectorIndexDefinition(database)).toBe(original);
    const query = rows[7]!;
    const [best] = await hybridSearch(database.pool, { auditId: 'aud_bulk_first', query: query.text, queryEmbedding: query.embedding, k: 1, mode: 'approximate' });
    expect(best?.text).toBe(query.text);
  });

  it('keeps the index live for an audit small beside what the store holds', async () => {
    const rows = await chunkRows(database, 'aud_bulk_small', 5);
    const load = await beginVectorIndexLoad(database, rows.length, { fromRows: 1 });
    expect(load.rebuilds).toBe(false);
    expect(await vectorIndexDefinition(database)).toBe(original);
    await insertChunks(database.pool, rows);
    await load.finish();
    expect(await vectorIndexDefinition(database)).toBe(original);
  });

  it('builds a lost index again at the next load', async () => {
    await database.pool.query('drop index chunks_embedding_hnsw');
    const load = await beginVectorIndexLoad(database, 1);
    await load.finish();
    expect(await vectorIndexDefinition(database)).toBe(original);
  });
});

describe('when to rebuild the vector index', () => {
  it('rebuilds only on the embedded database, only for a large load, and only while the stored rows are at most twice the new ones', () => {
    expect(shouldRebuildVectorIndex('pglite', 0, 1000)).toBe(true);
    expect(shouldRebuildVectorIndex('pglite', 2000, 1000)).toBe(true);
    expect(shouldRebuildVectorIndex('pglite', 2001, 1000)).toBe(false);
    expect(shouldRebuildVectorIndex('pglite', 0, 0)).toBe(false);
    expect(shouldRebuildVectorIndex('pglite', 0, rebuildFromRows - 1)).toBe(false);
    expect(shouldRebuildVectorIndex('postgres', 0, 1000)).toBe(false);
  });
});
