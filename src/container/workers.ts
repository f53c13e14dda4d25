import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Jobs } from './services.js';

/** Background work a server process runs; `stop` waits for the work in progress. */
export interface Workers {
  stop(): Promise<void>;
}

/**
 * Starts the background work. Only a server process calls this (main.ts, through startServer), never
 * a test harness or a CLI that merely builds services.
 */
export function startWorkers(config: Config, logger: Logger, jobs: Jobs): Workers {
  const { orphanSweep, webhookDelivery, linkExpiry } = jobs;
  orphanSweep?.start(config.jobs.orphanSweepIntervalMs);
  webhookDelivery.start();
  linkExpiry.start(config.jobs.linkExpiryCheckMs);
  logger.debug({ orphanSweepIntervalMs: config.jobs.orphanSweepIntervalMs }, 'background workers started');
  return {
    stop: async () => {
      await orphanSweep?.stop();
      await linkExpiry.stop();
      await webhookDelivery.stop();
    },
  };
}
