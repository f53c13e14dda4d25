import type { ActorKind, AuditEventType } from './audit-vocabulary.js';
import type { ScanStatus } from './scan-status.js';

/**
 * Plain read models the repositories return and the services hand to the faces. They carry ids,
 * not ORM references, so nothing above the repositories depends on how rows are loaded.
 */
export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: Date;
  /** Where arrival e-mails go; null for none. */
  notifyEmail: string | null;
}

export interface ApiKeyRecord {
  id: string;
  workspaceId: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** When the key last authenticated a request (kept to the minute, not per request). */
  lastUsedAt: Date | null;
}

export interface LinkRecord {
  id: string;
  workspaceId: string;
  customerSlug: string;
  displayName: string | null;
  token: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  maxUploads: number;
  uploadCount: number;
  /** Slots held by resumable uploads in flight: they count against maxUploads like received files. */
  reservedUploads: number;
  lastUploadAt: Date | null;
}

export interface UploadRecord {
  id: string;
  linkId: string;
  workspaceId: string;
  customerSlug: string;
  filename: string;
  contentType: string;
  sha256: string;
  sizeBytes: number;
  receivedAt: Date;
  scanStatus: ScanStatus;
  /** The matched signature (infected), else null. */
  scanSignature: string | null;
  /** The engine of the latest verdict, null before one. */
  scanEngine: string | null;
  /** When the latest complete scan finished, null before one. */
  scannedAt: Date | null;
  storageKey: string;
  duplicateOf: { id: string; receivedAt: Date } | null;
}

/** Who did something: an operator key, the admin token, a customer with a link, or the server. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export interface AuditEventRecord {
  id: string;
  type: AuditEventType;
  occurredAt: Date;
  workspaceId: string;
  linkId: string | null;
  uploadId: string | null;
  actor: Actor;
  clientIp: string | null;
  userAgent: string | null;
  detail: Record<string, unknown>;
}

/** Where a request came from; recorded on audit events. */
export interface RequestMeta {
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}
