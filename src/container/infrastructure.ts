import type { Logger } from 'pino';
import { resolveAdminToken, type ResolvedAdminToken } from '../config/admin-token.js';
import type { Config } from '../config/load-config.js';
import { openDatabase, type Database } from '../db/database.js';
import { PgListener } from '../db/pg-listener.js';
import { JobQueue } from '../jobs/job-queue.js';
import { createScanner } from '../scanner/create-scanner.js';
import type { Scanner } from '../scanner/scanner.js';
import { MemoryRateLimitStore } from '../services/rate-limit/memory.store.js';
import { PostgresRateLimitStore } from '../services/rate-limit/postgres.store.js';
import type { RateLimitStore } from '../services/rate-limit/rate-limit-store.js';
import { createStorageDriver } from '../storage/create-storage-driver.js';
import type { StorageDriver } from '../storage/storage-driver.js';
import { closeAll, type Closer } from './close-all.js';

/** The technology the services run on: connections and drivers, each with its close. */
export interface Infrastructure {
  database: Database;
  /** null when STORAGE_DRIVER=none. */
  storage: StorageDriver | null;
  rateLimitStore: RateLimitStore;
  /** One LISTEN connection, opened on first use (webhook wake-ups, live subscriptions). */
  listener: PgListener;
  /** The durable job queue (pg-boss) on the same database. */
  jobQueue: JobQueue;
  /** clamd, or null when no scanner is configured. Connects per scan: nothing to close. */
  scanner: Scanner | null;
  adminToken: ResolvedAdminToken;
  /** Releases everything, newest first and the database last, within `deadlineMs`. */
  close(deadlineMs?: number): Promise<void>;
}

const DEFAULT_CLOSE_DEADLINE_MS = 10_000;

/**
 * Opens the database (embedded when DATABASE_URL is unset) and applies migrations, resolves the admin
 * token, and opens the storage driver, rate-limit store and job queue. It starts no background work: that is
 * the workers' part (see workers.ts), which only a server process starts.
 */
export async function openInfrastructure(config: Config, logger: Logger): Promise<Infrastructure> {
  const closers: Closer[] = [];
  const close = (deadlineMs = DEFAULT_CLOSE_DEADLINE_MS) => closeAll(closers, deadlineMs, logger);
  try {
    const database = await openDatabase(config, logger);
    closers.unshift({ name: 'database', close: () => database.close() });
    const listener = new PgListener(database.url, logger);
    closers.unshift({ name: 'LISTEN connection', close: () => listener.close() });
    const adminToken = await resolveAdminToken(config.adminToken, config.dataDir);
    const storage = await createStorageDriver(config.storage);
    if (!storage) logger.warn('STORAGE_DRIVER=none: uploads are refused with 503 upload_service_not_configured');
    const rateLimitStore = await createRateLimitStore(config, database);
    closers.unshift({ name: 'rate-limit store', close: () => rateLimitStore.close() });
    const jobQueue = await JobQueue.open(database.url, { background: config.roles.worker, logger });
    closers.unshift({ name: 'job queue', close: () => jobQueue.close() });
    const scanner = createScanner(config.scanner);
    if (!scanner) logger.info('no virus scanner configured (CLAMAV_HOST or CLAMAV_SOCKET): uploads are not scanned (scan_status skipped)');
    return { database, storage, rateLimitStore, listener, jobQueue, scanner, adminToken, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function createRateLimitStore(config: Config, database: Database): Promise<RateLimitStore> {
  switch (config.rateLimits.store) {
    case 'memory':
      return new MemoryRateLimitStore();
    case 'postgres':
      return new PostgresRateLimitStore(database.orm);
    case 'redis': {
      // Loaded only when used: the Redis client costs ~25 MiB and ~0.2 s at start.
      const { RedisRateLimitStore } = await import('../services/rate-limit/redis.store.js');
      return RedisRateLimitStore.connect(config.rateLimits.redisUrl as string);
    }
  }
}
