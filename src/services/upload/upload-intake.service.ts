import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline, Writable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { UnitOfWork } from '../../db/unit-of-work.js';
import { ACCEPTED_MIME_TYPES, type AcceptedType, findAcceptedType } from '../../domain/content-policy.js';
import { parseFilename, storedFilename } from '../../domain/filename.js';
import type { ScanStatus } from '../../domain/scan-status.js';
import { computeLinkStatus } from '../../domain/link-status.js';
import type { LinkRecord, RequestMeta, UploadRecord } from '../../domain/records.js';
import { isWellFormedLinkToken, sha256Hex } from '../../domain/secrets.js';
import { AppError } from '../../errors/app-error.js';
import type { LinkRepository } from '../../repositories/link.repository.js';
import type { UploadRepository } from '../../repositories/upload.repository.js';
import type { UploadReservationRepository } from '../../repositories/upload-reservation.repository.js';
import type { StorageDriver } from '../../storage/storage-driver.js';
import { uploadObjectKey } from '../../storage/storage-keys.js';
import type { AuditService } from '../audit.service.js';
import type { PublicRateLimits } from '../rate-limit/public-rate-limits.js';
import type { EventPublisher } from '../webhooks/event-publisher.js';
import { linkExhausted } from '../webhooks/link-notifications.js';
import { UploadInspector } from './upload-inspector.js';

/**
 * A file as a face describes it, whatever carried the description (headers, a multipart part, tus
 * metadata): the name already decoded to text, the declared type, the announced size if any.
 */
export interface FileOffer {
  filename: string | undefined;
  contentType: string | undefined;
  declaredSize: number | undefined;
  /** How the face's caller names these fields, for refusals ("the x-amigo-intake-filename header"). */
  fieldNames?: { filename: string; contentType: string };
}

/** A link that passed every check its token alone decides, ready to take files. */
export interface OpenLink {
  link: LinkRecord;
  /** When the upload began: expiry is judged against this moment, also at commit. */
  startedAt: Date;
  storage: StorageDriver;
  meta: RequestMeta;
}

/** An upload that passed every check that needs no body. */
export interface AdmittedUpload extends OpenLink {
  filename: string;
  type: AcceptedType;
}

/**
 * A file that arrived whole on the server's disk and was hashed and text-checked as it arrived
 * (a resumable upload finishing in the process that received all its bytes).
 */
export interface ReceivedFile {
  sha256: string;
  sizeBytes: number;
  /** No byte of the file is one a text file never holds. */
  onlyText: boolean;
  /** Where it lies, complete and fsynced, for a storage that can adopt it (`StorageDriver.adoptFile`). */
  path: string;
  /** Its first SNIFF_BYTES (the head UploadInspector verifies). */
  head(): Readable;
  /** All its bytes. */
  read(): Readable;
}

const DEFAULT_FIELD_NAMES = { filename: 'The filename', contentType: 'The file type' };

/**
 * Receives customers' files, whatever face they come through. The order of the checks is the
 * contract's: rate limits, token shape (400), link state (404/410/429), storage configured (503)
 * in `openLink`; filename and type (422), announced size (413) in `admitFile`; all before a byte of
 * the body is read. Then `store` makes one streaming pass that measures, hashes and checks the file
 * on its way to storage, and only a complete, verified object gets a row and takes a slot.
 */
export class UploadIntakeService {
  constructor(
    private readonly deps: {
      links: LinkRepository;
      uploads: UploadRepository;
      reservations: UploadReservationRepository;
      unitOfWork: UnitOfWork;
      audit: AuditService;
      rateLimits: PublicRateLimits;
      storage: StorageDriver | null;
      maxUploadBytes: number;
      /** `pending` when a scanner is configured (its follow-up enqueues the scan), else `skipped`. */
      initialScanStatus: ScanStatus;
      logger: Logger;
      /** Publishes link.exhausted when an upload takes the last slot (absent: nothing is published). */
      publisher?: EventPublisher;
    },
  ) {}

  /** The checks the link token alone decides, the caller's rate limit first. Refusals throw AppErrors. */
  async openLink(linkToken: string, meta: RequestMeta): Promise<OpenLink> {
    await this.deps.rateLimits.checkCaller(null, meta.clientIp);
    return this.openLinkForCountedCaller(linkToken, meta);
  }

  /**
   * `openLink` for a request whose caller was already counted (the /graphql gate counts every request,
   * with or without a key): counting it again would spend two of the address's requests on one upload.
   */
  async openLinkForCountedCaller(linkToken: string, meta: RequestMeta): Promise<OpenLink> {
    const { links, rateLimits } = this.deps;
    if (!isWellFormedLinkToken(linkToken)) throw new AppError('invalid_link_token');
    await rateLimits.checkUploadToken(linkToken);
    const link = await links.findByTokenHash(sha256Hex(linkToken));
    const startedAt = new Date();
    if (!link) throw new AppError('link_not_found');
    assertAcceptsUploads(link, startedAt);
    return { link, startedAt, storage: this.storageDriver(), meta };
  }

  /** The configured storage; `upload_service_not_configured` when there is none. */
  storageDriver(): StorageDriver {
    if (!this.deps.storage) throw new AppError('upload_service_not_configured');
    return this.deps.storage;
  }

  /** The checks the file's description decides (name, declared type, announced size). */
  admitFile(open: OpenLink, offer: FileOffer): AdmittedUpload {
    const { maxUploadBytes } = this.deps;
    const names = offer.fieldNames ?? DEFAULT_FIELD_NAMES;
    if (offer.filename === undefined || offer.filename.trim() === '') {
      throw new AppError('invalid_filename', `${capitalize(names.filename)} is required.`);
    }
    const filename = parseFilename(offer.filename);
    const type = findAcceptedType(offer.contentType);
    if (!type) {
      const accepted = ACCEPTED_MIME_TYPES.join(', ');
      throw new AppError(
        'unsupported_content_type',
        offer.contentType
          ? `Files of type ${JSON.stringify(offer.contentType.slice(0, 100))} are not accepted. Accepted types: ${accepted}.`
          : `${capitalize(names.contentType)} is required. Accepted types: ${accepted}.`,
      );
    }
    if (offer.declaredSize !== undefined && offer.declaredSize > maxUploadBytes) {
      throw new AppError('file_too_large', `The file is larger than the limit of ${maxUploadBytes} bytes.`);
    }
    if (offer.declaredSize === 0) throw new AppError('empty_file');
    return { ...open, filename: storedFilename(filename, type), type };
  }

  /**
   * Streams an admitted upload to storage and records it. With `reservationId` (a resumable upload
   * finishing) the slot held since creation becomes the upload instead of a new slot being taken;
   * with `uploadId` (fixed up front by an idempotency claim) the upload gets that id.
   */
  async store(admitted: AdmittedUpload, body: Readable, options: { reservationId?: string; uploadId?: string | undefined } = {}): Promise<UploadRecord> {
    const uploadId = options.uploadId ?? randomUUID();
    const { link, storage } = admitted;
    const key = uploadObjectKey(link.workspaceId, uploadId);
    const inspector = new UploadInspector(admitted.type, this.deps.maxUploadBytes);
    // The inspector turns a failing body (client hang-up) into an AppError; the driver rethrows it.
    // pipeline() here, not pipeInto(): a refusal must stop a request body without closing its
    // socket (the answer still has to go out), which pipeline does for a server request.
    pipeline(body, inspector, () => undefined);
    const written = storage.write(key, inspector, { contentType: admitted.type.mime });
    // Awaited in every path below; observed here so a failure while the database works is not unhandled.
    written.catch(() => undefined);
    // Once the last byte has passed the inspector (hashed, measured, checked), the database work
    // starts while storage is still making the object durable (the file's fsync, the rename, the
    // folder's fsync); the transaction waits for that before it takes the slot and commits, so no
    // committed row ever names an object that is not durable.
    await Promise.race([new Promise((resolve) => inspector.once('end', resolve)), written]);
    const { sha256, sizeBytes } = inspector.result();
    try {
      return await this.commit(admitted, { uploadId, key, sha256, sizeBytes }, options.reservationId, written);
    } catch (error) {
      // A failed write removed its own partial file: nothing to clean up, and its error is the answer.
      const stored = await written.then(
        () => true,
        () => false,
      );
      if (stored) await this.removeIfRefused(storage, key, error);
      throw error;
    }
  }

  /**
   * `store` for a file whose hash and text check were computed as it arrived: the same checks (the
   * inspector on the head, where the magic bytes are; the text check and the size over the whole
   * file), the same commit, without reading the file again. The storage adopts the file when it
   * can (a hard link on the local disk) instead of a copy. A text type with a binary byte somewhere
   * goes through `store`'s full pass, which refuses it in its own words.
   */
  async storeReceived(admitted: AdmittedUpload, received: ReceivedFile, options: { reservationId?: string } = {}): Promise<UploadRecord> {
    if (!received.onlyText && admitted.type.detectedAs.length === 0) return this.store(admitted, received.read(), options);
    const { maxUploadBytes } = this.deps;
    if (received.sizeBytes > maxUploadBytes) throw new AppError('file_too_large', `The file is larger than the limit of ${maxUploadBytes} bytes.`);
    if (received.sizeBytes === 0) throw new AppError('empty_file', 'The file is empty.');
    await this.inspectHead(admitted, received.head());
    const uploadId = randomUUID();
    const { link, storage } = admitted;
    const key = uploadObjectKey(link.workspaceId, uploadId);
    const adopted = (await storage.adoptFile?.(key, received.path)) ?? false;
    if (!adopted) await storage.write(key, received.read(), { contentType: admitted.type.mime });
    try {
      return await this.commit(admitted, { uploadId, key, sha256: received.sha256, sizeBytes: received.sizeBytes }, options.reservationId, Promise.resolve());
    } catch (error) {
      await this.removeIfRefused(storage, key, error);
      throw error;
    }
  }

  /**
   * After a failed commit. A refusal (an AppError) rolled the transaction back, so the object is ours
   * to remove. Any other failure may have come after the database committed: deleting then could
   * leave a row without its object, so the object is left to the orphan sweep, which spares named objects.
   */
  private async removeIfRefused(storage: StorageDriver, key: string, error: unknown): Promise<void> {
    if (!(error instanceof AppError)) return;
    await storage.delete(key).catch((cleanupError: unknown) =>
      this.deps.logger.warn({ err: cleanupError, key }, 'could not remove the object of a refused upload; the orphan sweep will'),
    );
  }

  /**
   * Runs the first bytes of a file that is still arriving through the same content checks as a
   * whole file (magic bytes, text-only CSV), so a mismatch ends a long upload at its start.
   */
  async inspectHead(admitted: AdmittedUpload, head: Readable): Promise<void> {
    const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await pipelineAsync(head, new UploadInspector(admitted.type, this.deps.maxUploadBytes), discard);
  }

  /**
   * In one transaction: find the original of a duplicate, audit the upload, wait until its object is
   * durable, then take a slot and insert the row, and commit. The audit row and its follow-ups go in
   * before the slot so their round trips overlap the storage's fsyncs, and so the link's row, locked
   * by the slot's update until the commit, is held for as short a time as before (concurrent uploads
   * to one link queue on it). A refusal at the slot rolls back the audit row with the rest.
   */
  private async commit(
    admitted: AdmittedUpload,
    stored: { uploadId: string; key: string; sha256: string; sizeBytes: number },
    reservationId: string | undefined,
    written: Promise<void>,
  ): Promise<UploadRecord> {
    const { links, uploads, reservations, unitOfWork, audit } = this.deps;
    return unitOfWork.run(async (tx) => {
      // The (workspace, sha256) lock comes first and the clock is read only once it is held, so the
      // original found here was always received before this copy (identical files arriving together).
      const duplicateOf = await uploads.lockAndFindEarliestBySha256(tx, admitted.link.workspaceId, stored.sha256);
      const receivedAt = new Date();
      const fields = {
        id: stored.uploadId,
        linkId: admitted.link.id,
        filename: admitted.filename,
        contentType: admitted.type.mime,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        receivedAt,
        scanStatus: this.deps.initialScanStatus,
        scanSignature: null,
        scanEngine: null,
        scannedAt: null,
        storageKey: stored.key,
        duplicateOf,
      };
      await audit.record(
        {
          type: 'upload.received',
          workspaceId: admitted.link.workspaceId,
          linkId: admitted.link.id,
          uploadId: fields.id,
          actor: { kind: 'customer', id: null },
          meta: admitted.meta,
          detail: {
            filename: fields.filename,
            content_type: fields.contentType,
            size_bytes: fields.sizeBytes,
            sha256: fields.sha256,
            scan_status: fields.scanStatus,
            duplicate_of: duplicateOf?.id ?? null,
          },
        },
        tx,
      );
      await written;
      // A new slot and the row go in one statement (the row only when the slot was taken); a
      // resumable upload's held slot is turned into the upload first, then the row is inserted.
      const link = reservationId
        ? (await reservations.commit(tx, reservationId, receivedAt)) && admitted.link
        : await links.takeUploadSlotRecording(tx, fields, admitted.startedAt);
      if (!link) {
        if (reservationId) throw new AppError('link_not_found'); // revoked meanwhile, or the slot was swept
        const current = await links.findById(admitted.link.id, tx);
        if (current) assertAcceptsUploads(current, admitted.startedAt);
        throw new AppError('link_not_found');
      }
      const upload: UploadRecord = { ...fields, linkId: link.id, workspaceId: link.workspaceId, customerSlug: link.customerSlug };
      if (reservationId) await uploads.insert(tx, upload);
      // The upload that fills the link is the moment it becomes exhausted: announced with it.
      if (link.uploadCount >= link.maxUploads) await this.deps.publisher?.publish(tx, link.workspaceId, link.id, linkExhausted(link, receivedAt));
      return upload;
    });
  }
}

// An upload that began before the link expired may finish after it: a customer on a slow line
// should not lose a file to the clock. Revocation and the slot count are checked at commit time.
export function assertAcceptsUploads(link: LinkRecord, startedAt: Date): void {
  switch (computeLinkStatus(link, startedAt)) {
    case 'revoked':
      throw new AppError('link_not_found');
    case 'expired':
      throw new AppError('link_expired');
    case 'exhausted':
      throw new AppError('upload_limit_reached');
    case 'active':
      return;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
