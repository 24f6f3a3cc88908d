/**
 * A running API for tests: the real app over real HTTP on 127.0.0.1, a database the test owns,
 * and one token per role (plus a revoked one) to call it with.
 */
import type { AnalysisEngine } from '../../agents/engines/contract.js';
import type { AuditSystem } from '../../infra/audit-system.js';
import type { Config } from '../../infra/config.js';
import type { Database } from '../../infra/database/open-database.js';
import { createApiToken, revokeApiToken, type ApiTokenRole } from '../../infra/database/repositories/api-tokens.js';
import { openTestAuditSystem } from '../../test/support/audit-system.js';
import type { AppOptions } from '../app.js';
import { startServer } from '../start-server.js';

export type Credential = 'none' | 'malformed' | 'unknown' | 'revoked' | ApiTokenRole;

export interface ApiHarness {
  readonly url: string;
  readonly system: AuditSystem;
  readonly database: Database;
  /** The Authorization header value for a credential, or undefined for none. */
  authorization(credential: Credential): string | undefined;
  request(path: string, init?: RequestInit & { credential?: Credential }): Promise<Response>;
  close(): Promise<void>;
}

export async function startApiHarness(
  database: Database,
  options: { app?: AppOptions; config?: Partial<Config>; engines?: Partial<Record<'rubric' | 'llm', AnalysisEngine>> } = {},
): Promise<ApiHarness> {
  // Browser rendering is the crawler's concern and slow; the API tests read pages over plain HTTP.
  const system = await openTestAuditSystem(database, {
    config: { browser: 'never', ...options.config },
    ...(options.engines ? { engines: options.engines } : {}),
  });
  const secrets = new Map<Credential, string>();
  for (const role of ['editor', 'reviewer', 'evaluator', 'admin'] as const) {
    secrets.set(role, (await createApiToken(database.pool, { name: `test ${role}`, role })).secret);
  }
  const revoked = await createApiToken(database.pool, { name: 'test revoked', role: 'admin' });
  await revokeApiToken(database.pool, revoked.token.id);
  secrets.set('revoked', revoked.secret);
  secrets.set('unknown', 'swt_thisTokenWasNeverIssuedByAnyoneAtAll0000000');
  const server = await startServer(system, { host: '127.0.0.1', port: 0, log: () => undefined, ...options.app });

  const authorization = (credential: Credential): string | undefined => {
    if (credential === 'none') return undefined;
    if (credential === 'malformed') return 'Token abc';
    return `Bearer ${secrets.get(credential)!}`;
  };
  return {
    url: server.url,
    system,
    database,
    authorization,
    request(path, init = {}) {
      const { credential = 'none', headers, ...rest } = init;
      const merged = new Headers(headers);
      const value = authorization(credential);
      if (value) merged.set('authorization', value);
      return fetch(`${server.url}${path}`, { ...rest, headers: merged });
    },
    async close() {
      await server.close();
      await system.close();
    },
  };
}

/** A POST with a JSON body. */
export function postJson(body: unknown, init: RequestInit & { credential?: Credential } = {}): RequestInit & { credential?: Credential } {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return { ...init, method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
