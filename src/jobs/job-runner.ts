import type { Logger } from 'pino';
import type { JobQueue, QueuedJob } from './job-queue.js';
import type { QueueName } from './queues.js';

/** A job body bound to its queue: what a worker process runs for each job. */
export interface JobDefinition<N extends QueueName = QueueName> {
  queue: N;
  /** Jobs of this queue run at once in one process. */
  concurrency: number;
  /** Throws to fail the attempt (the queue's policy retries it); returns when the job is done. */
  run(job: QueuedJob<N>): Promise<void>;
}

/**
 * Runs job definitions on the queue in a worker process. Started only when the process has the
 * `worker` role (container/workers.ts); tests and CLIs never start it unless they mean to.
 */
export class JobRunner {
  private readonly started: QueueName[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly logger: Logger,
  ) {}

  async start(definitions: readonly JobDefinition[]): Promise<void> {
    for (const definition of definitions) {
      await this.queue.work(definition.queue, definition.concurrency, async (job) => {
        try {
          await (definition.run as (job: QueuedJob<QueueName>) => Promise<void>)(job);
        } catch (error) {
          this.logger.warn({ err: error, queue: definition.queue, jobId: job.id, retryCount: job.retryCount }, 'job attempt failed; the queue retries it');
          throw error;
        }
      });
      this.started.push(definition.queue);
    }
    this.logger.debug({ queues: this.started }, 'job workers started');
  }

  /** Stops taking jobs and waits for those in progress. */
  async stop(): Promise<void> {
    for (const name of this.started.splice(0)) await this.queue.offWork(name);
  }
}
