import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import { askEvery } from '../jobs/ask-every.js';
import { JobRunner, type JobDefinition } from '../jobs/job-runner.js';
import { scanUploadJob } from '../jobs/scan-upload.job.js';
import { arrivalNoticeJob } from '../jobs/arrival-notice.job.js';
import type { Infrastructure } from './infrastructure.js';
import type { Jobs } from './services.js';

/** Background work a server process runs; `stop` waits for the work in progress. */
export interface Workers {
  stop(): Promise<void>;
}

/**
 * Starts the background work when the process has the `worker` role (PROCESS_ROLES). Only a server
 * process calls this (main.ts, through startServer), never a test harness or a CLI that merely
 * builds services.
 */
export async function startWorkers(config: Config, logger: Logger, infra: Infrastructure, jobs: Jobs): Promise<Workers> {
  if (!config.roles.worker) return { stop: async () => undefined };
  const { orphanSweep, webhookDelivery, linkExpiry } = jobs;
  const runner = new JobRunner(infra.jobQueue, logger);
  await runner.start(jobDefinitions(jobs));
  const sweepSeconds = Math.max(1, Math.floor(config.jobs.orphanSweepIntervalMs / 1000));
  // Each sweep is one throttled job per interval across processes; every worker only asks for it.
  const orphanSweepSchedule = orphanSweep
    ? askEvery('orphan sweep', config.jobs.orphanSweepIntervalMs, () => infra.jobQueue.sendThrottled('orphan-sweep', {}, sweepSeconds), logger)
    : null;
  const tusExpirySweep = askEvery('tus expiry sweep', config.jobs.orphanSweepIntervalMs, () => infra.jobQueue.sendThrottled('tus-expiry-sweep', {}, sweepSeconds), logger);
  webhookDelivery.start();
  linkExpiry.start(config.jobs.linkExpiryCheckMs);
  void jobs.scans.warnAboutStreamLimit(config.uploads.maxBytes);
  logger.debug({ orphanSweepIntervalMs: config.jobs.orphanSweepIntervalMs }, 'background workers started');
  return {
    stop: async () => {
      orphanSweepSchedule?.stop();
      tusExpirySweep.stop();
      await linkExpiry.stop();
      await webhookDelivery.stop();
      await runner.stop();
    },
  };
}

/** Every queue's job body; one line per queue. */
function jobDefinitions(jobs: Jobs): JobDefinition[] {
  const definitions: JobDefinition[] = [];
  const { orphanSweep } = jobs;
  if (orphanSweep) definitions.push({ queue: 'orphan-sweep', concurrency: 1, run: async () => void (await orphanSweep.runOnce()) });
  definitions.push({ queue: 'tus-expiry-sweep', concurrency: 1, run: async () => void (await jobs.tusExpirySweep()) });
  if (jobs.scans.configured) definitions.push(scanUploadJob(jobs.scans) as unknown as JobDefinition);
  if (jobs.arrivalNotices.configured) definitions.push(arrivalNoticeJob(jobs.arrivalNotices) as unknown as JobDefinition);
  return definitions;
}
