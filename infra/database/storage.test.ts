import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverBackend, testBackends } from '../../test/support/databases.js';
import { createLocalEmbedder } from '../../tools/local-embedder.js';
import { insertChunks, type ChunkInput } from '../../tools/evidence-store.js';
import { hybridSearch } from '../../tools/hybrid-retrieval.js';
import { migrate, readMigrations } from './migrate.js';
import type { Database } from './open-database.js';
import { listAgentRuns, listAgentRunsOfAudits, upsertAgentRun } from './repositories/agent-runs.js';
import { createAudit, findCancelledAudits, getAudit, setAuditStatus } from './repositories/audits.js';
import { upsertLab } from './repositories/labs.js';
import { getReportByAudit, listReportVersions, publishReport, sha256Of } from './repositories/reports.js';
import { getSnapshot, putSnapshot, snapshotHashOf } from './repositories/snapshots.js';

const lab = {
  slug: 'lanternfish-labs',
  name: 'Lanternfish Labs',
  country: 'Iceland',
  website: 'https://lanternfish.example',
  kind: 'hybrid' as const,
  focusTags: ['language models'],
  opennessNote: 'Weights open, data closed.',
};

async function seedAudit(database: Database, id: string, idempotencyKey: string | null = null) {
  await upsertLab(database.pool, lab);
  return createAudit(database.pool, { id, labSlug: lab.slug, request: { lab }, engine: { kind: 'rubric' }, appVersion: 'test', idempotencyKey });
}

const embedder = createLocalEmbedder(384);
const passages = [
  { sourceId: 'S01', party: 'first' as const, text: 'We trained the model on 2.1 trillion tokens of licensed and public web text.' },
  { sourceId: 'S01', party: 'first' as const, text: 'Our red team evaluated refusal behaviour on 4,000 adversarial prompts.' },
  { sourceId: 'S02', party: 'first' as const, text: 'The lab was founded in Reykjavik in 2019 by three researchers.' },
  { sourceId: 'S03', party: 'third' as const, text: 'Critics say the training data includes scraped forum posts without consent.' },
];

async function indexPassages(database: Database, auditId: string) {
  const hash = await putSnapshot(database.pool, { text: passages.map((passage) => passage.text).join('\n'), html: null, contentType: 'text/html' });
  const embeddings = await embedder.embed(passages.map((passage) => passage.text));
  let offset = 0;
  const rows: ChunkInput[] = passages.map((passage, ordinal) => {
    const row = { auditId, sourceId: passage.sourceId, snapshotHash: hash, party: passage.party, ordinal, start: offset, end: offset + passage.text.length, text: passage.text, embedding: embeddings[ordinal]! };
    offset += passage.text.length + 1;
    return row;
  });
  await insertChunks(database.pool, rows);
}

describe.each(testBackends)('storage on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('applies migrations once and refuses a migration edited after it shipped', async () => {
    expect(await migrate(database.pool)).toEqual([]);
    const { rows } = await database.pool.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((row) => row.version)).toEqual((await readMigrations()).map((migration) => migration.version));
    await database.pool.query(`update schema_migrations set checksum = 'edited' where version = 1`);
    await expect(migrate(database.pool)).rejects.toThrow(/changed after it was applied/);
    const [first] = await readMigrations();
    await database.pool.query('update schema_migrations set checksum = $1 where version = 1', [first!.checksum]);
  });

  it('stores snapshots once per content, addressed by sha256', async () => {
    const text = 'Lanternfish Labs publishes its model card.';
    const first = await putSnapshot(database.pool, { text, html: '<p>x</p>', contentType: 'text/html' });
    const again = await putSnapshot(database.pool, { text, html: '<p>y</p>', contentType: 'text/html' });
    expect(first).toBe(again);
    expect(first).toBe(snapshotHashOf(text));
    expect((await getSnapshot(database.pool, first))?.html).toBe('<p>x</p>');
  });

  it('publishes numbered, immutable report versions and never publishes an audit twice', async () => {
    await seedAudit(database, 'aud_report_1');
    await seedAudit(database, 'aud_report_2');
    const first = await publishReport(database.pool, { auditId: 'aud_report_1', labSlug: lab.slug, body: '{"a":1}' });
    const repeat = await publishReport(database.pool, { auditId: 'aud_report_1', labSlug: lab.slug, body: '{"a":1}' });
    const second = await publishReport(database.pool, { auditId: 'aud_report_2', labSlug: lab.slug, body: '{"a":2}' });
    expect(first).toEqual({ version: 1, sha256: sha256Of('{"a":1}') });
    expect(repeat).toEqual(first);
    expect(second.version).toBe(2);
    expect((await listReportVersions(database.pool, lab.slug)).map((version) => version.auditId)).toEqual(['aud_report_1', 'aud_report_2']);
    await expect(database.pool.query(`update report_versions set body = '{}' where audit_id = 'aud_report_1'`)).rejects.toThrow(/append-only/);
    await expect(database.pool.query(`delete from report_versions`)).rejects.toThrow(/append-only/);
    expect((await getReportByAudit(database.pool, 'aud_report_1'))?.body).toBe('{"a":1}');
  });

  it('keeps annotations append-only', async () => {
    await seedAudit(database, 'aud_annotated');
    await database.pool.query(
      `insert into annotations (audit_id, target_kind, target_id, author, verdict, body) values ('aud_annotated', 'finding', 'F1', 'reviewer', 'dispute', 'quote is out of context')`,
    );
    await expect(database.pool.query(`update annotations set verdict = 'agree'`)).rejects.toThrow(/append-only/);
  });

  it('counts how many times each agent started, so a redone agent shows', async () => {
    await seedAudit(database, 'aud_runs');
    const at = new Date().toISOString();
    const base = { auditId: 'aud_runs', agent: 'lens:deep-history', at, durationMs: null, detail: null, error: null };
    await upsertAgentRun(database.pool, { ...base, status: 'queued' });
    await upsertAgentRun(database.pool, { ...base, status: 'running' });
    await upsertAgentRun(database.pool, { ...base, status: 'running' });
    await upsertAgentRun(database.pool, { ...base, status: 'succeeded', durationMs: 12, detail: '3 findings' });
    const [run] = await listAgentRuns(database.pool, 'aud_runs');
    expect(run).toMatchObject({ status: 'succeeded', attempts: 2, durationMs: 12, detail: '3 findings' });
  });

  it('lists the agent runs of several audits in one query, each under its audit', async () => {
    await seedAudit(database, 'aud_runs_a');
    await seedAudit(database, 'aud_runs_b');
    const at = new Date().toISOString();
    const run = { at, durationMs: null, detail: null, error: null, status: 'running' as const };
    await upsertAgentRun(database.pool, { ...run, auditId: 'aud_runs_a', agent: 'crawler' });
    await upsertAgentRun(database.pool, { ...run, auditId: 'aud_runs_a', agent: 'indexer' });
    await upsertAgentRun(database.pool, { ...run, auditId: 'aud_runs_b', agent: 'critic' });
    const byAudit = await listAgentRunsOfAudits(database.pool, ['aud_runs_a', 'aud_runs_b', 'aud_runs_none']);
    expect([...byAudit.keys()]).toEqual(['aud_runs_a', 'aud_runs_b', 'aud_runs_none']);
    expect(byAudit.get('aud_runs_a')).toEqual(await listAgentRuns(database.pool, 'aud_runs_a'));
    expect(byAudit.get('aud_runs_a')!.map((each) => each.agent)).toEqual(['crawler', 'indexer']);
    expect(byAudit.get('aud_runs_b')!.map((each) => each.agent)).toEqual(['critic']);
    expect(byAudit.get('aud_runs_none')).toEqual([]);
  });

  it('returns one audit for two launches with the same idempotency key', async () => {
    const first = await seedAudit(database, 'aud_idem_1', 'key-1');
    const second = await seedAudit(database, 'aud_idem_2', 'key-1');
    expect(first).toEqual({ id: 'aud_idem_1', created: true });
    expect(second).toEqual({ id: 'aud_idem_1', created: false });
    expect(await getAudit(database.pool, 'aud_idem_2')).toBeNull();
  });

  it('finds which of several audits are cancelled in one query', async () => {
    await seedAudit(database, 'aud_cancel_a');
    await seedAudit(database, 'aud_cancel_b');
    await seedAudit(database, 'aud_cancel_c');
    await setAuditStatus(database.pool, 'aud_cancel_b', 'cancelled', { error: 'cancelled by an editor' });
    await setAuditStatus(database.pool, 'aud_cancel_c', 'failed', { error: 'boom' });
    expect(await findCancelledAudits(database.pool, ['aud_cancel_a', 'aud_cancel_b', 'aud_cancel_c', 'aud_missing'])).toEqual(['aud_cancel_b']);
    expect(await findCancelledAudits(database.pool, [])).toEqual([]);
  });

  it('finds evidence by meaning and by words, filtered by audit and party', async () => {
    await seedAudit(database, 'aud_search_a');
    await seedAudit(database, 'aud_search_b');
    await indexPassages(database, 'aud_search_a');
    await indexPassages(database, 'aud_search_b');
    const query = 'what training data was the model trained on';
    const [queryEmbedding] = await embedder.embed([query]);
    const hits = await hybridSearch(database.pool, { auditId: 'aud_search_a', query, queryEmbedding: queryEmbedding!, k: 3 });
    expect(hits).toHaveLength(3);
    expect(hits.every((hit) => hit.auditId === 'aud_search_a')).toBe(true);
    expect(hits[0]!.text).toContain('trained the model on 2.1 trillion tokens');
    expect(hits[0]!.vectorRank).not.toBeNull();
    expect(hits[0]!.textRank).not.toBeNull();

    const thirdParty = await hybridSearch(database.pool, { auditId: 'aud_search_a', party: 'third', query, queryEmbedding: queryEmbedding!, k: 5 });
    expect(thirdParty.map((hit) => hit.sourceId)).toEqual(['S03']);

    const approximate = await hybridSearch(database.pool, { auditId: 'aud_search_a', query, queryEmbedding: queryEmbedding!, k: 3, mode: 'approximate' });
    expect(approximate[0]!.chunkId).toBe(hits[0]!.chunkId);
    await expect(hybridSearch(database.pool, { query, queryEmbedding: queryEmbedding!, k: 0 })).rejects.toThrow(/k must be/);
  });

  it("hosts LangGraph's Postgres checkpointer on the same database", async () => {
    const checkpointer = new PostgresSaver(database.pool, undefined, { schema: database.schema });
    await checkpointer.setup();
    const State = Annotation.Root({ count: Annotation<number>({ reducer: (left, right) => left + right, default: () => 0 }) });
    const graph = new StateGraph(State)
      .addNode('increment', () => ({ count: 1 }))
      .addEdge(START, 'increment')
      .addEdge('increment', END)
      .compile({ checkpointer });
    const config = { configurable: { thread_id: `thread-${backend.name}` } };
    await graph.invoke({ count: 1 }, config);
    const state = await graph.getState(config);
    expect(state.values.count).toBe(2);
  });
});

describe.runIf(serverBackend)('concurrent writers on the PostgreSQL server', () => {
  let database: Database;
  beforeAll(async () => {
    database = await serverBackend!.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('loses no rows and numbers every report version exactly once', async () => {
    const writers = 24;
    await upsertLab(database.pool, lab);
    await Promise.all(
      Array.from({ length: writers }, (_, index) =>
        createAudit(database.pool, { id: `aud_race_${index}`, labSlug: lab.slug, request: {}, engine: {}, appVersion: 'test', idempotencyKey: null }),
      ),
    );
    const published = await Promise.all(
      Array.from({ length: writers }, (_, index) => publishReport(database.pool, { auditId: `aud_race_${index}`, labSlug: lab.slug, body: `{"n":${index}}` })),
    );
    expect(published.map((entry) => entry.version).sort((left, right) => left - right)).toEqual(Array.from({ length: writers }, (_, index) => index + 1));
    const idempotent = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createAudit(database.pool, { id: `aud_same_key_${index}`, labSlug: lab.slug, request: {}, engine: {}, appVersion: 'test', idempotencyKey: 'shared-key' }),
      ),
    );
    expect(idempotent.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(idempotent.map((result) => result.id)).size).toBe(1);
    await Promise.all(
      Array.from({ length: writers }, (_, index) =>
        upsertAgentRun(database.pool, { auditId: 'aud_race_0', agent: `agent-${index % 4}`, status: 'running', at: new Date().toISOString(), durationMs: null, detail: null, error: null }),
      ),
    );
    const runs = await listAgentRuns(database.pool, 'aud_race_0');
    expect(runs.reduce((sum, run) => sum + run.attempts, 0)).toBe(writers);
  });
});
