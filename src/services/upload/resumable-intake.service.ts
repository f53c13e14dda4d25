import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { UnitOfWork } from '../../db/unit-of-work.js';
import type { LinkRecord, RequestMeta, UploadRecord } from '../../domain/records.js';
import { isWellFormedLinkToken, sha256Hex } from '../../domain/secrets.js';
import { AppError } from '../../errors/app-error.js';
import type { LinkRepository } from '../../repositories/link.repository.js';
import type { ReservationRecord, UploadReservationRepository } from '../../repositories/upload-reservation.repository.js';
import { isUuid } from '../validation.js';
import { assertAcceptsUploads, type AdmittedUpload, type FileOffer, type OpenLink, type ReceivedFile, type UploadIntakeService } from './upload-intake.service.js';

/** How long an unfinished upload lives after its last bytes arrived. */
export const RESUMABLE_UPLOAD_TTL_MS = 24 * 60 * 60_000;

// Refusals that are the file's fault: the upload can never succeed, so its slot goes back.
// Anything else (storage down, database down) leaves the slot held so the finish can be retried
// until the upload expires.
const FINAL_REFUSALS = new Set(['content_type_mismatch', 'file_too_large', 'empty_file', 'invalid_filename', 'unsupported_content_type', 'upload_incomplete', 'link_not_found']);

/**
 * Uploads that arrive over several requests (tus). Creation passes the very checks of the raw route
 * (UploadIntakeService.openLink and admitFile) and holds a slot; every later request proves the same
 * link token; the finish re-derives the admission from the stored description and stores through
 * UploadIntakeService.store, so the file is checked, hashed, deduplicated and audited as any other.
 */
export class ResumableIntakeService {
  constructor(
    private readonly deps: {
      intake: UploadIntakeService;
      links: LinkRepository;
      reservations: UploadReservationRepository;
      unitOfWork: UnitOfWork;
      logger: Logger;
    },
  ) {}

  /** Admits a new upload and holds a slot for it; returns when it expires unless bytes arrive. */
  async create(linkToken: string, meta: RequestMeta, offer: FileOffer, uploadId: string): Promise<{ expiresAt: Date }> {
    const open = await this.deps.intake.openLink(linkToken, meta);
    this.deps.intake.admitFile(open, offer);
    const expiresAt = new Date(open.startedAt.getTime() + RESUMABLE_UPLOAD_TTL_MS);
    const reservation = { id: uploadId, linkId: open.link.id, createdAt: open.startedAt, expiresAt };
    const held = await this.deps.unitOfWork.run((tx) => this.deps.reservations.reserve(tx, reservation));
    if (!held) {
      // Another upload took the last slot (or the link changed) since openLink read it: say why.
      const current = await this.deps.links.findById(open.link.id);
      if (current) assertAcceptsUploads(current, open.startedAt);
      throw new AppError('upload_limit_reached');
    }
    return { expiresAt };
  }

  /**
   * A later request on an upload (HEAD, PATCH, DELETE): the token must be the one of the link that
   * holds the upload, the link not revoked, the upload not expired. Returns the link as open since
   * the upload began (an upload begun before the link expired may finish after it).
   *
   * With `extend` (a PATCH), the upload's 24 hours start again in the same statement as the checks,
   * before any byte is read: the expiry sweep never takes the parts of a PATCH under way, however
   * close to its expiry the PATCH began, and the returned reservation carries the new expiry.
   */
  async resume(linkToken: string, uploadId: string, meta: RequestMeta, options: { extend?: boolean } = {}, now = new Date()): Promise<{ open: OpenLink; reservation: ReservationRecord }> {
    if (!isWellFormedLinkToken(linkToken)) throw new AppError('invalid_link_token');
    const tokenSha256 = sha256Hex(linkToken);
    const id = isUuid(uploadId) ? uploadId : null;
    if (options.extend && id !== null) {
      const extended = await this.deps.reservations.extendWithLink(tokenSha256, id, now, new Date(now.getTime() + RESUMABLE_UPLOAD_TTL_MS));
      if (extended?.reservation) return { open: this.openAt(extended.link, extended.reservation.createdAt, meta), reservation: extended.reservation };
      // Not extended: the read below says why.
    }
    const found = await this.deps.reservations.findWithLink(tokenSha256, id);
    if (!found) throw new AppError('link_not_found');
    const { link, reservation } = found;
    if (!reservation) throw new AppError('not_found', 'No unfinished upload has this id on this link.');
    if (link.revokedAt) throw new AppError('link_not_found');
    if (reservation.expiresAt.getTime() <= now.getTime()) throw new AppError('upload_expired');
    // The link just read is the one openAt needs: loaded once per request.
    return { open: this.openAt(link, reservation.createdAt, meta), reservation };
  }

  /**
   * The last byte arrived: checks and stores the assembled file exactly as the raw route does. When
   * the file is refused for good (see `endsUpload`) the slot is released; the face removes the parts.
   */
  async finish(open: OpenLink, uploadId: string, offer: FileOffer, assembled: Readable): Promise<UploadRecord> {
    return this.finishWith(open, uploadId, offer, (admitted) => this.deps.intake.store(admitted, assembled, { reservationId: uploadId }));
  }

  /** `finish` for a file hashed and text-checked as it arrived (UploadIntakeService.storeReceived): no second pass over it. */
  async finishReceived(open: OpenLink, uploadId: string, offer: FileOffer, received: ReceivedFile): Promise<UploadRecord> {
    return this.finishWith(open, uploadId, offer, (admitted) => this.deps.intake.storeReceived(admitted, received, { reservationId: uploadId }));
  }

  /** Admits the offer and stores it one way or the other; a refusal for good releases the slot. */
  private async finishWith(open: OpenLink, uploadId: string, offer: FileOffer, store: (admitted: AdmittedUpload) => Promise<UploadRecord>): Promise<UploadRecord> {
    try {
      return await store(this.deps.intake.admitFile(open, offer));
    } catch (error) {
      if (ResumableIntakeService.endsUpload(error)) await this.release(uploadId);
      throw error;
    }
  }

  /** Checks the first bytes received against the declared type; a mismatch releases the slot. */
  async verifyFirstBytes(open: OpenLink, uploadId: string, offer: FileOffer, head: Readable): Promise<void> {
    try {
      await this.deps.intake.inspectHead(this.deps.intake.admitFile(open, offer), head);
    } catch (error) {
      if (ResumableIntakeService.endsUpload(error)) await this.release(uploadId);
      throw error;
    }
  }

  /** True when the refusal ended the upload for good (its slot is released, its parts may go). */
  static endsUpload(error: unknown): boolean {
    return error instanceof AppError && FINAL_REFUSALS.has(error.code);
  }

  /** Gives the slot back (termination, a refused file, expiry); false when already given back. */
  release(uploadId: string): Promise<boolean> {
    return this.deps.unitOfWork.run((tx) => this.deps.reservations.release(tx, uploadId));
  }

  listExpired(now: Date, limit: number): Promise<ReservationRecord[]> {
    return this.deps.reservations.listExpired(now, limit);
  }

  private openAt(link: LinkRecord, startedAt: Date, meta: RequestMeta): OpenLink {
    // The intake's storage (null: not configured) is what openLink would give; reuse its check.
    const storage = this.deps.intake.storageDriver();
    return { link, startedAt, storage, meta };
  }
}
