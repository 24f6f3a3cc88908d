/**
 * `stancewatch tokens create|list|revoke`: API tokens for the HTTP service. A token's secret is
 * printed once, at creation; only its sha256 is stored.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../infra/config.js';
import { openConfiguredDatabase, type Database } from '../infra/database/open-database.js';
import { apiTokenRoles, createApiToken, listApiTokens, revokeApiToken, type ApiTokenRole } from '../infra/database/repositories/api-tokens.js';
import { StanceWatchError } from '../infra/errors.js';

export interface TokensCommandDependencies {
  /** Opens the database the tokens live in; defaults to the configured one. */
  readonly openDatabase?: () => Promise<Database>;
  readonly output?: Pick<NodeJS.WriteStream, 'write'>;
}

function parseRole(value: string): ApiTokenRole {
  if (!(apiTokenRoles as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${apiTokenRoles.join(', ')}`);
  return value as ApiTokenRole;
}

function parseName(value: string): string {
  const name = value.trim();
  if (name.length === 0 || name.length > 100) throw new InvalidArgumentError('expected a name of 1 to 100 characters');
  return name;
}

export function createTokensCommand(dependencies: TokensCommandDependencies = {}): Command {
  const open = dependencies.openDatabase ?? (() => openConfiguredDatabase(loadConfig()));
  const output = dependencies.output ?? process.stdout;
  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await open();
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }
  const tokens = new Command('tokens').description('Create, list and revoke API tokens for the HTTP service.');
  tokens
    .command('create')
    .description('Create a token and print its secret (shown only this once).')
    .requiredOption('--name <name>', 'who or what uses the token', parseName)
    .requiredOption('--role <role>', `one of ${apiTokenRoles.join(', ')}`, parseRole)
    .option('--json', 'print {id, name, role, token} as JSON', false)
    .action(async (options: { name: string; role: ApiTokenRole; json: boolean }) => {
      const { token, secret } = await withDatabase((database) => createApiToken(database.pool, { name: options.name, role: options.role }));
      if (options.json) {
        output.write(`${JSON.stringify({ id: token.id, name: token.name, role: token.role, token: secret })}\n`);
        return;
      }
      output.write(`Created ${token.role} token ${token.id} ("${token.name}"). Its secret, shown only now:\n\n  ${secret}\n\nSend it as "Authorization: Bearer <secret>".\n`);
    });
  tokens
    .command('list')
    .description('List tokens (never their secrets).')
    .option('--json', 'print JSON', false)
    .action(async (options: { json: boolean }) => {
      const rows = await withDatabase((database) => listApiTokens(database.pool));
      if (options.json) {
        output.write(`${JSON.stringify(rows)}\n`);
        return;
      }
      if (rows.length === 0) {
        output.write('No tokens yet; create one with "stancewatch tokens create --name <name> --role <role>".\n');
        return;
      }
      for (const row of rows) {
        const state = row.revokedAt ? `revoked ${row.revokedAt}` : `last used ${row.lastUsedAt ?? 'never'}`;
        output.write(`${row.id}  ${row.role.padEnd(9)}  ${row.name}  (created ${row.createdAt}; ${state})\n`);
      }
    });
  tokens
    .command('revoke')
    .description('Revoke a token by id; requests with it are refused from now on.')
    .argument('<id>', 'the token id, e.g. tok_…')
    .action(async (id: string) => {
      const revoked = await withDatabase((database) => revokeApiToken(database.pool, id));
      if (!revoked) throw new StanceWatchError('token_not_found', `No active token with id "${id}"; see "stancewatch tokens list".`, 404);
      output.write(`Revoked ${id}.\n`);
    });
  return tokens;
}
