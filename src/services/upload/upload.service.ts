import type { UnitOfWork } from '../../db/unit-of-work.js';
import type { RequestMeta, UploadRecord } from '../../domain/records.js';
import { AppError } from '../../errors/app-error.js';
import type { ErrorCode } from '../../errors/error-codes.js';
import type { UploadRepository } from '../../repositories/upload.repository.js';
import type { StorageDriver, StoredObject } from '../../storage/storage-driver.js';
import type { AuditService } from '../audit.service.js';
import type { AuthService, Principal } from '../auth.service.js';
import type { LinkService } from '../link.service.js';
import { isUuid } from '../validation.js';
import { PAGE_LIMITS } from '../../domain/link-rules.js';
import { cursorId, invalidCursor, type Page, type PageRequest, pageLimit, toPage } from '../paging.js';

/** A download ready to stream: the audit event is already written. */
export interface OpenedDownload {
  upload: UploadRecord;
  object: StoredObject;
}

/** The operator's side of uploads: listing, downloading (held until clean) and deleting. */
export class UploadService {
  constructor(
    private readonly auth: AuthService,
    private readonly linkService: LinkService,
    private readonly audit: AuditService,
    private readonly uploads: UploadRepository,
    private readonly storage: StorageDriver | null,
    private readonly unitOfWork: UnitOfWork,
    /** SCAN_REQUIRED with a scanner configured: a pending upload is not handed out. */
    private readonly scanRequired: boolean,
  ) {}

  /**
   * A page of a link's uploads, newest first (`limit` default 100, at most 1000; `cursor` the id of the
   * previous page's last upload); `not_found` when the link is not in the workspace. With `whole`
   * and neither limit nor cursor, the whole list (REST's contract: bounded by the link's max_uploads).
   */
  async listForLink(principal: Principal, workspaceId: string, linkId: string, request: PageRequest & { whole?: boolean } = {}): Promise<Page<UploadRecord>> {
    const link = await this.linkService.require(principal, workspaceId, linkId);
    const whole = request.whole === true && (request.limit ?? null) === null && !request.cursor;
    const limit = whole ? link.maxUploads : pageLimit(request);
    return this.pageOfLink(link.id, limit, cursorId(request));
  }

  /** A page of the uploads of a link the caller has already been authorised for (IntakeLink.uploads with a cursor). */
  async pageOfLink(linkId: string, limit: number, cursor: string | undefined): Promise<Page<UploadRecord>> {
    if (cursor !== undefined && !(await this.uploads.findInLink(linkId, cursor))) throw invalidCursor();
    return toPage(await this.uploads.listPageByLink(linkId, limit + 1, cursor), limit);
  }

  /**
   * The first `limit` uploads of each of several links the caller has already been authorised for
   * (GraphQL's IntakeLink.uploads batches through here), grouped by link id, newest first.
   */
  async listForAuthorisedLinks(linkIds: readonly string[], limit: number = PAGE_LIMITS.default): Promise<Map<string, UploadRecord[]>> {
    const byLink = new Map<string, UploadRecord[]>(linkIds.map((id) => [id, []]));
    for (const upload of await this.uploads.listFirstByLinks(linkIds, limit)) byLink.get(upload.linkId)?.push(upload);
    return byLink;
  }

  /**
   * Opens an upload's bytes for an operator. The PHI access is recorded before anything is
   * returned; if it cannot be recorded, nothing is returned (`audit_unavailable`). An infected file
   * (409 `file_infected`), an unscanned one while scanning is required (409 `scan_pending`), another
   * workspace's key (403) and a missing object are refused, and each refusal of an upload that
   * exists is recorded as `upload.download_refused` on its own workspace's trail.
   */
  async openDownload(principal: Principal, workspaceId: string, linkId: string, uploadId: string, meta: RequestMeta): Promise<OpenedDownload> {
    let link;
    try {
      link = await this.linkService.require(principal, workspaceId, linkId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden') await this.recordForbiddenDownload(principal, linkId, uploadId, meta);
      throw error;
    }
    const upload = isUuid(uploadId) ? await this.uploads.findInLink(link.id, uploadId) : null;
    if (!upload) throw new AppError('not_found', 'No upload has this id on this link.');
    if (!this.storage) throw new AppError('upload_service_not_configured', 'File storage is not configured on this server.');
    if (upload.scanStatus === 'infected') await this.refuse(principal, upload, meta, 'file_infected');
    if (upload.scanStatus === 'pending' && this.scanRequired) await this.refuse(principal, upload, meta, 'scan_pending');
    let object: StoredObject;
    try {
      object = await this.storage.open(upload.storageKey);
    } catch (error) {
      if (error instanceof AppError) await this.refuse(principal, upload, meta, error.code, error);
      throw error;
    }
    try {
      await this.unitOfWork.run((tx) =>
        this.audit.record(
          {
            type: 'upload.downloaded',
            workspaceId: upload.workspaceId,
            linkId: upload.linkId,
            uploadId: upload.id,
            actor: this.auth.actorOf(principal),
            meta,
            detail: { filename: upload.filename, size_bytes: upload.sizeBytes, sha256: upload.sha256 },
          },
          tx,
        ),
      );
    } catch (error) {
      object.stream.destroy();
      throw new AppError('audit_unavailable', undefined, { cause: error });
    }
    return { upload, object };
  }

  /**
   * Deletes an upload: the row first (so nothing can point at a missing object), then its object.
   * Its audit events stay, `upload.deleted` is added, and the link does not get its slot back. An
   * object left behind by a failed delete is removed by the orphan sweep (it has no row any more).
   */
  async delete(principal: Principal, workspaceId: string, linkId: string, uploadId: string, meta: RequestMeta): Promise<void> {
    const link = await this.linkService.require(principal, workspaceId, linkId);
    const deleted = !isUuid(uploadId)
      ? null
      : await this.unitOfWork.run(async (tx) => {
          const upload = await this.uploads.lockById(tx, uploadId);
          if (!upload || upload.linkId !== link.id) return null;
          await this.uploads.delete(tx, upload.id);
          await this.audit.record(
            {
              type: 'upload.deleted',
              workspaceId: upload.workspaceId,
              linkId: upload.linkId,
              uploadId: upload.id,
              actor: this.auth.actorOf(principal),
              meta,
              detail: { filename: upload.filename, sha256: upload.sha256, scan_status: upload.scanStatus, scan_signature: upload.scanSignature },
            },
            tx,
          );
          return upload;
        });
    if (!deleted) throw new AppError('not_found', 'No upload has this id on this link.');
    await this.storage?.delete(deleted.storageKey).catch(() => undefined);
  }

  /** Records a refused download on the upload's trail, then throws the refusal. */
  private async refuse(principal: Principal, upload: UploadRecord, meta: RequestMeta, reason: ErrorCode, cause?: AppError): Promise<never> {
    await this.recordRefusal(principal, upload, meta, reason);
    throw cause ?? new AppError(reason as 'file_infected' | 'scan_pending');
  }

  private async recordRefusal(principal: Principal, upload: UploadRecord, meta: RequestMeta, reason: ErrorCode): Promise<void> {
    try {
      await this.unitOfWork.run((tx) =>
        this.audit.record(
          {
            type: 'upload.download_refused',
            workspaceId: upload.workspaceId,
            linkId: upload.linkId,
            uploadId: upload.id,
            actor: this.auth.actorOf(principal),
            meta,
            detail: { reason, scan_status: upload.scanStatus, scan_signature: upload.scanSignature },
          },
          tx,
        ),
      );
    } catch (error) {
      throw new AppError('audit_unavailable', undefined, { cause: error });
    }
  }

  /** Another workspace's key asked for a download: the owner's trail shows it, when the upload exists on that link. */
  async recordForbiddenDownload(principal: Principal, linkId: string, uploadId: string, meta: RequestMeta): Promise<void> {
    if (!isUuid(uploadId) || !isUuid(linkId)) return;
    const upload = await this.uploads.findById(uploadId);
    if (!upload || upload.linkId !== linkId.toLowerCase()) return;
    await this.recordRefusal(principal, upload, meta, 'forbidden');
  }
}
