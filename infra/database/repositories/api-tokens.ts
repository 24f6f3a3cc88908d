/**
 * API tokens: 32 random bytes shown once at creation; only their sha256 is stored, so a leaked
 * database does not leak working tokens. A revoked token stays listed (who had access, until when).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../queryable.js';

export const apiTokenRoles = ['editor', 'reviewer', 'evaluator', 'admin'] as const;
export type ApiTokenRole = (typeof apiTokenRoles)[number];

export interface ApiTokenRow {
  readonly id: string;
  readonly name: string;
  readonly role: ApiTokenRole;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

interface RawApiTokenRow {
  id: string;
  name: string;
  role: ApiTokenRole;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const columns = 'id, name, role, created_at, revoked_at, last_used_at';

function toToken(row: RawApiTokenRow): ApiTokenRow {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** The prefix makes a StanceWatch token recognisable in logs and secret scanners. */
const tokenPrefix = 'swt_';

export function tokenSha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Creates a token; `secret` is returned this once and never stored. */
export async function createApiToken(database: Queryable, token: { name: string; role: ApiTokenRole }): Promise<{ token: ApiTokenRow; secret: string }> {
  const secret = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
  const id = `tok_${randomBytes(8).toString('hex')}`;
  const { rows } = await database.query<RawApiTokenRow>(
    `insert into api_tokens (id, name, role, token_sha256) values ($1, $2, $3, $4) returning ${columns}`,
    [id, token.name, token.role, tokenSha256(secret)],
  );
  return { token: toToken(rows[0]!), secret };
}

/** The token a secret belongs to, revoked or not; null for a secret nobody issued. */
export async function findApiTokenBySecret(database: Queryable, secret: string): Promise<ApiTokenRow | null> {
  const { rows } = await database.query<RawApiTokenRow>(`select ${columns} from api_tokens where token_sha256 = $1`, [tokenSha256(secret)]);
  return rows[0] ? toToken(rows[0]) : null;
}

export async function listApiTokens(database: Queryable): Promise<ApiTokenRow[]> {
  const { rows } = await database.query<RawApiTokenRow>(`select ${columns} from api_tokens order by created_at, id`);
  return rows.map(toToken);
}

/** Revokes a token; false when there is no such token or it was already revoked. */
export async function revokeApiToken(database: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await database.query('update api_tokens set revoked_at = now() where id = $1 and revoked_at is null', [id]);
  return (rowCount ?? 0) > 0;
}

/** Stamps a token as used, at most once a minute, so busy clients do not write on every request. */
export async function touchApiToken(database: Queryable, id: string): Promise<void> {
  await database.query(
    `update api_tokens set last_used_at = now()
     where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [id],
  );
}
