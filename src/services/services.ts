import type { AuditService } from './audit.service.js';
import type { AuthService } from './auth.service.js';
import type { LinkService } from './link.service.js';
import type { PublicRateLimits } from './rate-limit/public-rate-limits.js';
import type { ResumableIntakeService } from './upload/resumable-intake.service.js';
import type { UploadIntakeService } from './upload/upload-intake.service.js';
import type { UploadService } from './upload/upload.service.js';
import type { WorkspaceService } from './workspace.service.js';
import type { ScanService } from './scan.service.js';
import type { StatusService } from './status.service.js';

/** The services both faces call; built once in container/services.ts. */
export interface Services {
  auth: AuthService;
  workspaces: WorkspaceService;
  links: LinkService;
  uploads: UploadService;
  intake: UploadIntakeService;
  /** Uploads that arrive over several requests (tus). */
  resumable: ResumableIntakeService;
  audit: AuditService;
  rateLimits: PublicRateLimits;
  scans: ScanService;
  status: StatusService;
}
