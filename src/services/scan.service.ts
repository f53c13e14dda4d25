import type { Logger } from 'pino';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { nextScanStatus } from '../domain/scan-status.js';
import type { AuditEventRecord, RequestMeta, UploadRecord } from '../domain/records.js';
import { AppError } from '../errors/app-error.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { QueuePayloads } from '../jobs/queues.js';
import type { UploadRepository } from '../repositories/upload.repository.js';
import type { Scanner } from '../scanner/scanner.js';
import type { StorageDriver } from '../storage/storage-driver.js';
import type { AuditService } from './audit.service.js';
import type { AuthService, Principal } from './auth.service.js';
import type { FollowUpHandler } from './follow-ups.js';
import type { LinkService } from './link.service.js';
import { isUuid } from './validation.js';

/** The outcome of one scan job. */
export type ScanOutcome = 'clean' | 'infected' | 'gone' | 'not_pending';

/**
 * Virus scanning: which events enqueue a scan (the follow-up handler), the scan job's body, and the
 * operator's rescan. A verdict is written only after a complete scan; anything else throws, which
 * leaves the upload `pending` and lets the queue retry.
 */
export class ScanService {
  constructor(
    private readonly deps: {
      auth: AuthService;
      links: LinkService;
      audit: AuditService;
      uploads: UploadRepository;
      unitOfWork: UnitOfWork;
      jobQueue: JobQueue;
      storage: StorageDriver | null;
      /** null: no scanner configured, uploads stay `skipped`. */
      scanner: Scanner | null;
      logger: Logger;
    },
  ) {}

  get configured(): boolean {
    return this.deps.scanner !== null;
  }

  /** Enqueues a scan in the transaction of the event that calls for one (an arrival, a rescan). */
  readonly followUp: FollowUpHandler = async (event: AuditEventRecord, tx: Tx) => {
    if (!this.deps.scanner || !event.uploadId) return;
    const reason = event.type === 'upload.received' ? 'received' : event.type === 'upload.rescan_requested' ? 'rescan' : null;
    if (!reason) return;
    await this.deps.jobQueue.send('scan-upload', { uploadId: event.uploadId, reason }, tx);
  };

  /** The scan job: streams the object from storage to the scanner and records the verdict. */
  async scanUpload(job: QueuePayloads['scan-upload'], signal?: AbortSignal): Promise<ScanOutcome> {
    const { scanner, storage, uploads, unitOfWork, audit } = this.deps;
    if (!scanner || !storage) throw new AppError('scanner_not_configured', 'A scan job ran on a process without a scanner or storage.');
    const before = await uploads.findById(job.uploadId);
    if (!before) return 'gone'; // deleted while it waited: nothing left to scan
    if (before.scanStatus !== 'pending') return 'not_pending';
    const object = await storage.open(before.storageKey);
    let verdict;
    try {
      verdict = await scanner.scan(object.stream, signal);
    } finally {
      object.stream.destroy();
    }
    const scannedAt = new Date();
    return unitOfWork.run(async (tx) => {
      const upload = await uploads.lockById(tx, job.uploadId);
      if (!upload) return 'gone';
      const status = nextScanStatus(upload.scanStatus, verdict.status === 'clean' ? 'verdict_clean' : 'verdict_infected');
      if (!status) return 'not_pending';
      await uploads.setScanState(tx, upload.id, { status, signature: verdict.signature, engine: verdict.engine, scannedAt });
      await audit.record(
        {
          type: verdict.status === 'clean' ? 'upload.scanned' : 'upload.infected',
          workspaceId: upload.workspaceId,
          linkId: upload.linkId,
          uploadId: upload.id,
          actor: { kind: 'system', id: null },
          meta: null,
          detail: { scan_status: status, signature: verdict.signature, engine: verdict.engine, reason: job.reason, scanned_at: scannedAt.toISOString() },
        },
        tx,
      );
      if (status === 'infected') this.deps.logger.warn({ uploadId: upload.id, signature: verdict.signature }, 'an upload is infected; it stays quarantined until deleted');
      return verdict.status;
    });
  }

  /** Makes a scanned upload pending again and enqueues its scan (after a signature update). */
  async requestRescan(principal: Principal, workspaceId: string, linkId: string, uploadId: string, meta: RequestMeta): Promise<UploadRecord> {
    const link = await this.deps.links.require(principal, workspaceId, linkId);
    if (!this.deps.scanner) throw new AppError('scanner_not_configured');
    const rescanned = !isUuid(uploadId)
      ? null
      : await this.deps.unitOfWork.run(async (tx) => {
          const upload = await this.deps.uploads.lockById(tx, uploadId);
          if (!upload || upload.linkId !== link.id) return null;
          const status = nextScanStatus(upload.scanStatus, 'rescan_requested') ?? upload.scanStatus;
          await this.deps.uploads.markPending(tx, upload.id);
          await this.deps.audit.record(
            {
              type: 'upload.rescan_requested',
              workspaceId: upload.workspaceId,
              linkId: upload.linkId,
              uploadId: upload.id,
              actor: this.deps.auth.actorOf(principal),
              meta,
              detail: { previous_scan_status: upload.scanStatus },
            },
            tx,
          );
          return { ...upload, scanStatus: status };
        });
    if (!rescanned) throw new AppError('not_found', 'No upload has this id on this link.');
    return rescanned;
  }

  /** At start: warn when clamd would refuse a stream of the largest accepted upload. */
  async warnAboutStreamLimit(maxUploadBytes: number): Promise<void> {
    const accepts = await this.deps.scanner?.acceptsStreamOf(maxUploadBytes).catch(() => null);
    if (accepts === false) {
      this.deps.logger.warn(
        { maxUploadBytes },
        "clamd's StreamMaxLength is below MAX_UPLOAD_BYTES: the largest uploads can never be scanned and stay pending; raise StreamMaxLength in clamd.conf",
      );
    }
  }
}
