import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { openDatabase } from '../db/database.js';
import { JobQueue } from '../jobs/job-queue.js';
import { createLogger } from '../logger.js';

// `npm run migrate`: applies the checked-in migrations (the server also does this at start) and exits.
// Idempotent: migrations already applied are skipped.
try {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  const database = await openDatabase(config, logger);
  // The job queue's schema is pg-boss's to install and upgrade; opening it once does both.
  const jobQueue = await JobQueue.open(database.url, { background: false, logger });
  await jobQueue.close();
  const executed = await database.orm.migrator.getExecuted();
  logger.info({ applied: executed.map((m) => m.name) }, 'database schema is up to date');
  await database.close();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
