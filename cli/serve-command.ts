/**
 * `stancewatch serve` (`npm start`): the HTTP API and the stance pages on HOST:PORT
 * (127.0.0.1:8080 by default) with the embedded defaults. SIGTERM or SIGINT stops accepting
 * requests, ends open connections and closes the database. Without a queue the server runs
 * audits itself: those a previous server left unfinished (it was killed, or stopped mid-audit)
 * are taken over when it starts, and resume from their last checkpoint.
 */
import { Command } from 'commander';
import { describeError } from '../infra/errors.js';

export function createServeCommand(): Command {
  return new Command('serve')
    .description('Serve the HTTP API and the stance pages (HOST/PORT, default 127.0.0.1:8080).')
    .option('--host <host>', 'interface to listen on (overrides HOST)')
    .option('--port <port>', 'port to listen on, 0 for any free one (overrides PORT)')
    .action(async (options: { host?: string; port?: string }) => {
      // Loaded here, not above, so `serve --help` answers without loading the server.
      const [{ openAuditSystem }, { loadConfig }, { describeTakeOver, describeTakeOverDone, takeOverInterruptedAudits }, { startServer }] = await Promise.all([
        import('../system/audit-system.js'),
        import('../infra/config.js'),
        import('../system/interrupted-audits.js'),
        import('../server/start-server.js'),
      ]);
      const config = loadConfig();
      const port = options.port === undefined ? config.port : Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port expects a whole number from 0 to 65535, got "${options.port}"`);
      // Over HTTP a finished audit waits for an editor unless PUBLISH_MODE=auto.
      const system = await openAuditSystem(config, { publishMode: config.publishMode ?? 'review' });
      let server;
      try {
        server = await startServer(system, { host: options.host ?? config.host, port });
      } catch (error) {
        await system.close();
        throw error;
      }
      process.stdout.write(`StanceWatch is serving on ${server.url}/ (API: ${server.url}/api/openapi.json)\n`);
      await takeOverInterruptedAudits(system, (takeOver) => process.stdout.write(`${describeTakeOver(takeOver)}\n`))
        .then((takeOvers) => process.stdout.write(`${describeTakeOverDone(takeOvers)}\n`))
        .catch((error: unknown) => process.stderr.write(`stancewatch: could not take over the audits a previous server left unfinished: ${describeError(error)}\n`));
      const running = server;
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) return;
          stopping = true;
          process.stdout.write(`Received ${signal}; closing.\n`);
          void running
            .close()
            .catch((error: unknown) => process.stderr.write(`stancewatch: while closing the server: ${describeError(error)}\n`))
            .then(() => system.close())
            .catch((error: unknown) => process.stderr.write(`stancewatch: while closing the database: ${describeError(error)}\n`))
            .finally(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
