import type { UnitOfWork } from '../../db/unit-of-work.js';
import type { RequestMeta, UploadRecord } from '../../domain/records.js';
import { AppError } from '../../errors/app-error.js';
import type { UploadRepository } from '../../repositories/upload.repository.js';
import type { StorageDriver, StoredObject } from '../../storage/storage-driver.js';
import type { AuditService } from '../audit.service.js';
import type { AuthService, Principal } from '../auth.service.js';
import type { LinkService } from '../link.service.js';
import { isUuid } from '../validation.js';

/** A download ready to stream: the audit event is already written. */
export interface OpenedDownload {
  upload: UploadRecord;
  object: StoredObject;
}

/** The operator's side of uploads: listing them and downloading their bytes. */
export class UploadService {
  constructor(
    private readonly auth: AuthService,
    private readonly linkService: LinkService,
    private readonly audit: AuditService,
    private readonly uploads: UploadRepository,
    private readonly storage: StorageDriver | null,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Uploads of a link, newest first; `not_found` when the link is not in the workspace. */
  async listForLink(principal: Principal, workspaceId: string, linkId: string): Promise<UploadRecord[]> {
    const link = await this.linkService.require(principal, workspaceId, linkId);
    return this.uploads.listByLink(link.id);
  }

  /**
   * Uploads of links the caller has already been authorised for (GraphQL's IntakeLink.uploads
   * batches through here), grouped by link id, newest first.
   */
  async listForAuthorisedLinks(linkIds: readonly string[]): Promise<Map<string, UploadRecord[]>> {
    const byLink = new Map<string, UploadRecord[]>(linkIds.map((id) => [id, []]));
    for (const upload of await this.uploads.listByLinks(linkIds)) byLink.get(upload.linkId)?.push(upload);
    return byLink;
  }

  /**
   * Opens an upload's bytes for an operator. The PHI access is recorded before anything is
   * returned; if it cannot be recorded, nothing is returned (`audit_unavailable`).
   */
  async openDownload(principal: Principal, workspaceId: string, linkId: string, uploadId: string, meta: RequestMeta): Promise<OpenedDownload> {
    const link = await this.linkService.require(principal, workspaceId, linkId);
    const upload = isUuid(uploadId) ? await this.uploads.findInLink(link.id, uploadId) : null;
    if (!upload) throw new AppError('not_found', 'No upload has this id on this link.');
    if (!this.storage) throw new AppError('upload_service_not_configured', 'File storage is not configured on this server.');
    const object = await this.storage.open(upload.storageKey);
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
}
