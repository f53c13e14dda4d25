import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import { UnitOfWork } from '../db/unit-of-work.js';
import { OrphanSweepJob } from '../jobs/orphan-sweep.job.js';
import { ApiKeyRepository } from '../repositories/api-key.repository.js';
import { AuditEventRepository } from '../repositories/audit-event.repository.js';
import { LinkRepository } from '../repositories/link.repository.js';
import { UploadRepository } from '../repositories/upload.repository.js';
import { WorkspaceRepository } from '../repositories/workspace.repository.js';
import { AuditService } from '../services/audit.service.js';
import { AuthService } from '../services/auth.service.js';
import { LinkService } from '../services/link.service.js';
import { PublicRateLimits } from '../services/rate-limit/public-rate-limits.js';
import type { Services } from '../services/services.js';
import { IdempotencyKeyRepository } from '../repositories/idempotency-key.repository.js';
import { UploadIdempotencyService } from '../services/upload/idempotency.service.js';
import { UploadIntakeService } from '../services/upload/upload-intake.service.js';
import { UploadService } from '../services/upload/upload.service.js';
import { WorkspaceService } from '../services/workspace.service.js';
import type { Infrastructure } from './infrastructure.js';

/** The bodies of background jobs; workers.ts decides when they run. */
export interface Jobs {
  /** null when no storage is configured (nothing to sweep). */
  orphanSweep: OrphanSweepJob | null;
}

/**
 * Builds the repositories, services and job bodies over opened infrastructure. Pure construction:
 * nothing here opens a connection, starts a timer or writes a file, so tests and CLIs can build the
 * services they need without side effects.
 */
export function buildServices(config: Config, logger: Logger, infra: Infrastructure): { services: Services; jobs: Jobs } {
  const { orm } = infra.database;
  const { storage } = infra;
  const unitOfWork = new UnitOfWork(orm);
  const repositories = {
    workspaces: new WorkspaceRepository(orm),
    apiKeys: new ApiKeyRepository(orm),
    links: new LinkRepository(orm),
    uploads: new UploadRepository(orm),
    auditEvents: new AuditEventRepository(orm),
  };
  const auth = new AuthService(infra.adminToken.token, repositories.apiKeys, repositories.workspaces);
  const audit = new AuditService(auth, repositories.auditEvents);
  const links = new LinkService(auth, audit, unitOfWork, repositories.links);
  const rateLimits = new PublicRateLimits(infra.rateLimitStore, config.rateLimits);
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
    idempotency: new UploadIdempotencyService({
      keys: new IdempotencyKeyRepository(orm),
      links: repositories.links,
      uploads: repositories.uploads,
      logger,
    }),
  };
  const jobs: Jobs = { orphanSweep: storage ? new OrphanSweepJob(storage, repositories.uploads, logger) : null };
  return { services, jobs };
}
