/**
 * The tokens command as an operator uses it: create prints the secret once, list never shows it,
 * revoke makes the token unusable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../infra/database/open-database.js';
import { findApiTokenBySecret } from '../infra/database/repositories/api-tokens.js';
import { createTokensCommand } from './tokens-command.js';

let database: Database;

beforeAll(async () => {
  database = await openDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** Runs `stancewatch tokens …` against the test database and returns what it printed. */
async function tokens(...args: string[]): Promise<string> {
  let printed = '';
  const command = createTokensCommand({
    // The command closes what it opens; the test keeps its database for the next call.
    openDatabase: async () => ({ ...database, close: async () => undefined }),
    output: { write: (chunk: string | Uint8Array) => ((printed += String(chunk)), true) },
  });
  command.exitOverride();
  command.commands.forEach((sub) => sub.exitOverride().configureOutput({ writeErr: () => undefined }));
  await command.parseAsync(args, { from: 'user' });
  return printed;
}

describe('stancewatch tokens', () => {
  it('creates, lists and revokes a token, showing its secret only once', async () => {
    const token = JSON.parse(await tokens('create', '--name', 'newsroom', '--role', 'editor', '--json')) as { id: string; role: string; token: string };
    expect(token).toMatchObject({ id: expect.stringMatching(/^tok_/), role: 'editor', token: expect.stringMatching(/^swt_/) });
    expect(await findApiTokenBySecret(database.pool, token.token)).toMatchObject({ id: token.id, revokedAt: null });

    const listed = await tokens('list');
    expect(listed).toContain(token.id);
    expect(listed).toContain('newsroom');
    expect(listed).not.toContain(token.token);

    expect(await tokens('revoke', token.id)).toContain(`Revoked ${token.id}`);
    expect((await findApiTokenBySecret(database.pool, token.token))?.revokedAt).not.toBeNull();
    await expect(tokens('revoke', token.id)).rejects.toThrow(/No active token/);
  });

  it('refuses a role that does not exist, naming the ones that do', async () => {
    await expect(tokens('create', '--name', 'x', '--role', 'superuser')).rejects.toThrow(/editor, reviewer, evaluator, admin/);
  });
});
