import type { Logger } from 'pino';
import { adminTokenNotice, resolveAdminToken } from './config/admin-token.js';
import type { Config } from './config/load-config.js';
import { openDatabase, type Database } from './db/database.js';
import { UnitOfWork } from './db/unit-of-work.js';
import { OrphanSweepJob } from './jobs/orphan-sweep.job.js';
import { ApiKeyRepository } from './repositories/api-key.repository.js';
import { AuditEventRepository } from './repositories/audit-event.repository.js';
import { LinkRepository } from './repositories/link.repository.js';
import { UploadRepository } from './repositories/upload.repository.js';
import { WorkspaceRepository } from './repositories/workspace.repository.js';
import { AuditService } from './services/audit.service.js';
import { AuthService } from './services/auth.service.js';
import { LinkService } from './services/link.service.js';
import { MemoryRateLimitStore } from './services/rate-limit/memory.store.js';
import { PostgresRateLimitStore } from './services/rate-limit/postgres.store.js';
import { PublicRateLimits } from './services/rate-limit/public-rate-limits.js';
import type { RateLimitStore } from './services/rate-limit/rate-limit-store.js';
import type { Services } from './services/services.js';
import { UploadIntakeService } from './services/upload/upload-intake.service.js';
import { UploadService } from './services/upload/upload.service.js';
import { WorkspaceService } from './services/workspace.service.js';
import { createStorageDriver } from './storage/create-storage-driver.js';
import type { StorageDriver } from './storage/storage-driver.js';

/** Everything a running server is made of, wired once. */
export interface Container {
  config: Config;
  logger: Logger;
  database: Database;
  storage: StorageDriver | null;
  services: Services;
  orphanSweep: OrphanSweepJob | null;
  /** Stops background work and closes connections (the database last). */
  close(): Promise<void>;
}

/**
 * The hand-written dependency container: opens the database (embedded when DATABASE_URL is unset),
 * applies migrations, picks the storage driver and rate-limit store, and builds the services.
 */
export async function createContainer(config: Config, logger: Logger): Promise<Container> {
  const database = await openDatabase(config, logger);
  const closers: Array<() => Promise<void>> = [() => database.close()];
  try {
    const admin = await resolveAdminToken(config.adminToken, config.dataDir);
    if (admin.generated && admin.file) process.stderr.write(adminTokenNotice(admin.token, admin.file, config.http.port));
    else if (admin.file) logger.info({ file: admin.file }, 'admin token loaded (set ADMIN_TOKEN to choose your own)');

    const storage = await createStorageDriver(config.storage);
    if (!storage) logger.warn('STORAGE_DRIVER=none: uploads are refused with 503 upload_service_not_configured');

    const rateLimitStore = await createRateLimitStore(config, database);
    closers.unshift(() => rateLimitStore.close());

    const { orm } = database;
    const unitOfWork = new UnitOfWork(orm);
    const repositories = {
      workspaces: new WorkspaceRepository(orm),
      apiKeys: new ApiKeyRepository(orm),
      links: new LinkRepository(orm),
      uploads: new UploadRepository(orm),
      auditEvents: new AuditEventRepository(orm),
    };
    const auth = new AuthService(admin.token, repositories.apiKeys, repositories.workspaces);
    const audit = new AuditService(auth, repositories.auditEvents);
    const links = new LinkService(auth, audit, unitOfWork, repositories.links);
    const rateLimits = new PublicRateLimits(rateLimitStore, config.rateLimits);
    const services: Services = {
      auth,
      audit,
      links,
      rateLimits,
      workspaces: new WorkspaceService(auth, unitOfWork, repositories.workspaces, repositories.apiKeys),
      uploads: new UploadService(auth, links, audit, repositories.uploads, storage),
      intake: new UploadIntakeService({
        links: repositories.links,
        uploads: repositories.uploads,
        unitOfWork,
        audit,
        rateLimits,
        storage,
        maxUploadBytes: config.uploads.maxBytes,
        logger,
      }),
    };

    const orphanSweep = storage ? new OrphanSweepJob(storage, repositories.uploads, logger) : null;
    orphanSweep?.start(config.jobs.orphanSweepIntervalMs);
    if (orphanSweep) closers.unshift(() => orphanSweep.stop());

    return {
      config,
      logger,
      database,
      storage,
      services,
      orphanSweep,
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
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
      const { RedisRateLimitStore } = await import('./services/rate-limit/redis.store.js');
      return RedisRateLimitStore.connect(config.rateLimits.redisUrl as string);
    }
  }
}
