import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import { UnitOfWork } from '../db/unit-of-work.js';
import { LinkExpiryJob } from '../jobs/link-expiry.job.js';
import { OrphanSweepJob } from '../jobs/orphan-sweep.job.js';
import { sweepExpiredTusUploads } from '../jobs/sweep-expired-tus-uploads.js';
import { DurableFileStore, tusPartsDirectory } from '../tus/durable-file-store.js';
import { WebhookDeliveryJob } from '../jobs/webhook-delivery.job.js';
import { ApiKeyRepository } from '../repositories/api-key.repository.js';
import { AuditEventRepository } from '../repositories/audit-event.repository.js';
import { LinkRepository } from '../repositories/link.repository.js';
import { UploadRepository } from '../repositories/upload.repository.js';
import { UploadReservationRepository } from '../repositories/upload-reservation.repository.js';
import { WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository.js';
import { WebhookRepository } from '../repositories/webhook.repository.js';
import { WorkspaceRepository } from '../repositories/workspace.repository.js';
import { ArrivalNoticeRepository } from '../repositories/arrival-notice.repository.js';
import { SmtpMailer } from '../notify/mailer.js';
import { ArrivalNoticeService } from '../services/notify/arrival-notice.service.js';
import { AuditService } from '../services/audit.service.js';
import { AuthService } from '../services/auth.service.js';
import { FollowUps } from '../services/follow-ups.js';
import { LinkService } from '../services/link.service.js';
import { PublicRateLimits } from '../services/rate-limit/public-rate-limits.js';
import type { Services } from '../services/services.js';
import { ResumableIntakeService } from '../services/upload/resumable-intake.service.js';
import { IdempotencyKeyRepository } from '../repositories/idempotency-key.repository.js';
import { UploadIdempotencyService } from '../services/upload/idempotency.service.js';
import { UploadIntakeService } from '../services/upload/upload-intake.service.js';
import { UploadPageService } from '../services/upload/upload-page.service.js';
import { UploadService } from '../services/upload/upload.service.js';
import { EventPublisher } from '../services/webhooks/event-publisher.js';
import { LiveEvents } from '../services/webhooks/live-events.js';
import { notificationOfAuditEvent } from '../services/webhooks/notification-events.js';
import { WebhookService } from '../services/webhooks/webhook.service.js';
import { WorkspaceService } from '../services/workspace.service.js';
import { ScanService } from '../services/scan.service.js';
import { StatusService } from '../services/status.service.js';
import type { Infrastructure } from './infrastructure.js';

/** The bodies of background jobs; workers.ts decides when they run. */
export interface Jobs {
  /** null when no storage is configured (nothing to sweep). */
  orphanSweep: OrphanSweepJob | null;
  /** Removes unfinished resumable uploads 24 hours after their last bytes and frees their slots. */
  tusExpirySweep: (now?: Date) => Promise<number>;
  webhookDelivery: WebhookDeliveryJob;
  linkExpiry: LinkExpiryJob;
  scans: ScanService;
  /** Arrival e-mails (configured only with SMTP_URL). */
  arrivalNotices: ArrivalNoticeService;
}

/**
 * Builds the repositories, services and job bodies over opened infrastructure. Pure construction:
 * nothing here opens a connection, starts a timer or writes a file, so tests and CLIs can build the
 * services they need without side effects.
 */
export function buildServices(config: Config, logger: Logger, infra: Infrastructure): { services: Services; jobs: Jobs; followUps: FollowUps } {
  const { orm } = infra.database;
  const { storage } = infra;
  const unitOfWork = new UnitOfWork(orm);
  const repositories = {
    workspaces: new WorkspaceRepository(orm),
    apiKeys: new ApiKeyRepository(orm),
    links: new LinkRepository(orm),
    uploads: new UploadRepository(orm),
    reservations: new UploadReservationRepository(orm),
    auditEvents: new AuditEventRepository(orm),
    webhooks: new WebhookRepository(orm),
    webhookDeliveries: new WebhookDeliveryRepository(orm),
  };
  const publisher = new EventPublisher(repositories.webhooks, repositories.webhookDeliveries);
  const auth = new AuthService(infra.adminToken.token, repositories.apiKeys, repositories.workspaces);
  // Each feature that reacts to events registers its handler here (see services/follow-ups.ts).
  const followUps = new FollowUps();
  const audit = new AuditService(auth, repositories.auditEvents, followUps);
  // Every audit event of a kind integrators receive goes to the webhook outbox and the live
  // subscriptions, in the transaction of the change.
  followUps.register('notifications', async (event, tx) => {
    const notification = notificationOfAuditEvent(event);
    if (notification) await publisher.publish(tx, event.workspaceId, event.linkId, notification);
  });
  const webhooks = new WebhookService(auth, audit, unitOfWork, repositories.webhooks, repositories.webhookDeliveries, config.webhooks.allowPrivate);
  const links = new LinkService(auth, audit, unitOfWork, repositories.links);
  const rateLimits = new PublicRateLimits(infra.rateLimitStore, config.rateLimits);
  const { scanner, jobQueue } = infra;
  const scans = new ScanService({ auth, links, audit, uploads: repositories.uploads, unitOfWork, jobQueue, storage, scanner, logger });
  followUps.register('scan', scans.followUp);
  const mailer = config.mail ? new SmtpMailer(config.mail.smtpUrl, config.mail.from) : null;
  const arrivalNotices = new ArrivalNoticeService(new ArrivalNoticeRepository(orm), jobQueue, mailer, logger);
  followUps.register('arrival-notices', arrivalNotices.followUp);
  const intake = new UploadIntakeService({
    links: repositories.links,
    uploads: repositories.uploads,
    reservations: repositories.reservations,
    unitOfWork,
    audit,
    rateLimits,
    storage,
    maxUploadBytes: config.uploads.maxBytes,
    initialScanStatus: scanner ? 'pending' : 'skipped',
    logger,
    publisher,
  });
  const services: Services = {
    auth,
    audit,
    links,
    rateLimits,
    webhooks,
    liveEvents: new LiveEvents(infra.listener, logger),
    workspaces: new WorkspaceService(auth, audit, unitOfWork, repositories.workspaces, repositories.apiKeys),
    uploads: new UploadService(auth, links, audit, repositories.uploads, storage, unitOfWork, scanner !== null && (config.scanner?.required ?? false)),
    scans,
    status: new StatusService({ auth, isDatabaseReachable: () => infra.database.isReachable(), scanner, jobQueue, uploads: repositories.uploads }),
    intake,
    resumable: new ResumableIntakeService({ intake, links: repositories.links, reservations: repositories.reservations, unitOfWork, logger }),
    uploadPage: new UploadPageService({
      links: repositories.links,
      uploads: repositories.uploads,
      rateLimits,
      maxUploadBytes: config.uploads.maxBytes,
    }),
    idempotency: new UploadIdempotencyService({
      keys: new IdempotencyKeyRepository(orm),
      links: repositories.links,
      uploads: repositories.uploads,
      logger,
    }),
  };
  // The part store is opened on the first sweep (its constructor creates a folder), not here.
  let parts: DurableFileStore | undefined;
  const jobs: Jobs = {
    orphanSweep: storage ? new OrphanSweepJob(storage, repositories.uploads, logger) : null,
    scans,
    arrivalNotices,
    tusExpirySweep: (now) =>
      sweepExpiredTusUploads({
        resumable: services.resumable,
        parts: (parts ??= new DurableFileStore(tusPartsDirectory(config.dataDir))),
        logger,
        now,
      }),
    webhookDelivery: new WebhookDeliveryJob(
      repositories.webhookDeliveries,
      repositories.webhooks,
      webhooks,
      infra.listener,
      { allowPrivate: config.webhooks.allowPrivate, retryScale: config.webhooks.retryScale, pollMs: 1_000 },
      logger,
    ),
    linkExpiry: new LinkExpiryJob(unitOfWork, repositories.links, publisher, logger),
  };
  return { services, jobs, followUps };
}
