import { PgBoss, type Job } from 'pg-boss';
import type { Logger } from 'pino';
import type { Tx } from '../db/unit-of-work.js';
import { QUEUE_NAMES, QUEUE_POLICIES, type QueueName, type QueuePayloads } from './queues.js';

/** pg-boss keeps its tables in a schema of its own, beside ours in the same database. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

export interface JobQueueOptions {
  /** Run pg-boss's maintenance and cron timers in this process (a worker does; a web process need not). */
  background: boolean;
  logger: Logger;
}

/** Per-job send options: a singleton key (see QueuePolicy.policy) and a time before which it does not run. */
export interface SendOptions {
  singletonKey?: string;
  startAfter?: Date;
}

function sendOptions(options: SendOptions) {
  return {
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
  };
}

/** One job as a handler sees it. */
export interface QueuedJob<N extends QueueName> {
  id: string;
  data: QueuePayloads[N];
  /** 0 on the first attempt. */
  retryCount: number;
  signal: AbortSignal;
}

/** Work on jobs waiting or retrying in a queue, for the operator status. */
export interface QueueDepth {
  waiting: number;
  oldestCreatedAt: Date | null;
}

/**
 * The durable job queue (pg-boss on our PostgreSQL). A job is stored in the database, so it
 * survives a crash or restart; it is retried with backoff (QUEUE_POLICIES) and is never lost
 * silently. `send` takes the caller's transaction: the job commits or rolls back with the change
 * it follows.
 */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly logger: Logger,
  ) {}

  /** Connects, installs or upgrades pg-boss's schema, and makes sure every queue exists. */
  static async open(databaseUrl: string, options: JobQueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: JOB_QUEUE_SCHEMA,
      application_name: 'intake-links-jobs',
      max: 4,
      supervise: options.background,
      schedule: options.background,
      migrate: true,
    });
    // Without a listener an 'error' event would crash the process; pg-boss recovers by itself.
    boss.on('error', (error) => options.logger.warn({ err: error }, 'job queue error (it retries by itself)'));
    await boss.start();
    const queue = new JobQueue(boss, options.logger);
    try {
      await queue.ensureQueues();
    } catch (error) {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      throw error;
    }
    return queue;
  }

  /**
   * Enqueues a job inside `tx`: it exists only if the transaction commits. With a `singletonKey` on a
   * `stately` queue, a send while a job of that key is already queued is dropped (null).
   */
  async send<N extends QueueName>(name: N, data: QueuePayloads[N], tx: Tx, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, { db: transactionDb(tx), ...sendOptions(options) });
  }

  /** Enqueues a job outside any transaction, typically to run later (a job re-queuing its own work). */
  async sendLater<N extends QueueName>(name: N, data: QueuePayloads[N], options: SendOptions): Promise<string | null> {
    return this.boss.send(name, data, sendOptions(options));
  }

  /**
   * Enqueues a job not tied to a change (a periodic sweep), at most once per `seconds` slot however
   * many processes ask: the others' sends are dropped (null), so N workers never sweep together.
   */
  async sendThrottled<N extends QueueName>(name: N, data: QueuePayloads[N], seconds: number): Promise<string | null> {
    return this.boss.sendThrottled(name, data, null, seconds, name);
  }

  /**
   * Runs `handler` for the queue's jobs, up to `concurrency` at once in this process. A handler that
   * throws fails the attempt, and the queue's policy retries it. Returns the worker id.
   */
  async work<N extends QueueName>(name: N, concurrency: number, handler: (job: QueuedJob<N>) => Promise<void>): Promise<string> {
    return this.boss.work<QueuePayloads[N]>(
      name,
      { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: 1 },
      async (jobs: Job<QueuePayloads[N]>[]) => {
        for (const job of jobs) await handler({ id: job.id, data: job.data, retryCount: job.retryCount, signal: job.signal });
      },
    );
  }

  /** Stops taking `name`'s jobs and waits for those in progress. */
  async offWork(name: QueueName): Promise<void> {
    await this.boss.offWork(name, { wait: true });
  }

  /** Jobs of `name` waiting, retrying or running, and the oldest one's age. */
  async depth(name: QueueName): Promise<QueueDepth> {
    const result = await this.boss.getDb().executeSql(
      `select count(*)::int as waiting, min(created_on) as oldest from ${JOB_QUEUE_SCHEMA}.job where name = $1 and state in ('created', 'retry', 'active')`,
      [name],
    );
    const row = result.rows[0] as { waiting: number; oldest: Date | null } | undefined;
    return { waiting: row?.waiting ?? 0, oldestCreatedAt: row?.oldest ?? null };
  }

  /** Stops workers (waiting for jobs in progress up to `timeoutMs`) and closes the pool. */
  async close(timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful: true, close: true, timeout: timeoutMs });
  }

  private async ensureQueues(): Promise<void> {
    for (const name of QUEUE_NAMES) {
      const policy = QUEUE_POLICIES[name];
      const options = {
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: policy.retryDelayMaxSeconds > 0,
        ...(policy.retryDelayMaxSeconds > 0 ? { retryDelayMax: policy.retryDelayMaxSeconds } : {}),
        expireInSeconds: policy.expireInSeconds,
        ...(policy.policy ? { policy: policy.policy } : {}),
      };
      // Two processes starting together may both see the queue missing: the loser's create fails.
      if (await this.boss.getQueue(name)) continue;
      try {
        await this.boss.createQueue(name, options);
      } catch (error) {
        if (!(await this.boss.getQueue(name))) throw error;
      }
      this.logger.debug({ queue: name }, 'job queue created');
    }
  }
}

/** pg-boss's database seam over the caller's MikroORM transaction (real bind parameters, its connection). */
function transactionDb(tx: Tx) {
  const kysely = tx.getKysely();
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await kysely.executeQuery({
        sql: text,
        parameters: values ?? [],
        query: { kind: 'RawNode' } as never,
        queryId: { queryId: 'pgboss' },
      });
      return { rows: [...result.rows] };
    },
  };
}
