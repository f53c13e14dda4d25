import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

// Load config, build the app, listen; nothing else. Stop cleanly on SIGTERM/SIGINT.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const server = await startServer(config, logger, { workers: true });
  logger.info({ url: server.url, storage: config.storage.driver, database: config.databaseUrl ? 'DATABASE_URL' : 'embedded' }, 'intake-links is listening');

  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    server.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // A second signal (an impatient Ctrl+C) exits at once instead of waiting for the drain.
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`intake-links failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
