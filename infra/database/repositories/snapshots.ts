/**
 * Content-addressed snapshots: the extracted text every quote and offset refers to, keyed by its
 * sha256, stored once however many audits read it.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../queryable.js';

export interface Snapshot {
  readonly hash: string;
  readonly text: string;
  readonly html: string | null;
  readonly contentType: string | null;
}

export function snapshotHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Stores a snapshot (a no-op when the same text is already stored) and returns its hash. */
export async function putSnapshot(database: Queryable, snapshot: { text: string; html: string | null; contentType: string | null }): Promise<string> {
  const hash = snapshotHashOf(snapshot.text);
  await database.query(
    'insert into snapshots (hash, text, html, content_type) values ($1, $2, $3, $4) on conflict (hash) do nothing',
    [hash, snapshot.text, snapshot.html, snapshot.contentType],
  );
  return hash;
}

export async function getSnapshot(database: Queryable, hash: string): Promise<Snapshot | null> {
  const { rows } = await database.query<{ hash: string; text: string; html: string | null; content_type: string | null }>(
    'select hash, text, html, content_type from snapshots where hash = $1',
    [hash],
  );
  const row = rows[0];
  return row ? { hash: row.hash, text: row.text, html: row.html, contentType: row.content_type } : null;
}

/**
 * The texts of many snapshots in one query, by hash (hashes not stored are absent). Agents that
 * read every source of an audit use it: one statement instead of one per page, and no HTML.
 */
export async function getSnapshotTexts(database: Queryable, hashes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return new Map();
  const { rows } = await database.query<{ hash: string; text: string }>('select hash, text from snapshots where hash = any($1::text[])', [unique]);
  return new Map(rows.map((row) => [row.hash, row.text]));
}
